package org.securebase.journal.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.journal.JournalServiceIntegrationTest;
import org.securebase.journal.support.Api;
import org.securebase.journal.support.MovableClock;
import org.securebase.journal.support.People;
import org.securebase.journal.support.Projections;
import org.securebase.journal.support.TopicProbe;
import org.securebase.platform.events.EventEnvelope;
import org.securebase.platform.events.EventJson;
import org.securebase.platform.events.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Measures on the real PostgreSQL, Kafka and Keycloak: a therapist schedules PHQ-9 every two weeks, the client answers
 * item by item and submits, the safety item raises the flag until acknowledged, the clock moved two weeks brings the
 * next instance. Bad input is a problem and changes nothing; someone else's measure is not found; the stored rows and
 * the events hold no answer or score.
 */
@JournalServiceIntegrationTest
@Import(MovableClock.class)
@TestPropertySource(properties = {
        "securebase.test.database=journal_measures",
        "securebase.events.consumer.group-prefix=journal-service-measures"
})
@DirtiesContext
class MeasuresIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    MovableClock clock;

    Api api;
    Projections projections;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        projections = new Projections(jdbc, listeners);
        projections.standardCaseloads();
        projections.heartbeatsUntil(clock.instant());
    }

    @Test
    void phq9EveryTwoWeeksWithTheSafetyItem() {
        try (TopicProbe topic = TopicProbe.fromNow(Topics.JOURNAL_ASSIGNMENTS)) {
            Api.Response scheduled = api.post("/api/journal/measures/schedules", People.THERAPIST.token(),
                    Api.map("clientId", People.CLIENT.id().toString(), "instrument", "phq-9", "everyWeeks", 2));
            assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
            String schedule = scheduled.json().get("id").asString();
            assertThat(scheduled.json().get("instrument").asString()).isEqualTo("phq-9.v1");

            String first = onlyOpenInstance(schedule);
            String path = "/api/journal/measures/" + first;

            // Autosave item by item, item 9 = 1; before the last item a submission is refused and changes nothing.
            for (int item = 1; item <= 8; item++) {
                assertThat(answer(first, item, item % 2 == 0 ? 1 : 0).status()).isEqualTo(200);
            }
            Api.Response early = api.post(path + "/submit", People.CLIENT.token(), Map.of());
            assertThat(early.status()).isEqualTo(400);
            assertThat(early.isProblem()).isTrue();
            assertThat(api.get(path, People.CLIENT.token()).json().get("status").asString()).isEqualTo("IN_PROGRESS");

            Api.Response outside = answer(first, 9, 4);
            assertThat(outside.status()).isEqualTo(400);
            assertThat(outside.isProblem()).isTrue();
            assertThat(answer(first, 10, 1).status()).isEqualTo(404);
            assertThat(api.get(path, People.CLIENT.token()).json().get("answers").has("9")).isFalse();
            assertThat(answer(first, 9, 1).status()).isEqualTo(200);

            Api.Response submitted = api.post(path + "/submit", People.CLIENT.token(), Map.of());
            assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
            JsonNode result = submitted.json().at("/instance/result");
            assertThat(result.get("total").asInt()).isEqualTo(5);
            assertThat(result.get("band").asString()).isEqualTo("mild");
            assertThat(submitted.json().get("crisisText").asString()).contains("emergency").contains("crisis line");
            long storedSeal = sealVersion(first);

            Api.Response again = api.post(path + "/submit", People.CLIENT.token(), Map.of());
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.isProblem()).isTrue();
            Api.Response late = answer(first, 1, 3);
            assertThat(late.status()).isEqualTo(409);
            assertThat(sealVersion(first)).as("nothing written after the submission").isEqualTo(storedSeal);

            // The flag: first on the therapist's list until acknowledged, who and when recorded.
            JsonNode attention = api.get("/api/journal/measures/attention", People.THERAPIST.token()).json();
            assertThat(attention.get(0).get("id").asString()).isEqualTo(first);
            assertThat(attention.get(0).has("total")).isFalse();

            long auditedBefore = auditRows(first);
            JsonNode seen = api.get(path, People.THERAPIST.token()).json();
            assertThat(seen.at("/result/total").asInt()).isEqualTo(5);
            assertThat(seen.get("needsAttention").asBoolean()).isTrue();
            assertThat(auditRows(first)).as("the therapist's read is audited").isEqualTo(auditedBefore + 1);
            api.get(path, People.CLIENT.token());
            assertThat(auditRows(first)).as("the owner's read is not").isEqualTo(auditedBefore + 1);

            Api.Response acknowledged = api.post(path + "/acknowledge", People.THERAPIST.token(), Map.of());
            assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
            assertThat(acknowledged.json().get("needsAttention").asBoolean()).isFalse();
            assertThat(acknowledged.json().get("acknowledgedBy").asString()).isEqualTo(People.THERAPIST.id().toString());
            assertThat(acknowledged.json().get("acknowledgedAt").isNull()).isFalse();
            assertThat(api.get("/api/journal/measures/attention", People.THERAPIST.token()).json()).isEmpty();
            assertThat(api.post(path + "/acknowledge", People.THERAPIST.token(), Map.of()).status()).isEqualTo(409);

            // Events: assigned, due, needs attention; ids, the instrument and times, never an answer or a score.
            List<ConsumerRecord<String, byte[]>> records = topic.awaitRecords(seenRecords ->
                    types(seenRecords, schedule).containsAll(List.of("MeasureAssigned", "MeasureDue", "MeasureNeedsAttention")));
            for (ConsumerRecord<String, byte[]> record : records) {
                if (!schedule.equals(record.key())) {
                    continue;
                }
                String wire = new String(record.value(), StandardCharsets.UTF_8);
                assertThat(wire).doesNotContain("total").doesNotContain("answers").doesNotContain("band")
                        .doesNotContain("mild");
            }

            // Two weeks later (the test clock) the next instance is due; the first is still there, submitted.
            clock.advance(Duration.ofDays(14));
            projections.heartbeatsUntil(clock.instant());
            String second = onlyOpenInstance(schedule);
            assertThat(second).isNotEqualTo(first);
            for (int item = 1; item <= 9; item++) {
                answer(second, item, 0);
            }
            JsonNode secondResult = api.post("/api/journal/measures/" + second + "/submit", People.CLIENT.token(),
                    Map.of()).json();
            assertThat(secondResult.get("crisisText").isNull()).isTrue();
            assertThat(secondResult.at("/instance/result/total").asInt()).isZero();
            assertThat(secondResult.at("/instance/result/band").asString()).isEqualTo("minimal");
            assertThat(secondResult.at("/instance/result/changeSinceFirst").asInt()).isEqualTo(-5);
            assertThat(secondResult.at("/instance/result/changeSincePrevious").asInt()).isEqualTo(-5);
            assertThat(secondResult.at("/instance/result/reliableChange").asString()).isEqualTo("NONE");
            assertThat(secondResult.at("/instance/result/response").asBoolean()).isTrue();

            JsonNode therapistList = api.get("/api/journal/measures?client=" + People.CLIENT.id(),
                    People.THERAPIST.token()).json();
            assertThat(java.util.stream.StreamSupport.stream(therapistList.spliterator(), false)
                    .map(node -> node.get("id").asString())).contains(first, second);

            // Ending the schedule: two more weeks bring nothing new.
            assertThat(api.post("/api/journal/measures/schedules/" + schedule + "/end", People.THERAPIST.token(),
                    Map.of()).status()).isEqualTo(200);
            clock.advance(Duration.ofDays(14));
            projections.heartbeatsUntil(clock.instant());
            assertThat(openInstances(schedule)).isEmpty();
        }
    }

    /**
     * The FHIR documents the API gives for real results, PHQ-9 and GAD-7, through HAPI's R4 validator: the
     * Questionnaires, and each result's QuestionnaireResponse (against its Questionnaire) and total Observation.
     * Readable by the client and their therapist (audited) only, and only once submitted.
     */
    @Test
    void theFhirDocumentsOfRealResultsAreValidR4AndReadLikeTheResult() {
        List<String> questionnaires = new ArrayList<>();
        for (String key : List.of("phq-9.v1", "gad-7.v1")) {
            Api.Response questionnaire = api.get("/api/journal/measures/instruments/" + key + "/fhir", People.CLIENT.token());
            assertThat(questionnaire.status()).as(questionnaire.toString()).isEqualTo(200);
            assertThat(questionnaire.header("Content-Type")).startsWith("application/fhir+json");
            assertThat(questionnaire.json().get("resourceType").asString()).isEqualTo("Questionnaire");
            questionnaires.add(questionnaire.body());
        }
        assertThat(api.get("/api/journal/measures/instruments/phq-10.v1/fhir", People.CLIENT.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/journal/measures/instruments/phq-9.v1/fhir", People.ADMIN.token()).status()).isEqualTo(403);
        R4Validation validation = new R4Validation(questionnaires);
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < questionnaires.size(); i++) {
            errors.addAll(validation.errors("Questionnaire " + i, questionnaires.get(i)));
        }

        for (Map.Entry<String, Integer> instrument : Map.of("phq-9", 9, "gad-7", 7).entrySet()) {
            String schedule = api.post("/api/journal/measures/schedules", People.THERAPIST.token(),
                    Api.map("clientId", People.CLIENT.id().toString(), "instrument", instrument.getKey())).json()
                    .get("id").asString();
            String instance = onlyOpenInstance(schedule);
            String fhir = "/api/journal/measures/" + instance + "/fhir/";
            int total = 0;
            for (int item = 1; item <= instrument.getValue(); item++) {
                int value = item % 4;
                assertThat(answer(instance, item, value).status()).isEqualTo(200);
                total += value;
            }
            Api.Response early = api.get(fhir + "questionnaire-response", People.CLIENT.token());
            assertThat(early.status()).as("before submitting").isEqualTo(409);
            assertThat(early.isProblem()).isTrue();
            assertThat(api.post("/api/journal/measures/" + instance + "/submit", People.CLIENT.token(), Map.of())
                    .status()).isEqualTo(200);

            long audited = auditRows(instance);
            Api.Response response = api.get(fhir + "questionnaire-response", People.THERAPIST.token());
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.header("Content-Type")).startsWith("application/fhir+json");
            assertThat(response.json().get("resourceType").asString()).isEqualTo("QuestionnaireResponse");
            assertThat(auditRows(instance)).as("the therapist's read is audited").isEqualTo(audited + 1);
            Api.Response observation = api.get(fhir + "observation", People.CLIENT.token());
            assertThat(observation.status()).isEqualTo(200);
            assertThat(observation.json().get("valueInteger").asInt()).isEqualTo(total);
            assertThat(auditRows(instance)).as("the owner's read is not").isEqualTo(audited + 1);
            for (String document : List.of("questionnaire-response", "observation")) {
                assertThat(api.get(fhir + document, People.OTHER_THERAPIST.token()).status()).isEqualTo(404);
                assertThat(api.get(fhir + document, People.OTHER_CLIENT.token()).status()).isEqualTo(404);
                assertThat(api.get(fhir + document, People.ADMIN.token()).status()).isEqualTo(403);
            }
            errors.addAll(validation.errors(instrument.getKey() + " QuestionnaireResponse", response.body()));
            errors.addAll(validation.errors(instrument.getKey() + " Observation", observation.body()));
        }
        System.out.println("fhir-validation api documents=" + validation.documents() + " errors=" + errors.size()
                + " warnings=" + validation.warnings());
        assertThat(validation.documents()).isEqualTo(6);
        assertThat(errors).isEmpty();
    }

    @Test
    void someoneElsesMeasureIsNotFoundAndAnAdminIsRefused() {
        String schedule = api.post("/api/journal/measures/schedules", People.THERAPIST.token(),
                Api.map("clientId", People.CLIENT.id().toString(), "instrument", "gad-7")).json().get("id").asString();
        String instance = onlyOpenInstance(schedule);
        String path = "/api/journal/measures/" + instance;

        assertThat(api.get(path, People.OTHER_THERAPIST.token()).status()).isEqualTo(404);
        assertThat(api.get(path, People.OTHER_CLIENT.token()).status()).isEqualTo(404);
        assertThat(api.get(path, People.ADMIN.token()).status()).isEqualTo(403);
        assertThat(api.put(path + "/answers/1", People.OTHER_CLIENT.token(), Map.of("value", 1)).status())
                .isEqualTo(404);
        assertThat(api.put(path + "/answers/1", People.THERAPIST.token(), Map.of("value", 1)).status())
                .isEqualTo(403);
        assertThat(api.post(path + "/submit", People.OTHER_CLIENT.token(), Map.of()).status()).isEqualTo(404);
        assertThat(api.post(path + "/acknowledge", People.OTHER_THERAPIST.token(), Map.of()).status()).isEqualTo(404);
        assertThat(api.post("/api/journal/measures/schedules/" + schedule + "/end", People.OTHER_THERAPIST.token(),
                Map.of()).status()).isEqualTo(404);
        assertThat(api.get("/api/journal/measures?client=" + People.CLIENT.id(), People.OTHER_THERAPIST.token())
                .json()).isEmpty();
        assertThat(api.get("/api/journal/measures/attention", People.ADMIN.token()).status()).isEqualTo(403);
        assertThat(api.get("/api/journal/measures/instruments", People.ADMIN.token()).status()).isEqualTo(403);
        // Assigning to a client of someone else's caseload, or a bad instrument or interval: 400, nothing stored.
        long schedules = count("measure_schedule");
        for (Map<String, Object> body : List.of(
                Api.map("clientId", People.OTHER_CLIENT.id().toString(), "instrument", "phq-9"),
                Api.map("clientId", People.CLIENT.id().toString(), "instrument", "phq-10"),
                Api.map("clientId", People.CLIENT.id().toString(), "instrument", "phq-9", "everyWeeks", 3))) {
            Api.Response refused = api.post("/api/journal/measures/schedules", People.THERAPIST.token(), body);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
        }
        assertThat(api.post("/api/journal/measures/schedules", People.CLIENT.token(),
                Api.map("clientId", People.CLIENT.id().toString(), "instrument", "phq-9")).status()).isEqualTo(403);
        assertThat(count("measure_schedule")).isEqualTo(schedules);
    }

    @Test
    void theStoredRowsHoldNoAnswerOrScoreInPlaintext() {
        String schedule = api.post("/api/journal/measures/schedules", People.THERAPIST.token(),
                Api.map("clientId", People.CLIENT.id().toString(), "instrument", "gad-7")).json().get("id").asString();
        String instance = onlyOpenInstance(schedule);
        for (int item = 1; item <= 7; item++) {
            answer(instance, item, 3);
        }
        JsonNode submitted = api.post("/api/journal/measures/" + instance + "/submit", People.CLIENT.token(), Map.of())
                .json();
        assertThat(submitted.at("/instance/result/total").asInt()).isEqualTo(21);
        assertThat(submitted.at("/instance/result/band").asString()).isEqualTo("severe");

        // Every column of the row as text: no score, band or answer map shows.
        String row = jdbc.sql("select t::text from measure_instance t where id = :id")
                .param("id", UUID.fromString(instance)).query(String.class).single();
        assertThat(row).doesNotContain("severe").doesNotContain("answers").doesNotContain("total");
        byte[] response = jdbc.sql("select response from measure_instance where id = :id")
                .param("id", UUID.fromString(instance)).query(byte[].class).single();
        String raw = new String(response, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("total").doesNotContain("severe").doesNotContain("answers");
    }

    private Api.Response answer(String instance, int item, int value) {
        return api.put("/api/journal/measures/" + instance + "/answers/" + item, People.CLIENT.token(),
                Map.of("value", value));
    }

    private List<String> openInstances(String schedule) {
        JsonNode list = api.get("/api/journal/measures", People.CLIENT.token()).json();
        return java.util.stream.StreamSupport.stream(list.spliterator(), false)
                .filter(node -> node.get("scheduleId").asString().equals(schedule))
                .filter(node -> !node.get("status").asString().equals("SUBMITTED"))
                .map(node -> node.get("id").asString()).toList();
    }

    private String onlyOpenInstance(String schedule) {
        List<String> open = openInstances(schedule);
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    private static List<String> types(List<ConsumerRecord<String, byte[]>> records, String schedule) {
        return records.stream().filter(r -> schedule.equals(r.key()))
                .map(r -> EventJson.shared().readTree(r.value())).map(EventEnvelope::type).toList();
    }

    private long sealVersion(String instance) {
        return jdbc.sql("select sealed_version from measure_instance where id = :id")
                .param("id", UUID.fromString(instance)).query(Long.class).single();
    }

    private long auditRows(String resourceId) {
        return jdbc.sql("select count(*) from access_audit where resource_id = :id and resource_type = 'MEASURE'")
                .param("id", UUID.fromString(resourceId)).query(Long.class).single();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
