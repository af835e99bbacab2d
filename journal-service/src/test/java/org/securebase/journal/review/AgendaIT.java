package org.securebase.journal.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.journal.JournalServiceIntegrationTest;
import org.securebase.journal.support.Api;
import org.securebase.journal.support.MeasureFixtures;
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
 * The review agenda of the demo client for their therapist, on its own database: empty after a review; then homework
 * handed in with its answers and plan, a reply awaiting an answer, a shared entry, a questionnaire result and homework
 * fallen overdue all appear, each audited; marking it reviewed through its generatedAt empties it, while what arrives
 * after the agenda was read stays for the next one. Nobody else sees it.
 */
@JournalServiceIntegrationTest
@Import(MovableClock.class)
@TestPropertySource(properties = {
        "securebase.test.database=journal_agenda",
        "securebase.events.consumer.group-prefix=journal-service-agenda",
        // The test moves the service's clock days ahead. Heartbeats as far ahead would reach every other test class on
        // the shared accounts topic (and make their caseloads look fresh, or from the future): the bound is widened
        // here instead, so the real-time heartbeats keep this context's caseloads current.
        "securebase.journal.caseload.max-lag=P60D"
})
@DirtiesContext
class AgendaIT {

    private static final String ANSWER = "I noticed I went quiet at dinner.";
    private static final String PLAN = "After dinner on Tuesday, at the kitchen table";
    private static final String REPLY = "Yes, it happened again on Sunday.";
    private static final String ENTRY_BODY = "Called my sister instead of waiting it out.";

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
    UUID article;
    String agendaPath;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        projections = new Projections(jdbc, listeners);
        projections.standardCaseloads();
        // Real time, not the moved clock: every test class reads these heartbeats.
        projections.heartbeatsUntil(java.time.Instant.now());
        article = projections.publishArticle("Attachment and Healing",
                new ArticleList("what-helps", List.of("item-1", "item-2")));
        agendaPath = "/api/journal/agenda/" + People.CLIENT.id();
    }

    @Test
    void whatHappenedSinceTheLastReviewUntilItIsMarkedReviewed() {
        markReviewed(agenda().get("generatedAt").asString());
        JsonNode start = agenda();
        assertThat(start.get("since").isNull()).isFalse();
        assertSectionsEmpty(start);

        // Homework handed in with a plan, feedback given and replied to; the reply awaits an answer.
        String handedIn = assign(clock.instant().plus(Duration.ofDays(3)));
        JsonNode opened = api.get("/api/journal/assignments/" + handedIn, People.CLIENT.token()).json();
        String prompt = opened.get("prompts").get(0).get("id").asString();
        assertThat(api.put("/api/journal/assignments/" + handedIn + "/plan", People.CLIENT.token(),
                Api.map("whenWhere", PLAN)).status()).isEqualTo(200);
        String answerId = api.put("/api/journal/assignments/" + handedIn + "/answers/" + prompt, People.CLIENT.token(),
                Api.map("text", ANSWER)).json().get("id").asString();
        assertThat(api.post("/api/journal/assignments/" + handedIn + "/submit", People.CLIENT.token(), Map.of())
                .status()).isEqualTo(200);
        String feedback = api.post("/api/journal/assignments/" + handedIn + "/answers/" + answerId + "/feedback",
                People.THERAPIST.token(), Api.map("body", "Thank you for noticing.")).json().get("id").asString();
        advance(Duration.ofMinutes(1));
        assertThat(api.post("/api/journal/assignments/" + handedIn + "/feedback/" + feedback + "/replies",
                People.CLIENT.token(), Api.map("body", REPLY)).status()).isEqualTo(201);

        // A shared journal entry, a PHQ-9 result and homework whose due time passes.
        String entry = api.post("/api/journal/entries", People.CLIENT.token(),
                Api.map("title", "Sunday", "body", ENTRY_BODY, "mood", 3)).json().get("id").asString();
        assertThat(api.post("/api/journal/entries/" + entry + "/share", People.CLIENT.token(), Map.of()).status())
                .isEqualTo(200);
        String measure = MeasureFixtures.submittedPhq9(api);
        String overdue = assign(clock.instant().plus(Duration.ofHours(1)));
        advance(Duration.ofHours(2));

        long auditBefore = auditRowsOfTherapist();
        JsonNode agenda = agenda();
        assertThat(ids(agenda.get("handedIn"))).containsExactly(handedIn);
        JsonNode homework = agenda.get("handedIn").get(0);
        assertThat(homework.at("/plan/whenWhere").asString()).isEqualTo(PLAN);
        assertThat(homework.at("/prompts/0/answer/text").asString()).isEqualTo(ANSWER);
        assertThat(agenda.get("repliesAwaitingAnswer")).hasSize(1);
        JsonNode thread = agenda.get("repliesAwaitingAnswer").get(0);
        assertThat(thread.at("/assignment/id").asString()).isEqualTo(handedIn);
        assertThat(thread.at("/feedback/0/replies/0/body").asString()).isEqualTo(REPLY);
        assertThat(ids(agenda.get("sharedEntries"))).containsExactly(entry);
        assertThat(agenda.at("/sharedEntries/0/body").asString()).isEqualTo(ENTRY_BODY);
        assertThat(ids(agenda.get("measures"))).containsExactly(measure);
        assertThat(agenda.at("/measures/0/total").asInt()).isEqualTo(12);
        assertThat(ids(agenda.get("overdue"))).containsExactly(overdue);
        // Every item with clinical content shown was audited in the read: homework, thread, entry, result.
        assertThat(auditRowsOfTherapist() - auditBefore).isEqualTo(4);

        // Nobody else sees the agenda: another therapist gets 404, the client and the admin 403.
        assertThat(api.get(agendaPath, People.OTHER_THERAPIST.token()).status()).isEqualTo(404);
        assertThat(api.get(agendaPath, People.CLIENT.token()).status()).isEqualTo(403);
        assertThat(api.get(agendaPath, People.ADMIN.token()).status()).isEqualTo(403);
        assertThat(api.post(agendaPath + "/reviewed", People.OTHER_THERAPIST.token(),
                Api.map("through", agenda.get("generatedAt").asString())).status()).isEqualTo(404);

        // Bad marks change nothing: no time, a time to come, a time before the last review; the same time is a repeat.
        assertStatus(api.post(agendaPath + "/reviewed", People.THERAPIST.token(), Map.of()), 400);
        assertStatus(api.post(agendaPath + "/reviewed", People.THERAPIST.token(),
                Api.map("through", clock.instant().plus(Duration.ofDays(1)).toString())), 400);
        assertStatus(api.post(agendaPath + "/reviewed", People.THERAPIST.token(),
                Api.map("through", start.get("since").asString())), 200);
        assertStatus(api.post(agendaPath + "/reviewed", People.THERAPIST.token(),
                Api.map("through", "2020-01-01T00:00:00Z")), 409);
        assertThat(ids(agenda().get("handedIn"))).containsExactly(handedIn);

        // A reply that arrives after the agenda was read stays for the next agenda; the rest is reviewed.
        advance(Duration.ofMinutes(1));
        assertThat(api.post("/api/journal/assignments/" + handedIn + "/feedback/" + feedback + "/replies",
                People.CLIENT.token(), Api.map("body", "One more thing.")).status()).isEqualTo(201);
        JsonNode reviewed = markReviewed(agenda.get("generatedAt").asString());
        assertThat(reviewed.get("reviewedThrough").asString()).isEqualTo(agenda.get("generatedAt").asString());
        JsonNode history = api.get(agendaPath + "/reviews", People.THERAPIST.token()).json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("reviewedThrough").asString()).isEqualTo(agenda.get("generatedAt").asString());
        assertThat(api.get(agendaPath + "/reviews", People.OTHER_THERAPIST.token()).status()).isEqualTo(404);
        JsonNode next = agenda();
        assertThat(next.get("since").asString()).isEqualTo(agenda.get("generatedAt").asString());
        assertThat(next.get("handedIn")).isEmpty();
        assertThat(next.get("repliesAwaitingAnswer")).hasSize(1);
        assertThat(next.at("/repliesAwaitingAnswer/0/feedback/0/replies")).hasSize(1);
        assertThat(next.at("/repliesAwaitingAnswer/0/feedback/0/replies/0/body").asString()).isEqualTo("One more thing.");

        // New feedback answers the reply; once reviewed again, the agenda is empty.
        advance(Duration.ofMinutes(1));
        assertThat(api.post("/api/journal/assignments/" + handedIn + "/answers/" + answerId + "/feedback",
                People.THERAPIST.token(), Api.map("body", "Let's talk about it.")).status()).isEqualTo(201);
        JsonNode answered = agenda();
        assertThat(answered.get("repliesAwaitingAnswer")).isEmpty();
        markReviewed(answered.get("generatedAt").asString());
        assertSectionsEmpty(agenda());
    }

    /** Moves the service's clock (the widened caseload bound keeps therapists' reads open). */
    private void advance(Duration by) {
        clock.advance(by);
    }

    private JsonNode agenda() {
        Api.Response response = api.get(agendaPath, People.THERAPIST.token());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode markReviewed(String through) {
        Api.Response response = api.post(agendaPath + "/reviewed", People.THERAPIST.token(), Api.map("through", through));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private String assign(java.time.Instant due) {
        Api.Response created = api.post("/api/journal/assignments", People.THERAPIST.token(),
                Api.map("clientId", People.CLIENT.id().toString(), "articleId", article.toString(),
                        "prompts", List.of(Api.map("kind", "TEXT", "question", "What did you notice?")),
                        "dueAt", due.toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private long auditRowsOfTherapist() {
        return jdbc.sql("select count(*) from access_audit where actor_id = :therapist and subject_id = :client")
                .param("therapist", People.THERAPIST.id()).param("client", People.CLIENT.id())
                .query(Long.class).single();
    }

    private static void assertSectionsEmpty(JsonNode agenda) {
        for (String section : List.of("handedIn", "repliesAwaitingAnswer", "sharedEntries", "measures", "overdue")) {
            assertThat(agenda.get(section)).as(section).isEmpty();
        }
    }

    private static void assertStatus(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        if (status >= 400) {
            assertThat(response.isProblem()).as(response.toString()).isTrue();
        }
    }

    private static List<String> ids(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(node -> node.get("id").asString()).toList();
    }
}
