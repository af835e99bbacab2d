package org.securebase.journal.measure;

import java.util.Map;
import java.util.Objects;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * FHIR R4 documents of the measures, built as plain JSON: an instrument definition as a {@code Questionnaire}, a
 * submitted result as a {@code QuestionnaireResponse} and an {@code Observation} of the total. Built by hand rather
 * than with HAPI's model so the service does not carry HAPI's start-up cost for a handful of fixed shapes.
 *
 * <p>The documents hold clinical data (answers, the total): they are answers to authorised reads only, never logged.
 */
final class FhirDocuments {

    static final String LOINC = "http://loinc.org";
    static final String ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Where the Questionnaires' canonical urls start, without a trailing slash. */
    private final String canonicalBase;

    FhirDocuments(String canonicalBase) {
        Objects.requireNonNull(canonicalBase, "canonicalBase");
        this.canonicalBase = canonicalBase.endsWith("/")
                ? canonicalBase.substring(0, canonicalBase.length() - 1) : canonicalBase;
    }

    /** The canonical url of an instrument's Questionnaire, one per code; versions are told apart by {@code version}. */
    String canonicalUrl(InstrumentDefinition definition) {
        return canonicalBase + "/Questionnaire/" + definition.code();
    }

    ObjectNode questionnaire(InstrumentDefinition definition) {
        ObjectNode questionnaire = NODES.objectNode();
        questionnaire.put("resourceType", "Questionnaire");
        questionnaire.put("id", definition.key());
        questionnaire.put("url", canonicalUrl(definition));
        questionnaire.put("version", Integer.toString(definition.version()));
        questionnaire.put("name", computableName(definition.code()));
        questionnaire.put("title", definition.title());
        questionnaire.put("status", "active");
        questionnaire.putArray("subjectType").add("Patient");
        questionnaire.put("description", definition.stem());
        questionnaire.put("copyright", definition.copyright());
        questionnaire.putArray("code").add(coding(LOINC, definition.panelLoinc(), definition.panelLoincDisplay()));
        ArrayNode items = questionnaire.putArray("item");
        for (InstrumentDefinition.Item item : definition.items()) {
            ObjectNode node = items.addObject();
            node.put("linkId", linkId(item));
            if (item.loinc() != null) {
                node.putArray("code").add(coding(LOINC, item.loinc(), null));
            }
            node.put("text", item.text());
            node.put("type", "choice");
            node.put("required", true);
            ArrayNode options = node.putArray("answerOption");
            for (InstrumentDefinition.Option option : definition.options()) {
                options.addObject().set("valueCoding", answerCoding(option));
            }
        }
        return questionnaire;
    }

    /** A submitted result's answers against the Questionnaire of the version it was answered with. */
    ObjectNode questionnaireResponse(InstrumentDefinition definition, MeasureInstance instance) {
        requireSubmitted(instance);
        ObjectNode response = NODES.objectNode();
        response.put("resourceType", "QuestionnaireResponse");
        response.put("id", instance.id().toString());
        response.put("questionnaire", canonicalUrl(definition) + "|" + definition.version());
        response.put("status", "completed");
        response.set("subject", patient(instance));
        response.put("authored", instance.submittedAt().toString());
        ArrayNode items = response.putArray("item");
        Map<Integer, Integer> answers = instance.answers();
        for (InstrumentDefinition.Item item : definition.items()) {
            Integer value = answers.get(item.number());
            InstrumentDefinition.Option option = value == null ? null : definition.option(value).orElseThrow(() ->
                    new IllegalStateException(definition.key() + ": a stored answer is not one of its options"));
            ObjectNode node = items.addObject();
            node.put("linkId", linkId(item));
            node.put("text", item.text());
            if (option != null) {
                node.putArray("answer").addObject().set("valueCoding", answerCoding(option));
            }
        }
        return response;
    }

    /** The total score as an Observation, its severity band as the interpretation's text. */
    ObjectNode totalObservation(InstrumentDefinition definition, MeasureInstance instance) {
        requireSubmitted(instance);
        ObjectNode observation = NODES.objectNode();
        observation.put("resourceType", "Observation");
        observation.put("id", instance.id().toString());
        observation.put("status", "final");
        ObjectNode category = observation.putArray("category").addObject();
        category.putArray("coding").add(coding(OBSERVATION_CATEGORY, "survey", "Survey"));
        ObjectNode code = observation.putObject("code");
        code.putArray("coding").add(coding(LOINC, definition.totalLoinc(), definition.totalLoincDisplay()));
        code.put("text", definition.totalLoincDisplay());
        observation.set("subject", patient(instance));
        observation.put("effectiveDateTime", instance.submittedAt().toString());
        observation.put("valueInteger", instance.total());
        observation.putArray("interpretation").addObject()
                .put("text", definition.bandOf(instance.total()).label());
        observation.putArray("derivedFrom").addObject()
                .put("reference", "QuestionnaireResponse/" + instance.id());
        return observation;
    }

    private static void requireSubmitted(MeasureInstance instance) {
        if (instance.status() != MeasureInstance.Status.SUBMITTED || instance.total() == null
                || instance.submittedAt() == null) {
            throw new IllegalArgumentException("Only a submitted result has FHIR documents");
        }
    }

    private static ObjectNode patient(MeasureInstance instance) {
        return NODES.objectNode().put("reference", "Patient/" + instance.clientId());
    }

    private static String linkId(InstrumentDefinition.Item item) {
        return Integer.toString(item.number());
    }

    private static ObjectNode answerCoding(InstrumentDefinition.Option option) {
        ObjectNode coding = option.loinc() == null ? NODES.objectNode() : coding(LOINC, option.loinc(), null);
        coding.put("display", option.text());
        // The option's score, as R4's ordinalValue extension on a Coding carries it.
        coding.putArray("extension").addObject().put("url", ORDINAL_VALUE).put("valueDecimal", option.value());
        return coding;
    }

    private static ObjectNode coding(String system, String code, String display) {
        ObjectNode coding = NODES.objectNode().put("system", system).put("code", code);
        if (display != null) {
            coding.put("display", display);
        }
        return coding;
    }

    /** FHIR's computable name: a capital letter, then letters, digits and underscores ({@code phq-9} -> PHQ_9). */
    static String computableName(String code) {
        return code.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
