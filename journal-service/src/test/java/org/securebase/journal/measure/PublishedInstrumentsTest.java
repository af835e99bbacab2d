package org.securebase.journal.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The definitions say, character for character, what the published PHQ-9 and GAD-7 say (the Pfizer forms, free to
 * reproduce). The expected texts are typed here from the instruments, never read from our own definitions, so an
 * edit of a definition that changes a word fails.
 */
class PublishedInstrumentsTest {

    private static final Instruments INSTRUMENTS = new Instruments();

    private static final List<String> OPTIONS = List.of(
            "Not at all", "Several days", "More than half the days", "Nearly every day");

    @Test
    void phq9() {
        InstrumentDefinition phq9 = INSTRUMENTS.current("phq-9").orElseThrow();
        assertThat(phq9.key()).isEqualTo("phq-9.v1");
        assertThat(phq9.stem())
                .isEqualTo("Over the last 2 weeks, how often have you been bothered by any of the following problems?");
        assertThat(phq9.items().stream().map(InstrumentDefinition.Item::text).toList()).containsExactly(
                "Little interest or pleasure in doing things",
                "Feeling down, depressed, or hopeless",
                "Trouble falling or staying asleep, or sleeping too much",
                "Feeling tired or having little energy",
                "Poor appetite or overeating",
                "Feeling bad about yourself \u2014 or that you are a failure or have let yourself or your family down",
                "Trouble concentrating on things, such as reading the newspaper or watching television",
                "Moving or speaking so slowly that other people could have noticed? Or the opposite \u2014 being so "
                        + "fidgety or restless that you have been moving around a lot more than usual",
                "Thoughts that you would be better off dead or of hurting yourself in some way");
        assertOptions(phq9);
        assertThat(phq9.items().stream().filter(InstrumentDefinition.Item::safety).map(InstrumentDefinition.Item::number))
                .containsExactly(9);
        assertThat(phq9.panelLoinc()).isEqualTo("44249-1");
        assertThat(phq9.totalLoinc()).isEqualTo("44261-6");
        assertThat(phq9.items().stream().map(InstrumentDefinition.Item::loinc)).containsExactly(
                "44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8");
    }

    @Test
    void gad7() {
        InstrumentDefinition gad7 = INSTRUMENTS.current("gad-7").orElseThrow();
        assertThat(gad7.key()).isEqualTo("gad-7.v1");
        assertThat(gad7.stem())
                .isEqualTo("Over the last 2 weeks, how often have you been bothered by the following problems?");
        assertThat(gad7.items().stream().map(InstrumentDefinition.Item::text).toList()).containsExactly(
                "Feeling nervous, anxious or on edge",
                "Not being able to stop or control worrying",
                "Worrying too much about different things",
                "Trouble relaxing",
                "Being so restless that it is hard to sit still",
                "Becoming easily annoyed or irritable",
                "Feeling afraid as if something awful might happen");
        assertOptions(gad7);
        assertThat(gad7.safetyItem()).isEmpty();
        assertThat(gad7.panelLoinc()).isEqualTo("69737-5");
        assertThat(gad7.totalLoinc()).isEqualTo("70274-6");
        assertThat(gad7.items().stream().map(InstrumentDefinition.Item::loinc)).containsExactly(
                "69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7");
    }

    private static void assertOptions(InstrumentDefinition definition) {
        assertThat(definition.options().stream().map(InstrumentDefinition.Option::text).toList())
                .containsExactlyElementsOf(OPTIONS);
        assertThat(definition.options().stream().map(InstrumentDefinition.Option::value)).containsExactly(0, 1, 2, 3);
        assertThat(definition.options().stream().map(InstrumentDefinition.Option::loinc))
                .containsExactly("LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9");
    }

    @Test
    void everyDefinitionOnTheClasspathIsLoaded() {
        assertThat(INSTRUMENTS.currentVersions().stream().map(InstrumentDefinition::key))
                .containsExactly("gad-7.v1", "phq-9.v1");
    }
}
