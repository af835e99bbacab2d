package org.securebase.journal.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The FHIR documents of the published definitions, with real answers scored by {@link Scoring}. */
class FhirDocumentsTest {

    private final Instruments instruments = new Instruments();
    private final FhirDocuments fhir = new FhirDocuments("https://practice.example/fhir/");

    @Test
    void questionnairesCarryThePanelTheItemsAndTheScoredOptions() {
        for (InstrumentDefinition definition : instruments.currentVersions()) {
            JsonNode questionnaire = fhir.questionnaire(definition);
            assertThat(questionnaire.get("resourceType").asString()).isEqualTo("Questionnaire");
            assertThat(questionnaire.get("url").asString())
                    .isEqualTo("https://practice.example/fhir/Questionnaire/" + definition.code());
            assertThat(questionnaire.get("version").asString()).isEqualTo(Integer.toString(definition.version()));
            assertThat(questionnaire.at("/code/0/code").asString()).isEqualTo(definition.panelLoinc());
            assertThat(questionnaire.get("item")).hasSize(definition.items().size());
            for (int i = 0; i < definition.items().size(); i++) {
                JsonNode item = questionnaire.get("item").get(i);
                assertThat(item.get("linkId").asString()).isEqualTo(Integer.toString(i + 1));
                assertThat(item.at("/code/0/code").asString()).isEqualTo(definition.items().get(i).loinc());
                JsonNode options = item.get("answerOption");
                assertThat(options).hasSize(definition.options().size());
                for (int o = 0; o < options.size(); o++) {
                    JsonNode coding = options.get(o).get("valueCoding");
                    assertThat(coding.get("code").asString()).isEqualTo(definition.options().get(o).loinc());
                    assertThat(coding.at("/extension/0/url").asString()).isEqualTo(FhirDocuments.ORDINAL_VALUE);
                    assertThat(coding.at("/extension/0/valueDecimal").asInt())
                            .isEqualTo(definition.options().get(o).value());
                }
            }
        }
    }

    @Test
    void aSubmittedResultIsAResponseAndAnObservationOfItsTotal() {
        Instant submitted = Instant.parse("2026-03-02T10:15:30Z");
        for (InstrumentDefinition definition : instruments.currentVersions()) {
            Map<Integer, Integer> answers = new HashMap<>();
            definition.items().forEach(item -> answers.put(item.number(), item.number() % 4));
            Scoring.Score score = Scoring.score(definition, answers);
            MeasureInstance instance = submitted(definition, answers, score.total(), submitted);

            JsonNode response = fhir.questionnaireResponse(definition, instance);
            assertThat(response.get("questionnaire").asString())
                    .isEqualTo(fhir.canonicalUrl(definition) + "|" + definition.version());
            assertThat(response.at("/subject/reference").asString()).isEqualTo("Patient/" + instance.clientId());
            assertThat(response.get("authored").asString()).isEqualTo("2026-03-02T10:15:30Z");
            int sum = 0;
            for (JsonNode item : response.get("item")) {
                int number = Integer.parseInt(item.get("linkId").asString());
                JsonNode coding = item.at("/answer/0/valueCoding");
                assertThat(coding.at("/extension/0/valueDecimal").asInt()).isEqualTo(answers.get(number));
                sum += coding.at("/extension/0/valueDecimal").asInt();
            }
            assertThat(sum).isEqualTo(score.total());

            JsonNode observation = fhir.totalObservation(definition, instance);
            assertThat(observation.at("/code/coding/0/code").asString()).isEqualTo(definition.totalLoinc());
            assertThat(observation.get("valueInteger").asInt()).isEqualTo(score.total());
            assertThat(observation.get("effectiveDateTime").asString()).isEqualTo("2026-03-02T10:15:30Z");
            assertThat(observation.at("/interpretation/0/text").asString()).isEqualTo(score.band().label());
            assertThat(observation.at("/derivedFrom/0/reference").asString())
                    .isEqualTo("QuestionnaireResponse/" + instance.id());
        }
    }

    @Test
    void anUnsubmittedInstanceHasNoDocuments() {
        InstrumentDefinition phq9 = instruments.byKey("phq-9.v1").orElseThrow();
        MeasureInstance open = new MeasureInstance(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), phq9.key(), MeasureInstance.Status.IN_PROGRESS, Instant.EPOCH, Map.of(1, 2), null,
                null, 1, null, null, null, null);
        assertThatThrownBy(() -> fhir.questionnaireResponse(phq9, open)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fhir.totalObservation(phq9, open)).isInstanceOf(IllegalArgumentException.class);
    }

    private static MeasureInstance submitted(InstrumentDefinition definition, Map<Integer, Integer> answers, int total,
                                             Instant at) {
        return new MeasureInstance(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                definition.key(), MeasureInstance.Status.SUBMITTED, at.minusSeconds(3600), answers, total,
                definition.bandOf(total).code(), 1, at, null, null, null);
    }
}
