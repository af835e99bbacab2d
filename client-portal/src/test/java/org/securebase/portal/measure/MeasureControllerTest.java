package org.securebase.portal.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.securebase.portal.WebSliceSecurity.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.securebase.portal.WebSliceSecurity;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.api.Sent;
import org.securebase.portal.forms.Dates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The measure pages over a PlatformApi stand-in: one fieldset and legend per item, the crisis text after submit. */
@WebMvcTest(MeasureController.class)
@Import({MeasuresApi.class, Dates.class, WebSliceSecurity.class})
class MeasureControllerTest {

    static final UUID ID = UUID.randomUUID();
    static final String CRISIS = "Call 112 or a crisis line now.";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PlatformApi api;

    static Measures.Instrument gad7() {
        List<Measures.Option> options = List.of(new Measures.Option(0, "Not at all"), new Measures.Option(1, "Several days"),
                new Measures.Option(2, "More than half the days"), new Measures.Option(3, "Nearly every day"));
        return new Measures.Instrument("gad-7.v1", "gad-7", "GAD-7", "Over the last 2 weeks?", null, options,
                List.of(new Measures.Item(1, "Feeling nervous, anxious or on edge"), new Measures.Item(2, "Trouble relaxing")),
                List.of());
    }

    static Measures.Instance instance(String status, Map<Integer, Integer> answers) {
        return new Measures.Instance(ID, UUID.randomUUID(), UUID.randomUUID(), "gad-7.v1", "GAD-7", status, Instant.now(),
                null, answers, null, false, null);
    }

    @Test
    void theClientAnswersOneRadioGroupPerItemWithTheSavedAnswerChecked() throws Exception {
        when(api.get(any(), eq(Measures.Instance.class)))
                .thenReturn(Fetched.of(Optional.of(instance("IN_PROGRESS", Map.of(2, 3)))));
        when(api.get(any(), eq(Measures.Instrument.class))).thenReturn(Fetched.of(Optional.of(gad7())));

        String html = mvc.perform(get("/measures/" + ID).with(as("client"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html.split("<fieldset", -1)).hasSize(3);
        assertThat(html).contains("<legend>1. Feeling nervous, anxious or on edge</legend>");
        assertThat(html.split("type=\"radio\"", -1)).hasSize(9);
        assertThat(html).containsPattern("id=\"item-2-3\"[^>]*checked");
        assertThat(html).doesNotContainPattern("id=\"item-1-\\d\"[^>]*checked");
        assertThat(html).doesNotContain("<script>").doesNotContain("style=");
    }

    @Test
    void submittingSavesEveryChosenOptionThenShowsTheCrisisTextWhenTheResultNeedsAttention() throws Exception {
        when(api.put(any(), any(), eq(Measures.Instance.class))).thenReturn(Sent.done(instance("IN_PROGRESS", Map.of())));
        when(api.get(any(), eq(Measures.Instance.class)))
                .thenReturn(Fetched.of(Optional.of(instance("IN_PROGRESS", Map.of(1, 1, 2, 0)))));
        when(api.get(any(), eq(Measures.Instrument.class))).thenReturn(Fetched.of(Optional.of(gad7())));
        when(api.send(eq(HttpMethod.POST), any(), isNull(), eq(Measures.Submitted.class)))
                .thenReturn(Sent.done(new Measures.Submitted(instance("SUBMITTED", Map.of(1, 1, 2, 0)), CRISIS)));

        mvc.perform(post("/measures/" + ID + "/answers").with(as("client")).with(csrf())
                        .param("item-1", "1").param("item-2", "0").param("intent", "submit"))
                .andExpect(redirectedUrl("/measures/" + ID))
                .andExpect(flash().attribute("crisisText", CRISIS))
                .andExpect(flash().attribute("notice", "measures.submitted"));
        verify(api, org.mockito.Mockito.times(2)).put(any(), any(), eq(Measures.Instance.class));
    }

    @Test
    void aRefusedSubmissionShowsTheProblemAndNoCrisisText() throws Exception {
        when(api.get(any(), eq(Measures.Instance.class)))
                .thenReturn(Fetched.of(Optional.of(instance("IN_PROGRESS", Map.of(1, 0, 2, 1)))));
        when(api.get(any(), eq(Measures.Instrument.class))).thenReturn(Fetched.of(Optional.of(gad7())));
        when(api.send(eq(HttpMethod.POST), any(), isNull(), eq(Measures.Submitted.class)))
                .thenReturn(Sent.refused("items [2] are not answered yet"));

        mvc.perform(post("/measures/" + ID + "/answers").with(as("client")).with(csrf()).param("intent", "submit"))
                .andExpect(redirectedUrl("/measures/" + ID))
                .andExpect(flash().attribute("problem", "items [2] are not answered yet"))
                .andExpect(flash().attributeCount(1));
    }

    @Test
    void aSubmissionWithUnansweredItemsIsNotSentAndThePageListsThem() throws Exception {
        when(api.put(any(), any(), eq(Measures.Instance.class))).thenReturn(Sent.done(instance("IN_PROGRESS", Map.of(1, 2))));
        when(api.get(any(), eq(Measures.Instance.class)))
                .thenReturn(Fetched.of(Optional.of(instance("IN_PROGRESS", Map.of(1, 2)))));
        when(api.get(any(), eq(Measures.Instrument.class))).thenReturn(Fetched.of(Optional.of(gad7())));

        var flashed = mvc.perform(post("/measures/" + ID + "/answers").with(as("client")).with(csrf())
                        .param("item-1", "2").param("intent", "submit"))
                .andExpect(redirectedUrl("/measures/" + ID))
                .andExpect(flash().attribute("unanswered", List.of(2)))
                .andReturn().getFlashMap();
        verify(api, never()).send(eq(HttpMethod.POST), any(), any(), eq(Measures.Submitted.class));

        String html = mvc.perform(get("/measures/" + ID).with(as("client")).flashAttrs(flashed))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).containsPattern("id=\"error-summary\"[^>]*role=\"alert\"[^>]*tabindex=\"-1\"");
        assertThat(html).contains("<h2 id=\"error-summary-title\">Some questions are not answered yet</h2>");
        assertThat(html).contains("<a href=\"#item-2-0\">2. Trouble relaxing</a>").doesNotContain("href=\"#item-1-0\"");
        assertThat(html).containsPattern("id=\"item-2-0\"[^>]*aria-describedby=\"item-2-error state-2\"");
        assertThat(html).containsPattern("id=\"item-1-0\"[^>]*aria-describedby=\"state-1\"");
    }

    @Test
    void choosingAnOptionSavesThatItemAlone() throws Exception {
        when(api.put(any(), any(), eq(Measures.Instance.class))).thenReturn(Sent.done(instance("IN_PROGRESS", Map.of(2, 3))));

        mvc.perform(post("/measures/" + ID + "/answers/2").with(as("client")).with(csrf()).param("value", "3"))
                .andExpect(status().isNoContent());
        verify(api).put(any(), eq(new Measures.AnswerRequest(3)), eq(Measures.Instance.class));
    }

    @Test
    void anAutosaveTheServiceRefusesAnswersItsReasonAndOneWithoutANumberIsNotSent() throws Exception {
        when(api.put(any(), any(), eq(Measures.Instance.class))).thenReturn(Sent.refused("value must be one of [0, 1, 2, 3]"));

        mvc.perform(post("/measures/" + ID + "/answers/2").with(as("client")).with(csrf()).param("value", "7"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string("value must be one of [0, 1, 2, 3]"));
        mvc.perform(post("/measures/" + ID + "/answers/2").with(as("client")).with(csrf()).param("value", "often"))
                .andExpect(status().isUnprocessableContent());
        verify(api, org.mockito.Mockito.times(1)).put(any(), any(), any());
    }

    @Test
    void anAutosaveWhileTheServiceIsDownSaysSo() throws Exception {
        when(api.put(any(), any(), eq(Measures.Instance.class))).thenReturn(Sent.failed());

        mvc.perform(post("/measures/" + ID + "/answers/1").with(as("client")).with(csrf()).param("value", "1"))
                .andExpect(status().isServiceUnavailable());
    }

    @Test
    void theTherapistCannotAutosave() throws Exception {
        mvc.perform(post("/measures/" + ID + "/answers/1").with(as("therapist")).with(csrf()).param("value", "1"))
                .andExpect(status().isForbidden());
        verify(api, never()).put(any(), any(), any());
    }

    @Test
    void anOptionThatIsNotANumberIsNotSent() throws Exception {
        mvc.perform(post("/measures/" + ID + "/answers").with(as("client")).with(csrf()).param("item-1", "often"))
                .andExpect(redirectedUrl("/measures/" + ID))
                .andExpect(flash().attribute("error", "measures.error.form"));
        verify(api, never()).put(any(), any(), any());
    }

    @Test
    void theClientsListDrawsEachInstrumentsResultsOverTheBandsWithATable() throws Exception {
        Measures.Instrument gad7 = new Measures.Instrument("gad-7.v1", "gad-7", "GAD-7", "stem", null, List.of(),
                List.of(), List.of(new Measures.Band("minimal", "Minimal", 0, 4), new Measures.Band("mild", "Mild", 5, 9),
                new Measures.Band("moderate", "Moderate", 10, 14), new Measures.Band("severe", "Severe", 15, 21)));
        Measures.Instance submitted = new Measures.Instance(ID, UUID.randomUUID(), UUID.randomUUID(), "gad-7.v1", "GAD-7",
                "SUBMITTED", Instant.parse("2026-12-03T10:00:00Z"), Instant.parse("2026-12-03T10:00:00Z"), Map.of(),
                new Measures.Result(7, 21, "mild", "Mild", null, null, "NONE", false), false, null);
        when(api.get(any(), eq(Measures.Instrument[].class))).thenReturn(Fetched.of(Optional.of(new Measures.Instrument[] {gad7})));
        when(api.get(any(), eq(Measures.Instance[].class))).thenReturn(Fetched.of(Optional.of(new Measures.Instance[] {submitted})));

        String html = mvc.perform(get("/measures").with(as("client"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("<svg").contains("class=\"band-mild\"").contains("class=\"band-severe\"")
                .contains("<caption>GAD-7 scores</caption>").contains("<td>7 / 21</td>").contains("<td>Mild</td>");
        assertThat(html).doesNotContain("<script>").doesNotContain("style=");
    }

    @Test
    void theTherapistCannotAnswer() throws Exception {
        mvc.perform(post("/measures/" + ID + "/answers").with(as("therapist")).with(csrf()).param("item-1", "1"))
                .andExpect(status().isForbidden());
        verify(api, never()).put(any(), any(), any());
    }
}
