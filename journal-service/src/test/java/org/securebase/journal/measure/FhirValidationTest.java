package org.securebase.journal.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every FHIR document the measures produce, through HAPI's real R4 validator: both Questionnaires, and for each
 * instrument a QuestionnaireResponse (checked against its Questionnaire) and the total's Observation. LOINC cannot be
 * checked offline, so unknown-LOINC warnings are accepted; any error fails.
 */
class FhirValidationTest {

    private static final Instruments INSTRUMENTS = new Instruments();
    private static final FhirDocuments FHIR = new FhirDocuments("https://practice.example/fhir");
    private static R4Validation validation;

    @BeforeAll
    static void validator() {
        long started = System.nanoTime();
        validation = new R4Validation(INSTRUMENTS.currentVersions().stream()
                .map(definition -> FHIR.questionnaire(definition).toString()).toList());
        System.out.println("fhir-validation setup-ms=" + (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void everyDocumentIsValidR4() {
        List<String> errors = new ArrayList<>();
        int documents = 0;
        Instant submitted = Instant.parse("2026-03-02T10:15:30Z");
        for (InstrumentDefinition definition : INSTRUMENTS.currentVersions()) {
            Map<Integer, Integer> answers = new HashMap<>();
            definition.items().forEach(item -> answers.put(item.number(), (item.number() * 7) % 4));
            Scoring.Score score = Scoring.score(definition, answers);
            MeasureInstance instance = new MeasureInstance(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                    UUID.randomUUID(), definition.key(), MeasureInstance.Status.SUBMITTED, submitted.minusSeconds(60),
                    answers, score.total(), score.band().code(), 1, submitted, null, null, null);
            Map<String, String> produced = Map.of(
                    definition.key() + " Questionnaire", FHIR.questionnaire(definition).toString(),
                    definition.key() + " QuestionnaireResponse", FHIR.questionnaireResponse(definition, instance).toString(),
                    definition.key() + " Observation", FHIR.totalObservation(definition, instance).toString());
            for (Map.Entry<String, String> document : produced.entrySet()) {
                errors.addAll(validation.errors(document.getKey(), document.getValue()));
                documents++;
            }
        }
        System.out.println("fhir-validation documents=" + documents + " errors=" + errors.size() + " warnings="
                + validation.warnings());
        assertThat(documents).isEqualTo(6);
        assertThat(errors).isEmpty();
    }

    /** The check against the Questionnaire is real: an answer that is none of the item's options is an error. */
    @Test
    void anAnswerOutsideTheQuestionnaireIsAnError() {
        InstrumentDefinition phq9 = INSTRUMENTS.byKey("phq-9.v1").orElseThrow();
        Map<Integer, Integer> answers = new HashMap<>();
        phq9.items().forEach(item -> answers.put(item.number(), 0));
        MeasureInstance instance = new MeasureInstance(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), phq9.key(), MeasureInstance.Status.SUBMITTED, Instant.EPOCH, answers, 0, "minimal",
                1, Instant.EPOCH.plusSeconds(60), null, null, null);
        tools.jackson.databind.node.ObjectNode response = FHIR.questionnaireResponse(phq9, instance);
        ((tools.jackson.databind.node.ObjectNode) response.at("/item/0/answer/0/valueCoding")).put("code", "LA6572-7");
        assertThat(validation.errors("tampered QuestionnaireResponse", response.toString())).isNotEmpty();
    }
}
