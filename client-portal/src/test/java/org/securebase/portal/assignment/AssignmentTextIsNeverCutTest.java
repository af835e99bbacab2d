package org.securebase.portal.assignment;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.securebase.platform.contracts.JournalLimits;
import org.securebase.portal.WebSliceCalls;
import org.securebase.portal.WebSliceSecurity;
import org.securebase.portal.accounts.Accounts;
import org.securebase.portal.accounts.AccountsApi;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.Sent;
import org.securebase.portal.forms.Dates;
import org.securebase.portal.library.Articles;
import org.securebase.portal.library.LibraryApi;
import org.securebase.portal.library.ReadingHtml;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.securebase.portal.WebSliceSecurity.as;
import static org.securebase.portal.WrittenText.lineOfLength;
import static org.securebase.portal.WrittenText.ofLength;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * No homework text is ever shortened: text of exactly journal-service's limit (platform-contracts) reaches the
 * client whole, and one character more is a form error beside the field, with the text kept and nothing sent.
 */
@WebMvcTest(AssignmentController.class)
@Import({ReadingHtml.class, Dates.class, WebSliceSecurity.class, WebSliceCalls.class})
class AssignmentTextIsNeverCutTest {

    static final UUID ID = UUID.randomUUID();
    static final UUID PROMPT = UUID.randomUUID();
    static final UUID ANSWER = UUID.randomUUID();
    static final UUID FEEDBACK = UUID.randomUUID();
    static final UUID CLIENT = UUID.randomUUID();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AssignmentsApi assignments;

    @MockitoBean
    LibraryApi library;

    @MockitoBean
    AccountsApi accounts;

    static Homework.Assignment assignment(String status, Homework.Answer answer) {
        return new Homework.Assignment(ID, CLIENT, UUID.randomUUID(),
                new Homework.ArticleRef(UUID.randomUUID(), "attachment-and-healing", "Attachment and Healing", 2),
                status, null, null, null, null, null, Instant.now().plusSeconds(86_400), false, Instant.now(), null, null, null, null, false,
                List.of(new Homework.Prompt(PROMPT, 1, "TEXT", "What stood out?", null, null, answer)));
    }

    @BeforeEach
    void aPageCanBeShownAndEveryChangeWouldSucceed() {
        // So that text which should not have been sent fails the test on what it asserts, not on a missing answer.
        when(assignments.saveAnswer(any(), any(), any())).thenReturn(Sent.done(null));
        when(assignments.submit(any())).thenReturn(Sent.done(null));
        when(assignments.giveFeedback(any(), any(), any())).thenReturn(Sent.done(null));
        when(assignments.reply(any(), any(), any())).thenReturn(Sent.done(null));
        when(assignments.assign(any())).thenReturn(Sent.done(null));
        when(assignments.makePlan(any(), any())).thenReturn(Sent.done(null));
        doReturn(Fetched.of(Optional.empty())).when(library).pinnedVersion(anyString(), anyInt(), any());
        when(assignments.feedback(ID)).thenReturn(Fetched.of(List.of()));
        when(accounts.caseload()).thenReturn(Fetched.of(List.of(new Accounts.CaseloadClient(CLIENT, "Casey", "active"))));
        when(library.articlesToAssign()).thenReturn(Fetched.of(List.of()));
        when(accounts.zoneOfClient(any())).thenReturn(Fetched.of(Optional.empty()));
        when(library.article("attachment-and-healing")).thenReturn(Fetched.of(Optional.of(new Articles.Article(
                UUID.randomUUID(), "attachment-and-healing", "Attachment and Healing", "", "en", "published", 2, List.of(), 5,
                null, Instant.now(), "<p>Read me</p>", List.of()))));
    }

    // ---- answers ----

    @Test
    void anAnswerOfExactlyTheLimitIsSentWhole() throws Exception {
        when(assignments.assignment(ID)).thenReturn(Fetched.of(Optional.of(assignment("OPENED", null))));
        String answer = ofLength(JournalLimits.ANSWER);

        mvc.perform(post("/assignments/" + ID + "/answers").with(as("client")).with(csrf())
                        .param("text-" + PROMPT, answer))
                .andExpect(redirectedUrl("/assignments/" + ID));

        ArgumentCaptor<Homework.AnswerRequest> sent = ArgumentCaptor.forClass(Homework.AnswerRequest.class);
        verify(assignments).saveAnswer(eq(ID), eq(PROMPT), sent.capture());
        assertThat(sent.getValue().text()).isEqualTo(answer);
    }

    @Test
    void aBrowsersLineBreaksCountAsTheBrowserCountedThem() throws Exception {
        when(assignments.assignment(ID)).thenReturn(Fetched.of(Optional.of(assignment("OPENED", null))));
        String answer = ofLength(JournalLimits.ANSWER);

        // A form post carries CRLF; maxlength counted each as one character, and so does the portal.
        mvc.perform(post("/assignments/" + ID + "/answers").with(as("client")).with(csrf())
                        .param("text-" + PROMPT, answer.replace("\n", "\r\n")))
                .andExpect(redirectedUrl("/assignments/" + ID));

        ArgumentCaptor<Homework.AnswerRequest> sent = ArgumentCaptor.forClass(Homework.AnswerRequest.class);
        verify(assignments).saveAnswer(eq(ID), eq(PROMPT), sent.capture());
        assertThat(sent.getValue().text()).isEqualTo(answer);
    }

    @Test
    void anAnswerOverTheLimitIsExplainedBesideItAndNothingIsSent() throws Exception {
        when(assignments.assignment(ID)).thenReturn(Fetched.of(Optional.of(assignment("OPENED", null))));
        String answer = ofLength(JournalLimits.ANSWER + 1);

        String html = mvc.perform(post("/assignments/" + ID + "/answers").with(as("client")).with(csrf())
                        .param("text-" + PROMPT, answer).param("intent", "submit"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"text-" + PROMPT + "-error\"")
                .contains("This answer can be at most 10,000 characters long.")
                .contains("aria-describedby=\"text-" + PROMPT + "-error state-" + PROMPT + "\"")
                .contains("aria-invalid=\"true\"")
                .contains(">" + answer + "</textarea>");
        verify(assignments, never()).saveAnswer(any(), any(), any());
        verify(assignments, never()).submit(any());
    }

    @Test
    void anAutosavedAnswerOfExactlyTheLimitIsSentWholeAndOneMoreIsRefusedWithTheReason() throws Exception {
        String answer = ofLength(JournalLimits.ANSWER);
        String url = "/assignments/" + ID + "/answers/" + PROMPT;

        mvc.perform(post(url).with(as("client")).with(csrf()).param("kind", "TEXT").param("text", answer))
                .andExpect(status().isNoContent());
        ArgumentCaptor<Homework.AnswerRequest> sent = ArgumentCaptor.forClass(Homework.AnswerRequest.class);
        verify(assignments).saveAnswer(eq(ID), eq(PROMPT), sent.capture());
        assertThat(sent.getValue().text()).isEqualTo(answer);

        mvc.perform(post(url).with(as("client")).with(csrf()).param("kind", "TEXT").param("text", answer + "!"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("at most 10,000 characters")));
        verify(assignments).saveAnswer(any(), any(), any());
    }

    // ---- feedback and replies ----

    @Test
    void feedbackOfExactlyTheLimitIsSentWhole() throws Exception {
        String feedback = ofLength(JournalLimits.FEEDBACK);

        mvc.perform(post("/assignments/" + ID + "/answers/" + ANSWER + "/feedback").with(as("therapist")).with(csrf())
                        .param("body", feedback))
                .andExpect(redirectedUrl("/assignments/" + ID));

        verify(assignments).giveFeedback(ID, ANSWER, feedback);
    }

    @Test
    void feedbackOverTheLimitIsExplainedBesideItAndNothingIsSent() throws Exception {
        when(assignments.assignment(ID)).thenReturn(Fetched.of(Optional.of(
                assignment("SUBMITTED", new Homework.Answer(ANSWER, "I trust slowly", null, null, Instant.now())))));
        // The portal once cut feedback at 10,000 characters; journal-service takes 5,000.
        String feedback = ofLength(JournalLimits.FEEDBACK + 1);

        String html = mvc.perform(post("/assignments/" + ID + "/answers/" + ANSWER + "/feedback").with(as("therapist"))
                        .with(csrf()).param("body", feedback))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"feedback-" + ANSWER + "-error\"")
                .contains("Feedback can be at most 5,000 characters long.")
                .contains("aria-describedby=\"feedback-" + ANSWER + "-error\"").contains("aria-invalid=\"true\"")
                .contains(">" + feedback + "</textarea>");
        verify(assignments, never()).giveFeedback(any(), any(), any());
    }

    @Test
    void aReplyOfExactlyTheLimitIsSentWhole() throws Exception {
        String reply = ofLength(JournalLimits.REPLY);

        mvc.perform(post("/assignments/" + ID + "/feedback/" + FEEDBACK + "/replies").with(as("client")).with(csrf())
                        .param("body", reply))
                .andExpect(redirectedUrl("/assignments/" + ID));

        verify(assignments).reply(ID, FEEDBACK, reply);
    }

    @Test
    void aReplyOverTheLimitIsExplainedBesideItAndNothingIsSent() throws Exception {
        when(assignments.assignment(ID)).thenReturn(Fetched.of(Optional.of(
                assignment("REVIEWED", new Homework.Answer(ANSWER, "I trust slowly", null, null, Instant.now())))));
        when(assignments.feedback(ID)).thenReturn(Fetched.of(List.of(new Homework.Feedback(FEEDBACK, ID, ANSWER,
                UUID.randomUUID(), "Well noticed.", Instant.now(), List.of()))));
        String reply = ofLength(JournalLimits.REPLY + 1);

        String html = mvc.perform(post("/assignments/" + ID + "/feedback/" + FEEDBACK + "/replies").with(as("client"))
                        .with(csrf()).param("body", reply))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"reply-" + FEEDBACK + "-error\"")
                .contains("A reply can be at most 5,000 characters long.")
                .contains("aria-describedby=\"reply-" + FEEDBACK + "-error\"").contains("aria-invalid=\"true\"")
                .contains(">" + reply + "</textarea>");
        verify(assignments, never()).reply(any(), any(), any());
    }

    // ---- assigning: questions and the note ----

    @Test
    void questionsAndTheNoteOfExactlyTheirLimitsAreSentWhole() throws Exception {
        String question = ofLength(JournalLimits.QUESTION);
        String followUp = ofLength(JournalLimits.QUESTION - 1) + "?";
        String scale = lineOfLength(JournalLimits.QUESTION);
        String note = ofLength(JournalLimits.NOTE);

        mvc.perform(post("/assignments").with(as("therapist")).with(csrf())
                        .param("client", CLIENT.toString()).param("article", "attachment-and-healing")
                        .param("question", question).param("followUp", followUp).param("scale", scale)
                        .param("due", LocalDate.now().plusDays(3).toString()).param("note", note))
                .andExpect(redirectedUrl("/"));

        ArgumentCaptor<Homework.CreateRequest> sent = ArgumentCaptor.forClass(Homework.CreateRequest.class);
        verify(assignments).assign(sent.capture());
        assertThat(sent.getValue().prompts()).extracting(Homework.PromptRequest::question)
                .containsExactly(question, followUp, scale);
        assertThat(sent.getValue().note()).isEqualTo(note);
    }

    @Test
    void aQuestionOrANoteOverItsLimitIsExplainedBesideItAndNothingIsSent() throws Exception {
        String question = ofLength(JournalLimits.QUESTION + 1);
        String followUp = ofLength(JournalLimits.QUESTION) + "?";
        String scale = lineOfLength(JournalLimits.QUESTION + 1);
        String note = ofLength(JournalLimits.NOTE + 1);

        String html = mvc.perform(post("/assignments").with(as("therapist")).with(csrf())
                        .param("client", CLIENT.toString()).param("article", "attachment-and-healing")
                        .param("question", question).param("followUp", followUp).param("scale", scale)
                        .param("due", LocalDate.now().plusDays(3).toString()).param("note", note))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("The question is longer than 1,000 characters")
                .contains("The second question is longer than 1,000 characters")
                .contains("The scale question is longer than 1,000 characters")
                .contains("The note is longer than 2,000 characters")
                .contains("aria-describedby=\"question-error\"").contains("aria-describedby=\"followUp-error\"")
                .contains("aria-describedby=\"scale-hint scale-error\"").contains("aria-describedby=\"note-error\"")
                .contains(">" + question + "</textarea>").contains(">" + followUp + "</textarea>")
                .contains("value=\"" + scale + "\"").contains(">" + note + "</textarea>");
        verify(assignments, never()).assign(any());
    }

    // ---- the card and the plan ----

    @Test
    void aReasonAnObstacleAndAPlanOfExactlyTheirLimitsAreSentWhole() throws Exception {
        String reason = ofLength(JournalLimits.REASON);
        String obstacle = ofLength(JournalLimits.OBSTACLE);
        mvc.perform(post("/assignments").with(as("therapist")).with(csrf())
                        .param("client", CLIENT.toString()).param("article", "attachment-and-healing")
                        .param("question", "What stood out?").param("due", LocalDate.now().plusDays(3).toString())
                        .param("reason", reason).param("obstacle", obstacle))
                .andExpect(redirectedUrl("/"));
        ArgumentCaptor<Homework.CreateRequest> sent = ArgumentCaptor.forClass(Homework.CreateRequest.class);
        verify(assignments).assign(sent.capture());
        assertThat(sent.getValue().reason()).isEqualTo(reason);
        assertThat(sent.getValue().obstacle()).isEqualTo(obstacle);

        String part = ofLength(JournalLimits.PLAN_PART);
        mvc.perform(post("/assignments/" + ID + "/plan").with(as("client")).with(csrf())
                        .param("whenWhere", part).param("obstacle", part).param("coping", part))
                .andExpect(redirectedUrl("/assignments/" + ID));
        verify(assignments).makePlan(ID, new Homework.PlanRequest(part, part, part, null));
    }

    @Test
    void aReasonOrAPlanOverItsLimitIsExplainedBesideItAndNothingIsSent() throws Exception {
        String reason = ofLength(JournalLimits.REASON + 1);
        String html = mvc.perform(post("/assignments").with(as("therapist")).with(csrf())
                        .param("client", CLIENT.toString()).param("article", "attachment-and-healing")
                        .param("question", "What stood out?").param("due", LocalDate.now().plusDays(3).toString())
                        .param("reason", reason))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Why it matters is longer than 1,000 characters")
                .contains("aria-describedby=\"reason-hint reason-error\"").contains(">" + reason + "</textarea>");
        verify(assignments, never()).assign(any());

        when(assignments.assignment(ID)).thenReturn(Fetched.of(Optional.of(assignment("OPENED", null))));
        String coping = ofLength(JournalLimits.PLAN_PART + 1);
        String plan = mvc.perform(post("/assignments/" + ID + "/plan").with(as("client")).with(csrf())
                        .param("whenWhere", "Tuesday evening").param("coping", coping))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(plan).contains("What you will do then can be at most 500 characters long.")
                .contains("aria-describedby=\"plan-coping-error\"").contains(">" + coping + "</textarea>")
                .contains(">Tuesday evening</textarea>");
        verify(assignments, never()).makePlan(any(), any());
    }
}
