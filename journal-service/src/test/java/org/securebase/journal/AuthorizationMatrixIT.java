package org.securebase.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.journal.support.Api;
import org.securebase.journal.support.People;
import org.securebase.journal.support.Projections;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import tools.jackson.databind.JsonNode;

/**
 * docs/architecture.md's "Authorization" as a matrix: every endpoint, called by the owning client, another client, the client's
 * therapist, another therapist and an admin. Each cell's status is asserted; a caller who may not see an object
 * gets exactly the answer a random id gets (so ids cannot be probed); and no answer to a caller who may not read
 * the data carries any of its text or ids ("0 leaks"). Without a token, every endpoint answers 401.
 */
@JournalServiceIntegrationTest
class AuthorizationMatrixIT {

    private static final String SECRET = "matrix-secret-" + UUID.randomUUID();

    /** Callers in an order that leaves state-changing calls of the permitted callers for last. */
    private static final List<People> ORDER = List.of(People.ADMIN, People.OTHER_CLIENT, People.OTHER_THERAPIST,
            People.THERAPIST, People.CLIENT);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    Api api;
    Projections projections;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        projections = new Projections(jdbc, listeners);
        projections.standardCaseloads();
    }

    /**
     * One endpoint: how each caller calls it, the status each must get, the object whose id must not show up for
     * those not in {@code mayRead}, and a path with a random id whose 404 must look the same as the real one's.
     */
    private record Row(String endpoint, Function<People, Api.Response> call, Map<People, Integer> expected,
                       String objectId, String randomIdPath, List<People> mayRead) {
    }

    private static Map<People, Integer> expect(int admin, int otherClient, int otherTherapist, int therapist, int client) {
        Map<People, Integer> map = new EnumMap<>(People.class);
        map.put(People.ADMIN, admin);
        map.put(People.OTHER_CLIENT, otherClient);
        map.put(People.OTHER_THERAPIST, otherTherapist);
        map.put(People.THERAPIST, therapist);
        map.put(People.CLIENT, client);
        return map;
    }

    @Test
    void everyEndpointTimesEveryKindOfCallerLeaksNothing() {
        // Objects of CLIENT, whose therapist is THERAPIST.
        UUID article = projections.publishArticle("Matrix reading", new Projections.ArticleList("l1", List.of("i1", "i2")));
        Map<String, Object> createBody = Api.map("clientId", People.CLIENT.id().toString(), "articleId",
                article.toString(), "dueAt", Instant.now().plus(2, ChronoUnit.DAYS).toString(), "note", SECRET,
                "prompts", List.of(Api.map("kind", "TEXT", "question", "Q " + SECRET)));
        String submitted = create(createBody);
        String submittedPrompt = promptOf(submitted);
        api.put("/api/journal/assignments/" + submitted + "/answers/" + submittedPrompt, People.CLIENT.token(),
                Api.map("text", "A " + SECRET));
        api.post("/api/journal/assignments/" + submitted + "/submit", People.CLIENT.token(), null);
        String answer = api.get("/api/journal/assignments/" + submitted, People.CLIENT.token()).json()
                .get("prompts").get(0).at("/answer/id").asString();
        String feedback = api.post("/api/journal/assignments/" + submitted + "/answers/" + answer + "/feedback",
                People.THERAPIST.token(), Api.map("body", "F " + SECRET)).json().get("id").asString();
        String open = create(createBody);
        String openPrompt = promptOf(open);
        String toSubmit = create(createBody);
        String toSubmitPrompt = promptOf(toSubmit);
        api.put("/api/journal/assignments/" + toSubmit + "/answers/" + toSubmitPrompt, People.CLIENT.token(),
                Api.map("text", "A " + SECRET));
        String shared = entry();
        api.post("/api/journal/entries/" + shared + "/share", People.CLIENT.token(), null);
        String edited = entry();
        String toggled = entry();
        String deleted = entry();

        // New text written during the matrix is the caller's own, so it carries no SECRET.
        Map<String, Object> entryBody = Api.map("title", "Own title", "body", "Own body");
        String random = UUID.randomUUID().toString();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("POST /assignments", p -> api.post("/api/journal/assignments", p.token(), createBody),
                expect(403, 403, 400, 201, 403), null, null, List.of()));
        rows.add(new Row("GET /assignments", p -> api.get("/api/journal/assignments?limit=100", p.token()),
                expect(403, 200, 200, 200, 200), submitted, null, List.of(People.CLIENT, People.THERAPIST)));
        rows.add(new Row("GET /assignments/{id}", p -> api.get("/api/journal/assignments/" + submitted, p.token()),
                expect(403, 404, 404, 200, 200), submitted, "/api/journal/assignments/" + random,
                List.of(People.CLIENT, People.THERAPIST)));
        rows.add(new Row("PUT /assignments/{id}/answers/{prompt}",
                p -> api.put("/api/journal/assignments/" + open + "/answers/" + openPrompt, p.token(),
                        Api.map("text", "Own answer")),
                expect(403, 404, 403, 403, 200), open, null, List.of(People.CLIENT)));
        rows.add(new Row("PUT /assignments/{id}/quality",
                p -> api.put("/api/journal/assignments/" + submitted + "/quality", p.token(), Api.map("rating", 2)),
                expect(403, 403, 404, 200, 403), submitted, null, List.of(People.THERAPIST)));
        rows.add(new Row("PUT /assignments/{id}/plan",
                p -> api.put("/api/journal/assignments/" + open + "/plan", p.token(), Api.map("whenWhere", "Own plan")),
                expect(403, 404, 403, 403, 200), open, null, List.of(People.CLIENT)));
        rows.add(new Row("PUT /assignments/{id}/due",
                p -> api.put("/api/journal/assignments/" + open + "/due", p.token(),
                        Api.map("dueAt", Instant.now().plus(3, ChronoUnit.DAYS).toString())),
                expect(403, 403, 404, 200, 403), open, null, List.of(People.THERAPIST)));
        rows.add(new Row("POST /assignments/{id}/submit",
                p -> api.post("/api/journal/assignments/" + toSubmit + "/submit", p.token(), null),
                expect(403, 404, 403, 403, 200), toSubmit, null, List.of(People.CLIENT)));
        rows.add(new Row("POST /assignments/{id}/answers/{answer}/feedback",
                p -> api.post("/api/journal/assignments/" + submitted + "/answers/" + answer + "/feedback", p.token(),
                        Api.map("body", "More feedback")),
                expect(403, 403, 404, 201, 403), submitted, null, List.of(People.THERAPIST)));
        rows.add(new Row("GET /assignments/{id}/feedback",
                p -> api.get("/api/journal/assignments/" + submitted + "/feedback", p.token()),
                expect(403, 404, 404, 200, 200), submitted, "/api/journal/assignments/" + random + "/feedback",
                List.of(People.CLIENT, People.THERAPIST)));
        rows.add(new Row("POST /assignments/{id}/feedback/{feedback}/replies",
                p -> api.post("/api/journal/assignments/" + submitted + "/feedback/" + feedback + "/replies", p.token(),
                        Api.map("body", "Own reply")),
                expect(403, 404, 403, 403, 201), submitted, null, List.of(People.CLIENT)));
        rows.add(new Row("POST /entries", p -> api.post("/api/journal/entries", p.token(), entryBody),
                expect(403, 201, 403, 403, 201), null, null, List.of(People.CLIENT, People.OTHER_CLIENT)));
        rows.add(new Row("GET /entries", p -> api.get("/api/journal/entries?limit=100", p.token()),
                expect(403, 200, 403, 403, 200), shared, null, List.of(People.CLIENT)));
        rows.add(new Row("GET /entries/{id}", p -> api.get("/api/journal/entries/" + shared, p.token()),
                expect(403, 404, 403, 403, 200), shared, "/api/journal/entries/" + random, List.of(People.CLIENT)));
        rows.add(new Row("PUT /entries/{id}", p -> api.put("/api/journal/entries/" + edited, p.token(), entryBody),
                expect(403, 404, 403, 403, 200), edited, null, List.of(People.CLIENT)));
        rows.add(new Row("POST /entries/{id}/share", p -> api.post("/api/journal/entries/" + toggled + "/share",
                p.token(), null), expect(403, 404, 403, 403, 200), toggled, null, List.of(People.CLIENT)));
        rows.add(new Row("POST /entries/{id}/unshare", p -> api.post("/api/journal/entries/" + toggled + "/unshare",
                p.token(), null), expect(403, 404, 403, 403, 200), toggled, null, List.of(People.CLIENT)));
        rows.add(new Row("DELETE /entries/{id}", p -> api.delete("/api/journal/entries/" + deleted, p.token()),
                expect(403, 404, 403, 403, 204), deleted, null, List.of(People.CLIENT)));
        rows.add(new Row("GET /shared-entries", p -> api.get("/api/journal/shared-entries?limit=100", p.token()),
                expect(403, 403, 200, 200, 403), shared, null, List.of(People.THERAPIST)));
        rows.add(new Row("GET /shared-entries/{id}", p -> api.get("/api/journal/shared-entries/" + shared, p.token()),
                expect(403, 403, 404, 200, 403), shared, "/api/journal/shared-entries/" + random,
                List.of(People.THERAPIST)));
        rows.add(new Row("GET /adherence", p -> api.get("/api/journal/adherence?limit=100", p.token()),
                expect(403, 403, 200, 200, 403), People.CLIENT.id().toString(), null, List.of(People.THERAPIST)));
        rows.add(new Row("GET /audit", p -> api.get("/api/journal/audit?limit=100", p.token()),
                expect(200, 200, 403, 403, 200), People.CLIENT.id().toString(), null,
                List.of(People.CLIENT, People.ADMIN)));

        List<String> failures = new ArrayList<>();
        int cells = 0;
        for (Row row : rows) {
            for (People person : ORDER) {
                cells++;
                Api.Response response = row.call().apply(person);
                int expected = row.expected().get(person);
                String cell = row.endpoint() + " as " + person;
                if (response.status() != expected) {
                    failures.add(cell + ": expected " + expected + ", got " + response);
                    continue;
                }
                if (expected >= 400 && !response.isProblem()) {
                    failures.add(cell + ": not problem+json: " + response);
                }
                // The audit and the adherence summary never carry clinical text, whoever reads them.
                boolean contentFree = row.endpoint().equals("GET /audit") || row.endpoint().equals("GET /adherence");
                if ((!row.mayRead().contains(person) || contentFree) && response.body().contains(SECRET)) {
                    failures.add(cell + ": LEAK of clinical text: " + response);
                }
                if (!row.mayRead().contains(person)) {
                    if (row.objectId() != null && response.status() == 200 && response.body().contains(row.objectId())) {
                        failures.add(cell + ": LEAK of the object's id: " + response);
                    }
                }
                if (expected == 404 && row.randomIdPath() != null) {
                    JsonNode forRandom = api.get(row.randomIdPath(), person.token()).json();
                    JsonNode forReal = response.json();
                    if (!forRandom.get("detail").equals(forReal.get("detail"))
                            || !forRandom.get("type").equals(forReal.get("type"))) {
                        failures.add(cell + ": 404 differs from a random id's: " + forReal + " vs " + forRandom);
                    }
                }
            }
        }
        assertThat(failures).as("authorization matrix, %d cells", cells).isEmpty();
        assertThat(cells).isEqualTo(rows.size() * ORDER.size());

        // The state-changing cells had their effect only for the permitted caller.
        assertThat(api.get("/api/journal/entries/" + deleted, People.CLIENT.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/journal/assignments/" + toSubmit, People.CLIENT.token()).json().get("status")
                .asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void withoutATokenEveryEndpointAnswers401() {
        String id = UUID.randomUUID().toString();
        List<Api.Response> responses = List.of(
                api.post("/api/journal/assignments", null, Api.map()),
                api.get("/api/journal/assignments", null),
                api.get("/api/journal/assignments/" + id, null),
                api.put("/api/journal/assignments/" + id + "/answers/" + id, null, Api.map("text", "x")),
                api.post("/api/journal/assignments/" + id + "/submit", null, null),
                api.post("/api/journal/assignments/" + id + "/answers/" + id + "/feedback", null, Api.map("body", "x")),
                api.get("/api/journal/assignments/" + id + "/feedback", null),
                api.post("/api/journal/assignments/" + id + "/feedback/" + id + "/replies", null, Api.map("body", "x")),
                api.post("/api/journal/entries", null, Api.map("title", "t", "body", "b")),
                api.get("/api/journal/entries", null),
                api.get("/api/journal/entries/" + id, null),
                api.put("/api/journal/entries/" + id, null, Api.map("title", "t", "body", "b")),
                api.delete("/api/journal/entries/" + id, null),
                api.post("/api/journal/entries/" + id + "/share", null, null),
                api.post("/api/journal/entries/" + id + "/unshare", null, null),
                api.get("/api/journal/shared-entries", null),
                api.get("/api/journal/shared-entries/" + id, null),
                api.get("/api/journal/adherence", null),
                api.get("/api/journal/audit", null));
        assertThat(responses).allSatisfy(response -> {
            assertThat(response.status()).as(response.toString()).isEqualTo(401);
            assertThat(response.isProblem()).isTrue();
        });
    }

    private String create(Map<String, Object> body) {
        Api.Response created = api.post("/api/journal/assignments", People.THERAPIST.token(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String promptOf(String assignment) {
        return api.get("/api/journal/assignments/" + assignment, People.CLIENT.token()).json()
                .get("prompts").get(0).get("id").asString();
    }

    private String entry() {
        Api.Response created = api.post("/api/journal/entries", People.CLIENT.token(),
                Api.map("title", "T " + SECRET, "body", "B " + SECRET, "mood", 2));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
