package org.securebase.journal.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.journal.JournalServiceIntegrationTest;
import org.securebase.journal.support.Api;
import org.securebase.journal.support.MovableClock;
import org.securebase.journal.support.People;
import org.securebase.journal.support.Projections;
import org.securebase.journal.support.Projections.ArticleList;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * A two-step program, on its own database with the service's clock moved by the test: the first step is delivered on
 * enrolment, the second three days after the first is handed in and exactly once, however many delivery rounds run at
 * the same time (as several instances would). Pausing holds the steps back, resuming lets them come, ending stops
 * them. Bad programs change nothing; someone else's enrolment is not found; the reason is stored sealed.
 */
@JournalServiceIntegrationTest
@Import(MovableClock.class)
@TestPropertySource(properties = {
        "securebase.test.database=journal_programs",
        "securebase.events.consumer.group-prefix=journal-service-programs",
        // The test moves the service's clock days ahead. Heartbeats as far ahead would reach every other test class on
        // the shared accounts topic (and make their caseloads look fresh, or from the future): the bound is widened
        // here instead, so the real-time heartbeats keep this context's caseloads current.
        "securebase.journal.caseload.max-lag=P60D",
        // The scheduled rounds run too, beside the ones this test starts.
        "securebase.journal.programs.delivery-interval=PT1S"
})
@DirtiesContext
class ProgramsIT {

    private static final String REASON = "matrixclinicaltext: to practise noticing the quiet";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    MovableClock clock;

    @Autowired
    Programs programs;

    Api api;
    Projections projections;
    UUID article;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        projections = new Projections(jdbc, listeners);
        projections.standardCaseloads();
        // Real time, not the moved clock: every test class reads these heartbeats.
        projections.heartbeatsUntil(java.time.Instant.now());
        article = projections.publishArticle("Attachment and Healing",
                new ArticleList("what-helps", List.of("item-1", "item-2")));
    }

    private Map<String, Object> step(Map<String, Object> rule) {
        return Api.map("articleId", article.toString(),
                "prompts", List.of(Api.map("kind", "TEXT", "question", "What did you notice?"),
                        Api.map("kind", "CHECKLIST", "question", "What helped?", "listId", "what-helps")),
                "rule", rule, "dueDays", 7);
    }

    private String createProgram(String title, Map<String, Object> firstRule, Map<String, Object> secondRule) {
        Api.Response created = api.post("/api/journal/programs", People.THERAPIST.token(),
                Api.map("title", title, "description", "Two readings, a few days apart.",
                        "steps", List.of(step(firstRule), step(secondRule))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private JsonNode enrol(String program) {
        Api.Response enrolled = api.post("/api/journal/programs/" + program + "/enrolments", People.THERAPIST.token(),
                Api.map("clientId", People.CLIENT.id().toString(), "reason", REASON));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        return enrolled.json();
    }

    @Test
    void stepTwoComesThreeDaysAfterStepOneIsHandedInExactlyOnce() throws Exception {
        String program = createProgram("Noticing, in two steps " + UUID.randomUUID(), Api.map("kind", "IMMEDIATELY"),
                Api.map("kind", "DAYS_AFTER", "days", 3));
        assertThat(api.get("/api/journal/programs/" + program, People.ADMIN.token()).json().get("steps")).hasSize(2);

        JsonNode enrolment = enrol(program);
        assertThat(enrolment.get("deliveries")).as("the first step comes on enrolment").hasSize(1);
        String first = enrolment.at("/deliveries/0/assignmentId").asString();
        JsonNode firstView = api.get("/api/journal/assignments/" + first, People.CLIENT.token()).json();
        assertThat(firstView.get("reason").asString()).isEqualTo(REASON);
        assertThat(firstView.at("/article/version").asInt()).isEqualTo(1);
        assertThat(api.post("/api/journal/programs/" + program + "/enrolments", People.THERAPIST.token(),
                Api.map("clientId", People.CLIENT.id().toString())).status()).as("already enrolled").isEqualTo(409);

        // Before the hand-in no round delivers anything, however far the clock moves.
        advance(Duration.ofDays(10));
        assertThat(programs.deliverDue(100)).isZero();
        handIn(first);
        String id = enrolment.get("id").asString();
        JsonNode waiting = enrolmentOf(id);
        assertThat(waiting.get("nextPosition").asInt()).isEqualTo(2);
        assertThat(waiting.get("nextAt").isNull()).isFalse();

        advance(Duration.ofDays(2));
        assertThat(programs.deliverDue(100)).as("two days after the hand-in: not yet").isZero();
        advance(Duration.ofDays(1).plusMinutes(1));
        // Eight rounds at once, beside the scheduled ones: one delivery.
        ExecutorService rounds = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(rounds.submit((Callable<Integer>) () -> programs.deliverDue(100)));
            }
            for (Future<Integer> result : results) {
                result.get();
            }
        } finally {
            rounds.shutdown();
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> enrolmentOf(id).get("deliveries").size() == 2);
        JsonNode completed = enrolmentOf(id);
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(deliveredAssignments(id)).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from assignment where client_id = :client and id in "
                        + "(select assignment_id from program_delivery where enrolment_id = :id)")
                .param("client", People.CLIENT.id()).param("id", UUID.fromString(id)).query(Long.class).single())
                .isEqualTo(2);
        String second = completed.at("/deliveries/1/assignmentId").asString();
        assertThat(api.get("/api/journal/assignments/" + second, People.CLIENT.token()).json().get("reason").asString())
                .isEqualTo(REASON);

        // The reason is stored sealed.
        byte[] sealed = jdbc.sql("select reason from program_enrolment where id = :id").param("id", UUID.fromString(id))
                .query(byte[].class).single();
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("matrixclinicaltext");
        assertThat(api.post("/api/journal/program-enrolments/" + id + "/pause", People.THERAPIST.token(), Map.of())
                .status()).as("a completed enrolment cannot change").isEqualTo(409);
    }

    @Test
    void pausingHoldsTheStepsBackAndEndingStopsThem() {
        String program = createProgram("Weekly " + UUID.randomUUID(), Api.map("kind", "DAYS_AFTER", "days", 1),
                Api.map("kind", "WEEKDAY", "weekday", "MONDAY"));
        String id = enrol(program).get("id").asString();
        assertThat(enrolmentOf(id).get("deliveries")).as("the first step waits a day").isEmpty();

        assertThat(api.post("/api/journal/program-enrolments/" + id + "/pause", People.OTHER_THERAPIST.token(), Map.of())
                .status()).isEqualTo(404);
        assertThat(api.post("/api/journal/program-enrolments/" + id + "/pause", People.CLIENT.token(), Map.of())
                .status()).isEqualTo(403);
        assertThat(api.post("/api/journal/program-enrolments/" + id + "/pause", People.THERAPIST.token(), Map.of())
                .json().get("status").asString()).isEqualTo("PAUSED");
        advance(Duration.ofDays(2));
        programs.deliverDue(100);
        assertThat(enrolmentOf(id).get("deliveries")).as("paused: nothing delivered").isEmpty();

        assertThat(api.post("/api/journal/program-enrolments/" + id + "/resume", People.THERAPIST.token(), Map.of())
                .json().get("status").asString()).isEqualTo("ACTIVE");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> enrolmentOf(id).get("deliveries").size() == 1);
        String first = enrolmentOf(id).at("/deliveries/0/assignmentId").asString();
        handIn(first);
        assertThat(api.post("/api/journal/program-enrolments/" + id + "/end", People.THERAPIST.token(), Map.of())
                .json().get("status").asString()).isEqualTo("ENDED");
        advance(Duration.ofDays(8));
        programs.deliverDue(100);
        assertThat(enrolmentOf(id).get("deliveries")).as("ended: the Monday step never comes").hasSize(1);
        assertThat(api.post("/api/journal/program-enrolments/" + id + "/resume", People.THERAPIST.token(), Map.of())
                .status()).isEqualTo(409);
    }

    @Test
    void aWeekdayStepArrivesAtEightOnTheClientsClockAndABadZoneIsRefused() {
        String program = createProgram("Mondays " + UUID.randomUUID(), Api.map("kind", "WEEKDAY", "weekday", "MONDAY"),
                Api.map("kind", "IMMEDIATELY"));
        Api.Response refused = api.post("/api/journal/programs/" + program + "/enrolments", People.THERAPIST.token(),
                Api.map("clientId", People.CLIENT.id().toString(), "zone", "Mars/Olympus_Mons"));
        assertStatus(refused, 400);
        assertThat(refused.body()).contains("zone");
        assertThat(jdbc.sql("select count(*) from program_enrolment where program_id = :p")
                .param("p", UUID.fromString(program)).query(Long.class).single()).isZero();

        ZoneId auckland = ZoneId.of("Pacific/Auckland");
        Instant enrolledAt = clock.instant();
        Api.Response enrolled = api.post("/api/journal/programs/" + program + "/enrolments", People.THERAPIST.token(),
                Api.map("clientId", People.CLIENT.id().toString(), "zone", auckland.getId()));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);

        Instant expected = enrolledAt.atZone(auckland).toLocalDate().with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                .atTime(8, 0).atZone(auckland).toInstant();
        assertThat(Instant.parse(enrolled.json().get("nextAt").asString())).isEqualTo(expected);
        assertThat(enrolled.json().get("zone").asString()).isEqualTo("Pacific/Auckland");
        assertThat(jdbc.sql("select zone from program_enrolment where id = :id")
                .param("id", UUID.fromString(enrolled.json().get("id").asString())).query(String.class).single())
                .isEqualTo("Pacific/Auckland");
        assertThat(api.post("/api/journal/program-enrolments/" + enrolled.json().get("id").asString() + "/end",
                People.THERAPIST.token(), Map.of()).status()).isEqualTo(200);
    }

    @Test
    void aBadProgramIsRefusedAndChangesNothing() {
        long before = jdbc.sql("select count(*) from program").query(Long.class).single();
        assertStatus(api.post("/api/journal/programs", People.THERAPIST.token(), Api.map("title", "No steps",
                "steps", List.of())), 400);
        assertStatus(api.post("/api/journal/programs", People.THERAPIST.token(), Api.map("title", "Unknown article",
                "steps", List.of(Api.map("articleId", UUID.randomUUID().toString(),
                        "prompts", List.of(Api.map("kind", "TEXT", "question", "Q")),
                        "rule", Api.map("kind", "IMMEDIATELY"), "dueDays", 7)))), 400);
        assertStatus(api.post("/api/journal/programs", People.THERAPIST.token(), Api.map("title", "Days missing",
                "steps", List.of(step(Api.map("kind", "DAYS_AFTER"))))), 400);
        assertStatus(api.post("/api/journal/programs", People.THERAPIST.token(), Api.map("title", "Second step bad",
                "steps", List.of(step(Api.map("kind", "IMMEDIATELY")), step(Api.map("kind", "WEEKDAY",
                        "weekday", "FUNDAY"))))), 400);
        assertStatus(api.post("/api/journal/programs", People.CLIENT.token(), Api.map("title", "A client's",
                "steps", List.of(step(Api.map("kind", "IMMEDIATELY"))))), 403);
        assertThat(jdbc.sql("select count(*) from program").query(Long.class).single()).isEqualTo(before);

        String program = createProgram("Someone else's client " + UUID.randomUUID(), Api.map("kind", "IMMEDIATELY"),
                Api.map("kind", "IMMEDIATELY"));
        assertStatus(api.post("/api/journal/programs/" + program + "/enrolments", People.OTHER_THERAPIST.token(),
                Api.map("clientId", People.CLIENT.id().toString())), 400);
        assertStatus(api.post("/api/journal/programs/" + UUID.randomUUID() + "/enrolments", People.THERAPIST.token(),
                Api.map("clientId", People.CLIENT.id().toString())), 404);
        assertThat(jdbc.sql("select count(*) from program_enrolment where program_id = :p")
                .param("p", UUID.fromString(program)).query(Long.class).single()).isZero();
    }

    private void handIn(String assignment) {
        JsonNode view = api.get("/api/journal/assignments/" + assignment, People.CLIENT.token()).json();
        for (JsonNode prompt : view.get("prompts")) {
            String path = "/api/journal/assignments/" + assignment + "/answers/" + prompt.get("id").asString();
            Map<String, Object> answer = prompt.get("kind").asString().equals("TEXT") ? Api.map("text", "I noticed it.")
                    : Api.map("checkedItemIds", List.of("item-1"));
            assertThat(api.put(path, People.CLIENT.token(), answer).status()).isEqualTo(200);
        }
        assertThat(api.post("/api/journal/assignments/" + assignment + "/submit", People.CLIENT.token(), Map.of())
                .status()).isEqualTo(200);
    }

    private JsonNode enrolmentOf(String id) {
        JsonNode list = api.get("/api/journal/program-enrolments?client=" + People.CLIENT.id(), People.THERAPIST.token())
                .json();
        return StreamSupport.stream(list.spliterator(), false).filter(node -> node.get("id").asString().equals(id))
                .findFirst().orElseThrow();
    }

    private long deliveredAssignments(String enrolment) {
        return jdbc.sql("select count(*) from program_delivery where enrolment_id = :id")
                .param("id", UUID.fromString(enrolment)).query(Long.class).single();
    }

    private void advance(Duration by) {
        clock.advance(by);
    }

    private static void assertStatus(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
    }
}
