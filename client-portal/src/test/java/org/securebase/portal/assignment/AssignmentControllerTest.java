package org.securebase.portal.assignment;

import org.junit.jupiter.api.Test;
import org.securebase.portal.WebSliceCalls;
import org.securebase.portal.WebSliceSecurity;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.api.Sent;
import org.securebase.portal.accounts.Accounts;
import org.securebase.portal.accounts.AccountsApi;
import org.securebase.portal.forms.Dates;
import org.securebase.portal.library.Articles;
import org.securebase.portal.library.LibraryApi;
import org.securebase.portal.library.ReadingHtml;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.securebase.portal.WebSliceSecurity.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(AssignmentController.class)
@Import({AssignmentsApi.class, LibraryApi.class, AccountsApi.class, Dates.class, ReadingHtml.class,
        WebSliceSecurity.class, WebSliceCalls.class, AssignmentControllerTest.FixedClock.class})
class AssignmentControllerTest {

    static final UUID ID = UUID.randomUUID();
    static final UUID TEXT_PROMPT = UUID.randomUUID();
    static final UUID LIST_PROMPT = UUID.randomUUID();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PlatformApi api;

    static final java.time.ZoneId AUCKLAND = java.time.ZoneId.of("Pacific/Auckland");

    /**
     * 03:00 UTC: already the 15th in UTC and Auckland, still the 14th in the practice's zone (New York). A date
     * computed by the wrong calendar is off by one here, whatever hour the build runs at.
     */
    static final Instant NOW = Instant.parse("2026-06-15T03:00:00Z");
    static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 6, 14);

    @org.springframework.boot.test.context.TestConfiguration
    static class FixedClock {
        @org.springframework.context.annotation.Bean
        java.time.Clock clock() {
            return java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC);
        }
    }

    /** Unless a test says otherwise, account-service knows no zone for the client: the practice's applies. */
    @org.junit.jupiter.api.BeforeEach
    void noClientZone() {
        when(api.get(any(), eq(Accounts.ClientZone.class))).thenReturn(Fetched.of(Optional.empty()));
    }

    private void clientIn(java.time.ZoneId zone) {
        when(api.get(any(), eq(Accounts.ClientZone.class)))
                .thenReturn(Fetched.of(Optional.of(new Accounts.ClientZone(UUID.randomUUID(), zone.getId()))));
    }

    static Homework.Assignment assignment(String status, Homework.Answer textAnswer) {
        return new Homework.Assignment(ID, UUID.randomUUID(), UUID.randomUUID(),
                new Homework.ArticleRef(UUID.randomUUID(), "attachment-and-healing", "Attachment and Healing", 2),
                status, "Take your time", "Noticing early helps you catch the spiral.", null, null, null,
                Instant.now().plusSeconds(86_400), false, Instant.now(), null, null, null, null,
                false, List.of(new Homework.Prompt(TEXT_PROMPT, 1, "TEXT", "What stood out?", null, null, textAnswer),
                        new Homework.Prompt(LIST_PROMPT, 2, "CHECKLIST", "How Attachment Wounds Show Up", "list-1",
                                List.of("item-a", "item-b"), null)));
    }

    static Articles.Reading reading() {
        return new Articles.Reading(UUID.randomUUID(), "attachment-and-healing", 2, true, "Attachment and Healing", "",
                "en", 5, "<h2>How Attachment Wounds Show Up</h2><ul><li>Difficulty trusting</li></ul><script>alert(1)</script>",
                List.of(new Articles.Section("how", "How Attachment Wounds Show Up", 2, List.of(),
                        List.of(new Articles.ArticleList("list-1", false, List.of(
                                new Articles.Item("item-a", "Difficulty trusting others"),
                                new Articles.Item("item-b", "Fear of abandonment")))))));
    }

    /** The controller prepares what it reads; the API keeps the prepared copy, so the answer is prepared here. */
    private void givenReading(Fetched<Optional<Articles.Reading>> reading) {
        when(api.getRevalidated(any(), eq(Articles.Reading.class), any())).thenAnswer(call -> {
            java.util.function.Function<Articles.Reading, Object> prepare = call.getArgument(2);
            return reading.map(found -> found.map(prepare));
        });
    }

    @Test
    void aReadingOpenedFromTheLibraryIsChosenEvenWhenTheListDoesNotReachIt() throws Exception {
        Articles.Summary newer = new Articles.Summary(UUID.randomUUID(), "a-newer-reading", "A newer reading", "", "en",
                "published", 1, List.of(), 3, Instant.now());
        when(api.get(any(), eq(Articles.Page.class)))
                .thenReturn(Fetched.of(Optional.of(new Articles.Page(List.of(newer), 0, 100, 1, 1))));
        when(api.get(any(), eq(Articles.Article.class))).thenReturn(Fetched.of(Optional.of(new Articles.Article(
                UUID.randomUUID(), "attachment-and-healing", "Attachment and Healing", "", "en", "published", 2, List.of(), 5,
                null, Instant.now(), "<p>Read me</p>", List.of()))));
        when(api.get(any(), eq(Accounts.CaseloadClient[].class)))
                .thenReturn(Fetched.of(Optional.of(new Accounts.CaseloadClient[0])));

        String html = mvc.perform(get("/assignments/new").param("article", "attachment-and-healing")
                        .with(as("therapist"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).containsPattern("<option value=\"attachment-and-healing\" lang=\"en\"\\s+selected=\"selected\">"
                        + "Attachment and Healing</option>")
                .contains("<option value=\"a-newer-reading\" lang=\"en\">A newer reading</option>")
                .contains("id=\"assign-form\"");
    }

    @Test
    void clientSeesThePinnedReadingBesideTheFormWithChecklistTexts() throws Exception {
        when(api.get(any(), eq(Homework.Assignment.class))).thenReturn(Fetched.of(Optional.of(assignment("OPENED", null))));
        givenReading(Fetched.of(Optional.of(reading())));
        when(api.get(any(), eq(Homework.Feedback[].class))).thenReturn(Fetched.of(Optional.of(new Homework.Feedback[0])));

        String html = mvc.perform(get("/assignments/" + ID).with(as("client"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("class=\"side-by-side\"").contains("id=\"homework-form\"")
                .contains("Difficulty trusting others").contains("Fear of abandonment")
                .contains("name=\"text-" + TEXT_PROMPT + "\"").contains("What stood out?")
                .containsPattern("/js/homework(-[0-9a-f]{32})?\\.js").doesNotContain("<script>alert")
                .contains("class=\"reading-body\" lang=\"en\"");
    }

    @Test
    void theClientSeesHowFarTheyAreAndWhatSubmittingStillNeeds() throws Exception {
        UUID scalePrompt = UUID.randomUUID();
        Homework.Assignment base = assignment("IN_PROGRESS", new Homework.Answer(UUID.randomUUID(), "A first thought",
                null, null, Instant.now()));
        UUID secondText = UUID.randomUUID();
        List<Homework.Prompt> prompts = new java.util.ArrayList<>(base.prompts());
        prompts.add(new Homework.Prompt(secondText, 3, "TEXT", "What will you try?", null, null, null));
        prompts.add(new Homework.Prompt(scalePrompt, 4, "SCALE", "How safe do you feel?", null, null, null));
        Homework.Assignment withFour = new Homework.Assignment(base.id(), base.clientId(), base.therapistId(),
                base.article(), base.status(), base.note(), base.reason(), base.obstacle(), base.plan(), base.quality(),
                base.dueAt(), base.overdue(), base.createdAt(), base.openedAt(), base.submittedAt(), base.reviewedAt(),
                base.lastActivityAt(), base.unreadFeedback(), prompts);
        when(api.get(any(), eq(Homework.Assignment.class))).thenReturn(Fetched.of(Optional.of(withFour)));
        givenReading(Fetched.of(Optional.of(reading())));
        when(api.get(any(), eq(Homework.Feedback[].class))).thenReturn(Fetched.of(Optional.of(new Homework.Feedback[0])));

        String html = mvc.perform(get("/assignments/" + ID).with(as("client"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"progress-count\" aria-live=\"polite\" aria-atomic=\"true\">1 of 4 answered</p>")
                .contains("data-msg-progress=\"{0} of {1} answered\"")
                .contains("aria-describedby=\"progress-count still-to-answer\"");
        String missing = html.substring(html.indexOf("id=\"still-to-answer\""), html.indexOf("id=\"save\""));
        assertThat(missing).contains("Before you submit, answer:")
                .contains("<li data-for=\"" + secondText + "\">").contains("href=\"#text-" + secondText + "\">What will you try?</a>")
                .contains("<li data-for=\"" + scalePrompt + "\">").contains("href=\"#value-" + scalePrompt + "\">How safe do you feel?</a>")
                .contains("<li data-for=\"" + TEXT_PROMPT + "\" hidden=\"hidden\">")
                .as("a checklist is always sent, nothing ticked included").doesNotContain(LIST_PROMPT.toString());
    }

    @Test
    void theClientSeesWhyAndIsInvitedToPlanAndAPlanIsSentTrimmed() throws Exception {
        when(api.get(any(), eq(Homework.Assignment.class))).thenReturn(Fetched.of(Optional.of(assignment("OPENED", null))));
        givenReading(Fetched.of(Optional.of(reading())));
        when(api.get(any(), eq(Homework.Feedback[].class))).thenReturn(Fetched.of(Optional.of(new Homework.Feedback[0])));

        String html = mvc.perform(get("/assignments/" + ID).with(as("client"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"reason\">Noticing early helps you catch the spiral.</p>")
                .contains("id=\"plan-form\"").contains("Would you like to make a plan?");

        when(api.put(any(), any(), eq(Homework.Plan.class))).thenReturn(Sent.done(null));
        mvc.perform(post("/assignments/" + ID + "/plan").with(as("client")).with(csrf())
                        .param("whenWhere", " After dinner on Tuesday ").param("obstacle", "").param("coping", "Just start"))
                .andExpect(redirectedUrl("/assignments/" + ID)).andExpect(flash().attribute("notice", "plan.saved"));
        verify(api).put(any(), eq(new Homework.PlanRequest("After dinner on Tuesday", null, "Just start", null)),
                eq(Homework.Plan.class));
    }

    @Test
    void aPlanWithoutWhenOrTooLongIsNotSentAndWhatWasTypedIsKept() throws Exception {
        when(api.get(any(), eq(Homework.Assignment.class))).thenReturn(Fetched.of(Optional.of(assignment("OPENED", null))));
        givenReading(Fetched.of(Optional.of(reading())));
        when(api.get(any(), eq(Homework.Feedback[].class))).thenReturn(Fetched.of(Optional.of(new Homework.Feedback[0])));

        String blank = mvc.perform(post("/assignments/" + ID + "/plan").with(as("client")).with(csrf())
                        .param("whenWhere", "  ").param("coping", "Kept coping"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(blank).contains("id=\"plan-whenWhere-error\"").contains("Kept coping")
                .contains("aria-invalid=\"true\"");
        String tooLong = mvc.perform(post("/assignments/" + ID + "/plan").with(as("client")).with(csrf())
                        .param("whenWhere", "x".repeat(501)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(tooLong).contains("at most 500 characters");
        mvc.perform(post("/assignments/" + ID + "/plan").with(as("therapist")).with(csrf()).param("whenWhere", "Monday"))
                .andExpect(status().isForbidden());
        verify(api, never()).put(any(), any(), eq(Homework.Plan.class));
    }

    @Test
    void aReminderTimeInThePlanIsSentAsAnInstantInTheReadersZoneAndABadOneIsKeptBesideItsError() throws Exception {
        when(api.get(any(), eq(Homework.Assignment.class))).thenReturn(Fetched.of(Optional.of(assignment("OPENED", null))));
        givenReading(Fetched.of(Optional.of(reading())));
        when(api.get(any(), eq(Homework.Feedback[].class))).thenReturn(Fetched.of(Optional.of(new Homework.Feedback[0])));
        String page = mvc.perform(get("/assignments/" + ID).with(as("client"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("type=\"datetime-local\"").contains("id=\"plan-remindAt-hint\"")
                .contains("your time zone (America/New_York)");

        for (String[] bad : new String[][] {{"tuesday evening", "Choose a date and a time"},
                {"2000-01-01T10:00", "The reminder time has passed"}}) {
            String refused = mvc.perform(post("/assignments/" + ID + "/plan").with(as("client")).with(csrf())
                            .param("whenWhere", "After dinner").param("remindAt", bad[0]))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(refused).contains("id=\"plan-remindAt-error\"").contains(bad[1]).contains(bad[0])
                    .contains("After dinner");
        }
        verify(api, never()).put(any(), any(), eq(Homework.Plan.class));

        when(api.put(any(), any(), eq(Homework.Plan.class))).thenReturn(Sent.done(null));
        mvc.perform(post("/assignments/" + ID + "/plan").with(as("client")).with(csrf())
                        .param("whenWhere", "After dinner").param("remindAt", "2099-01-05T18:30"))
                .andExpect(redirectedUrl("/assignments/" + ID));
        verify(api).put(any(), eq(new Homework.PlanRequest("After dinner", null, null,
                java.time.LocalDateTime.parse("2099-01-05T18:30").atZone(java.time.ZoneId.of("America/New_York"))
                        .toInstant())),
                eq(Homework.Plan.class));

        // After the due time: only journal-service knows it; its refusal of the field comes back beside the field.
        when(api.put(any(), any(), eq(Homework.Plan.class))).thenReturn(Sent.refused("remindAt: must be before the "
                + "homework is due", java.util.List.of(new Sent.Violation("remindAt", "must be before the homework is due"))));
        String late = mvc.perform(post("/assignments/" + ID + "/plan").with(as("client")).with(csrf())
                        .param("whenWhere", "After dinner").param("remindAt", "2099-02-05T18:30"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(late).contains("id=\"plan-remindAt-error\"").contains("until before the homework is due")
                .contains("2099-02-05T18:30");
    }

    @Test
    void theTherapistRatesHandedInHomeworkZeroToThreeAndNothingElseIsSent() throws Exception {
        when(api.get(any(), eq(Homework.Assignment.class))).thenReturn(Fetched.of(Optional.of(assignment("SUBMITTED", null))));
        givenReading(Fetched.of(Optional.of(reading())));
        when(api.get(any(), eq(Homework.Feedback[].class))).thenReturn(Fetched.of(Optional.of(new Homework.Feedback[0])));
        String page = mvc.perform(get("/assignments/" + ID).with(as("therapist"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"quality-form\"").contains("<legend>How well was this homework done?</legend>")
                .contains("id=\"rating-3\"");
        String client = mvc.perform(get("/assignments/" + ID).with(as("client"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(client).as("the rating is the therapist's").doesNotContain("quality-form");

        for (String bad : new String[] {"4", "-1", "two", ""}) {
            mvc.perform(post("/assignments/" + ID + "/quality").with(as("therapist")).with(csrf()).param("rating", bad))
                    .andExpect(redirectedUrl("/assignments/" + ID)).andExpect(flash().attribute("error", "quality.error.choose"));
        }
        mvc.perform(post("/assignments/" + ID + "/quality").with(as("client")).with(csrf()).param("rating", "3"))
                .andExpect(status().isForbidden());
        verify(api, never()).put(any(), any(), eq(Homework.Quality.class));

        when(api.put(any(), any(), eq(Homework.Quality.class))).thenReturn(Sent.done(null));
        mvc.perform(post("/assignments/" + ID + "/quality").with(as("therapist")).with(csrf()).param("rating", "2"))
                .andExpect(redirectedUrl("/assignments/" + ID)).andExpect(flash().attribute("notice", "quality.saved"));
        verify(api).put(any(), eq(new Homework.QualityRequest(2)), eq(Homework.Quality.class));
    }

    @Test
    void readingUnavailableLeavesTheHomeworkUsable() throws Exception {
        when(api.get(any(), eq(Homework.Assignment.class))).thenReturn(Fetched.of(Optional.of(assignment("OPENED", null))));
        givenReading(Fetched.failed());
        when(api.get(any(), eq(Homework.Feedback[].class))).thenReturn(Fetched.failed());

        String html = mvc.perform(get("/assignments/" + ID).with(as("client"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("This reading is unavailable right now").contains("id=\"homework-form\"");
    }

    @Test
    void savingWithoutJavaScriptPutsEachAnswerThenSubmits() throws Exception {
        when(api.get(any(), eq(Homework.Assignment.class))).thenReturn(Fetched.of(Optional.of(assignment("OPENED", null))));
        when(api.put(any(), any(), eq(Void.class))).thenReturn(Sent.done(null));
        when(api.send(eq(HttpMethod.POST), any(), isNull(), eq(Void.class))).thenReturn(Sent.done(null));

        mvc.perform(post("/assignments/" + ID + "/answers").with(as("client")).with(csrf())
                        .param("text-" + TEXT_PROMPT, "My answer")
                        .param("present-" + LIST_PROMPT, "1").param("check-" + LIST_PROMPT, "item-b")
                        .param("intent", "submit"))
                .andExpect(redirectedUrl("/assignments/" + ID))
                .andExpect(flash().attribute("notice", "homework.submitted"));

        ArgumentCaptor<Object> bodies = ArgumentCaptor.forClass(Object.class);
        verify(api, org.mockito.Mockito.times(2)).put(any(), bodies.capture(), eq(Void.class));
        assertThat(bodies.getAllValues()).containsExactly(
                new Homework.AnswerRequest("My answer", null, null),
                new Homework.AnswerRequest(null, List.of("item-b"), null));
        verify(api).send(eq(HttpMethod.POST), any(), isNull(), eq(Void.class));
    }

    @Test
    void aRefusedSubmitShowsTheApisReason() throws Exception {
        when(api.get(any(), eq(Homework.Assignment.class))).thenReturn(Fetched.of(Optional.of(assignment("OPENED", null))));
        when(api.put(any(), any(), eq(Void.class))).thenReturn(Sent.done(null));
        when(api.send(eq(HttpMethod.POST), any(), isNull(), eq(Void.class)))
                .thenReturn(Sent.refused("Every prompt must be answered before submitting."));

        mvc.perform(post("/assignments/" + ID + "/answers").with(as("client")).with(csrf())
                        .param("text-" + TEXT_PROMPT, "").param("intent", "submit"))
                .andExpect(redirectedUrl("/assignments/" + ID))
                .andExpect(flash().attribute("problem", "Every prompt must be answered before submitting."));
    }

    @Test
    void autosaveAnswersNoContentOrTheReasonOrUnavailable() throws Exception {
        when(api.put(any(), any(), eq(Void.class)))
                .thenReturn(Sent.done(null), Sent.refused("The assignment was already submitted."), Sent.failed());
        String url = "/assignments/" + ID + "/answers/" + TEXT_PROMPT;

        mvc.perform(post(url).with(as("client")).with(csrf()).param("kind", "TEXT").param("text", "draft"))
                .andExpect(status().isNoContent());
        mvc.perform(post(url).with(as("client")).with(csrf()).param("kind", "TEXT").param("text", "draft"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string("The assignment was already submitted."));
        mvc.perform(post(url).with(as("client")).with(csrf()).param("kind", "TEXT").param("text", "draft"))
                .andExpect(status().isServiceUnavailable());
    }

    @Test
    void autosaveWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/assignments/" + ID + "/answers/" + TEXT_PROMPT).with(as("client"))
                        .param("kind", "TEXT").param("text", "draft"))
                .andExpect(status().isForbidden());
        verify(api, never()).put(any(), any(), any());
    }

    @Test
    void therapistReviewingSeesAnswersWithAFeedbackFormPerAnswer() throws Exception {
        UUID answerId = UUID.randomUUID();
        when(api.get(any(), eq(Homework.Assignment.class))).thenReturn(Fetched.of(Optional.of(
                assignment("SUBMITTED", new Homework.Answer(answerId, "I trust slowly", null, null, Instant.now())))));
        givenReading(Fetched.of(Optional.of(reading())));
        when(api.get(any(), eq(Homework.Feedback[].class))).thenReturn(Fetched.of(Optional.of(new Homework.Feedback[0])));

        String html = mvc.perform(get("/assignments/" + ID).with(as("therapist"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("I trust slowly")
                .contains("/assignments/" + ID + "/answers/" + answerId + "/feedback")
                .doesNotContain("id=\"homework-form\"");
    }

    @Test
    void aTherapistCannotAnswerForTheClient() throws Exception {
        mvc.perform(post("/assignments/" + ID + "/answers/" + TEXT_PROMPT).with(as("therapist")).with(csrf())
                        .param("kind", "TEXT").param("text", "draft"))
                .andExpect(status().isForbidden());
        verify(api, never()).put(any(), any(), any());
    }

    // ---- moving the due date ----

    @Test
    void theTherapistMovesTheDueDateOfOpenHomeworkOnly() throws Exception {
        when(api.get(any(), eq(Homework.Feedback[].class))).thenReturn(Fetched.of(Optional.of(new Homework.Feedback[0])));
        givenReading(Fetched.of(Optional.of(reading())));
        when(api.get(any(), eq(Homework.Assignment.class))).thenReturn(Fetched.of(Optional.of(assignment("OPENED", null))));
        assertThat(page("therapist")).contains("id=\"due-form\"").contains("/assignments/" + ID + "/due");
        assertThat(page("client")).doesNotContain("id=\"due-form\"");
        when(api.get(any(), eq(Homework.Assignment.class))).thenReturn(Fetched.of(Optional.of(assignment("SUBMITTED", null))));
        assertThat(page("therapist")).as("handed in: nothing to move").doesNotContain("id=\"due-form\"");

        when(api.put(any(), any(), eq(Homework.Summary.class))).thenReturn(Sent.done(null));
        clientIn(AUCKLAND);
        java.time.LocalDate day = TODAY.plusDays(3);
        mvc.perform(post("/assignments/" + ID + "/due").with(as("therapist")).with(csrf()).param("due", day.toString())
                        .param("client", UUID.randomUUID().toString()))
                .andExpect(redirectedUrl("/assignments/" + ID)).andExpect(flash().attribute("notice", "due.moved"));
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(api).put(any(), sent.capture(), eq(Homework.Summary.class));
        assertThat(((Homework.DueRequest) sent.getValue()).dueAt())
                .as("the last second of the day in the client's zone")
                .isEqualTo(day.atTime(23, 59, 59).atZone(AUCKLAND).toInstant());
    }

    @Test
    void aMissingPastOrUnreadableDueDateIsNotSentAndARefusalIsShown() throws Exception {
        for (String bad : new String[] {"", "tomorrow", "2026-02-30", TODAY.minusDays(1).toString()}) {
            mvc.perform(post("/assignments/" + ID + "/due").with(as("therapist")).with(csrf()).param("due", bad))
                    .andExpect(redirectedUrl("/assignments/" + ID)).andExpect(flash().attributeExists("error"));
        }
        mvc.perform(post("/assignments/" + ID + "/due").with(as("client")).with(csrf())
                        .param("due", TODAY.plusDays(1).toString()))
                .andExpect(status().isForbidden());
        verify(api, never()).put(any(), any(), any());

        when(api.put(any(), any(), eq(Homework.Summary.class)))
                .thenReturn(Sent.refused("The homework is already handed in."));
        mvc.perform(post("/assignments/" + ID + "/due").with(as("therapist")).with(csrf())
                        .param("due", TODAY.plusDays(1).toString()))
                .andExpect(redirectedUrl("/assignments/" + ID))
                .andExpect(flash().attribute("problem", "The homework is already handed in."));
    }

    private String page(String role) throws Exception {
        return mvc.perform(get("/assignments/" + ID).with(as(role))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    // ---- assigning ----

    static final UUID CLIENT = UUID.randomUUID();

    private void articleAndCaseload() {
        Articles.Reading reading = reading();
        when(api.get(any(), eq(Articles.Article.class))).thenReturn(Fetched.of(Optional.of(new Articles.Article(
                reading.articleId(), reading.slug(), reading.title(), "", "en", "PUBLISHED", 2, List.of(), 5, null, Instant.now(),
                reading.html(), reading.sections()))));
        when(api.get(any(), eq(Articles.Page.class))).thenReturn(Fetched.of(Optional.of(
                new Articles.Page(List.of(), 0, 50, 0, 0))));
        when(api.get(any(), eq(Accounts.CaseloadClient[].class))).thenReturn(Fetched.of(Optional.of(
                new Accounts.CaseloadClient[] {new Accounts.CaseloadClient(CLIENT, "Casey Client", "active")})));
    }

    @Test
    void assigningSendsEveryKindOfPromptDueAtTheEndOfTheChosenDay() throws Exception {
        articleAndCaseload();
        clientIn(AUCKLAND);
        when(api.post(any(), any(), eq(Homework.Summary.class))).thenReturn(Sent.done(null));
        java.time.LocalDate due = TODAY.plusDays(7);

        mvc.perform(post("/assignments").with(as("therapist")).with(csrf())
                        .param("client", CLIENT.toString()).param("article", "attachment-and-healing")
                        .param("question", " What stood out? ").param("followUp", "What would you like to try?")
                        .param("scale", "How hopeful do you feel?").param("listId", "list-1")
                        .param("due", due.toString()).param("note", "Take your time")
                        .param("reason", " It helps you notice the spiral early. ").param("obstacle", ""))
                .andExpect(redirectedUrl("/")).andExpect(flash().attribute("notice", "assign.done"));

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(api).post(any(), sent.capture(), eq(Homework.Summary.class));
        Homework.CreateRequest request = (Homework.CreateRequest) sent.getValue();
        assertThat(request.clientId()).isEqualTo(CLIENT);
        assertThat(request.note()).isEqualTo("Take your time");
        assertThat(request.reason()).isEqualTo("It helps you notice the spiral early.");
        assertThat(request.obstacle()).isNull();
        assertThat(request.prompts()).containsExactly(
                new Homework.PromptRequest("TEXT", "What stood out?", null),
                new Homework.PromptRequest("TEXT", "What would you like to try?", null),
                new Homework.PromptRequest("SCALE", "How hopeful do you feel?", null),
                new Homework.PromptRequest("CHECKLIST", "How Attachment Wounds Show Up", "list-1"));
        assertThat(request.dueAt()).as("the last second of the due day in the client's zone")
                .isEqualTo(due.atTime(23, 59, 59).atZone(AUCKLAND).toInstant());
    }

    @Test
    void aPastDueDateOrAnOverlongQuestionIsRefusedWithTheTypedTextKept() throws Exception {
        articleAndCaseload();

        String past = mvc.perform(post("/assignments").with(as("therapist")).with(csrf())
                        .param("client", CLIENT.toString()).param("article", "attachment-and-healing")
                        .param("question", "Kept question").param("due", TODAY.minusDays(1).toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(past).contains("The due date is in the past").contains("Kept question")
                .containsPattern("<a href=\"#due\">The due date is in the past");

        String tooLong = mvc.perform(post("/assignments").with(as("therapist")).with(csrf())
                        .param("client", CLIENT.toString()).param("article", "attachment-and-healing")
                        .param("scale", "x".repeat(2_001)).param("due", TODAY.toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(tooLong).contains("longer than 1,000 characters");

        String nothing = mvc.perform(post("/assignments").with(as("therapist")).with(csrf())
                        .param("client", CLIENT.toString()).param("article", "attachment-and-healing")
                        .param("due", TODAY.toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(nothing).contains("Add a question or choose a list");

        verify(api, never()).post(any(), any(), any());
    }

    @Test
    void aClientCannotAssign() throws Exception {
        mvc.perform(post("/assignments").with(as("client")).with(csrf())
                        .param("client", CLIENT.toString()).param("article", "attachment-and-healing"))
                .andExpect(status().isForbidden());
        verify(api, never()).post(any(), any(), any());
    }

    @Test
    void onlyARealOutageSaysTryAgainAndItIsA503() throws Exception {
        when(api.get(any(), eq(Homework.Assignment.class))).thenReturn(Fetched.failed());

        mvc.perform(get("/assignments/" + ID).with(as("client"))).andExpect(status().isServiceUnavailable());

        when(api.get(any(), eq(Homework.Assignment.class))).thenReturn(Fetched.of(Optional.empty()));
        mvc.perform(get("/assignments/" + ID).with(as("client"))).andExpect(status().isNotFound());
    }
}
