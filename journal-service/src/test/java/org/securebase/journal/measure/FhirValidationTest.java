package org.securebase.journal.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Questionnaire;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;

/**
 * Every FHIR document the measures produce, through HAPI's real R4 validator: both Questionnaires, and for each
 * instrument a QuestionnaireResponse (checked against its Questionnaire) and the total's Observation. LOINC cannot be
 * checked offline, so unknown-LOINC warnings are accepted; any error fails.
 */
class FhirValidationTest {

    private static final Instruments INSTRUMENTS = new Instruments();
    private static final FhirDocuments FHIR = new FhirDocuments("https://practice.example/fhir");
    private static FhirValidator validator;

    @BeforeAll
    static void validator() {
        long started = System.nanoTime();
        FhirContext context = FhirContext.forR4();
        Map<String, Questionnaire> byCanonical = new HashMap<>();
        for (InstrumentDefinition definition : INSTRUMENTS.currentVersions()) {
            Questionnaire questionnaire = context.newJsonParser()
                    .parseResource(Questionnaire.class, FHIR.questionnaire(definition).toString());
            byCanonical.put(questionnaire.getUrl() + "|" + questionnaire.getVersion(), questionnaire);
        }
        ValidationSupportChain chain = new ValidationSupportChain(new Questionnaires(context, byCanonical),
                new DefaultProfileValidationSupport(context), new InMemoryTerminologyServerValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context));
        validator = context.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
        System.out.println("fhir-validation setup-ms=" + (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void everyDocumentIsValidR4() {
        List<String> errors = new ArrayList<>();
        int documents = 0;
        int warnings = 0;
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
                ValidationResult result = validator.validateWithResult(document.getValue());
                int documentErrors = 0;
                int documentWarnings = 0;
                for (SingleValidationMessage message : result.getMessages()) {
                    if (message.getSeverity() == ResultSeverityEnum.ERROR
                            || message.getSeverity() == ResultSeverityEnum.FATAL) {
                        documentErrors++;
                        errors.add(document.getKey() + ": " + message.getLocationString() + " " + message.getMessage());
                    } else if (message.getMessage().contains("could not be resolved")) {
                        // Not validated against its Questionnaire is as bad as an error: the answers went unchecked.
                        documentErrors++;
                        errors.add(document.getKey() + ": " + message.getMessage());
                    } else if (message.getSeverity() == ResultSeverityEnum.WARNING) {
                        documentWarnings++;
                        System.out.println("fhir-validation warning " + document.getKey() + ": "
                                + message.getLocationString() + " " + message.getMessage());
                    }
                }
                System.out.println("fhir-validation document=\"" + document.getKey() + "\" errors=" + documentErrors
                        + " warnings=" + documentWarnings);
                warnings += documentWarnings;
                documents++;
            }
        }
        System.out.println("fhir-validation documents=" + documents + " errors=" + errors.size() + " warnings=" + warnings);
        assertThat(documents).isEqualTo(6);
        assertThat(errors).isEmpty();
    }

    /**
     * The produced Questionnaires by versioned canonical url ({@code url|version}), so the validator checks each
     * QuestionnaireResponse against the exact version it names. HAPI's pre-populated support keeps conformance
     * resources only (no Questionnaire), hence this lookup.
     */
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
        long errors = validator.validateWithResult(response.toString()).getMessages().stream()
                .filter(message -> message.getSeverity() == ResultSeverityEnum.ERROR).count();
        assertThat(errors).isPositive();
    }

    @SuppressWarnings("unchecked")
    private record Questionnaires(FhirContext context, Map<String, Questionnaire> byCanonical)
            implements IValidationSupport {

        @Override
        public FhirContext getFhirContext() {
            return context;
        }

        @Override
        public <T extends org.hl7.fhir.instance.model.api.IBaseResource> T fetchResource(Class<T> type, String url) {
            Questionnaire found = url == null ? null : byCanonical.get(url);
            return found != null && (type == null || type.isInstance(found)) ? (T) found : null;
        }
    }
}
