package org.securebase.journal.measure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Questionnaire;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;

/**
 * HAPI's real R4 validator, knowing the given Questionnaires, so each QuestionnaireResponse is checked against the
 * exact version it names. LOINC cannot be checked offline: unknown-LOINC warnings are counted, not errors. A response
 * whose Questionnaire cannot be resolved counts as an error: its answers went unchecked.
 */
final class R4Validation {

    private final FhirValidator validator;
    private int documents;
    private int warnings;

    R4Validation(Collection<String> questionnaires) {
        FhirContext context = FhirContext.forR4();
        Map<String, Questionnaire> byCanonical = new HashMap<>();
        for (String json : questionnaires) {
            Questionnaire questionnaire = context.newJsonParser().parseResource(Questionnaire.class, json);
            byCanonical.put(questionnaire.getUrl() + "|" + questionnaire.getVersion(), questionnaire);
        }
        ValidationSupportChain chain = new ValidationSupportChain(new Questionnaires(context, byCanonical),
                new DefaultProfileValidationSupport(context), new InMemoryTerminologyServerValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context));
        validator = context.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    }

    /** The errors of one document, each prefixed with its name; its warnings are printed and counted. */
    List<String> errors(String name, String document) {
        List<String> errors = new ArrayList<>();
        int documentWarnings = 0;
        for (SingleValidationMessage message : validator.validateWithResult(document).getMessages()) {
            if (message.getSeverity() == ResultSeverityEnum.ERROR || message.getSeverity() == ResultSeverityEnum.FATAL) {
                errors.add(name + ": " + message.getLocationString() + " " + message.getMessage());
            } else if (message.getMessage().contains("could not be resolved")) {
                errors.add(name + ": " + message.getMessage());
            } else if (message.getSeverity() == ResultSeverityEnum.WARNING) {
                documentWarnings++;
                System.out.println("fhir-validation warning " + name + ": " + message.getLocationString() + " "
                        + message.getMessage());
            }
        }
        System.out.println("fhir-validation document=\"" + name + "\" errors=" + errors.size() + " warnings="
                + documentWarnings);
        documents++;
        warnings += documentWarnings;
        return errors;
    }

    int documents() {
        return documents;
    }

    int warnings() {
        return warnings;
    }

    /**
     * The Questionnaires by versioned canonical url ({@code url|version}). HAPI's pre-populated support keeps
     * conformance resources only (no Questionnaire), hence this lookup.
     */
    @SuppressWarnings("unchecked")
    private record Questionnaires(FhirContext context, Map<String, Questionnaire> byCanonical)
            implements IValidationSupport {

        @Override
        public FhirContext getFhirContext() {
            return context;
        }

        @Override
        public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
            Questionnaire found = url == null ? null : byCanonical.get(url);
            return found != null && (type == null || type.isInstance(found)) ? (T) found : null;
        }
    }
}
