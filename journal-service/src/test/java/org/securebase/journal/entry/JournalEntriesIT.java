package org.securebase.journal.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.journal.JournalServiceIntegrationTest;
import org.securebase.journal.support.Api;
import org.securebase.journal.support.People;
import org.securebase.journal.support.Projections;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import tools.jackson.databind.JsonNode;

@JournalServiceIntegrationTest
class JournalEntriesIT {

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

    private JsonNode create(String title, String body, Integer mood) {
        Api.Response created = api.post("/api/journal/entries", People.CLIENT.token(),
                Api.map("title", title, "body", body, "mood", mood));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    @Test
    void theClientWritesReadsEditsAndDeletesTheirEntry() {
        JsonNode entry = create("Monday", "Slept badly, talked to my sister.", 3);
        String id = entry.get("id").asString();
        assertThat(entry.get("shared").asBoolean()).isFalse();

        Api.Response read = api.get("/api/journal/entries/" + id, People.CLIENT.token());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("body").asString()).isEqualTo("Slept badly, talked to my sister.");
        assertThat(read.json().get("mood").asInt()).isEqualTo(3);
        String etag = read.header("ETag");

        Api.Response edited = api.send(api.request("/api/journal/entries/" + id, People.CLIENT.token())
                .header("Content-Type", "application/json").header("If-Match", etag)
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(
                        Api.map("title", "Monday, later", "body", "Better after the walk.", "mood", 4)))));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().get("title").asString()).isEqualTo("Monday, later");

        // The old ETag is stale now: a second editor's write is refused and changes nothing.
        Api.Response stale = api.send(api.request("/api/journal/entries/" + id, People.CLIENT.token())
                .header("Content-Type", "application/json").header("If-Match", etag)
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(
                        Api.map("title", "Overwritten", "body", "Overwritten")))));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(api.get("/api/journal/entries/" + id, People.CLIENT.token()).json().get("title").asString())
                .isEqualTo("Monday, later");

        assertThat(api.delete("/api/journal/entries/" + id, People.CLIENT.token()).status()).isEqualTo(204);
        assertThat(api.get("/api/journal/entries/" + id, People.CLIENT.token()).status()).isEqualTo(404);
        assertThat(api.delete("/api/journal/entries/" + id, People.CLIENT.token()).status()).isEqualTo(404);
    }

    @Test
    void anEntryIsPrivateUntilSharedAndEveryTherapistReadIsAudited() {
        String id = create("Private", "Nobody reads this but me.", null).get("id").asString();

        assertThat(api.get("/api/journal/shared-entries/" + id, People.THERAPIST.token()).status()).isEqualTo(404);
        assertThat(sharedIdsSeenBy(People.THERAPIST)).doesNotContain(id);

        Api.Response shared = api.post("/api/journal/entries/" + id + "/share", People.CLIENT.token(), null);
        assertThat(shared.status()).as(shared.toString()).isEqualTo(200);
        assertThat(shared.json().get("shared").asBoolean()).isTrue();
        // Sharing again changes nothing.
        assertThat(api.post("/api/journal/entries/" + id + "/share", People.CLIENT.token(), null).json()
                .get("sharedAt").asString()).isEqualTo(shared.json().get("sharedAt").asString());

        long auditBefore = auditRows(id);
        Api.Response read = api.send(api.request("/api/journal/shared-entries/" + id, People.THERAPIST.token())
                .header("X-Request-Id", "req-shared-read-" + id.substring(0, 8)).GET());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("body").asString()).isEqualTo("Nobody reads this but me.");
        assertThat(auditRows(id)).isEqualTo(auditBefore + 1);
        assertThat(jdbc.sql("""
                        select count(*) from access_audit where resource_id = :id and actor_id = :actor
                        and subject_id = :subject and action = 'READ' and request_id = :rid""")
                .param("id", UUID.fromString(id)).param("actor", People.THERAPIST.id())
                .param("subject", People.CLIENT.id()).param("rid", "req-shared-read-" + id.substring(0, 8))
                .query(Long.class).single()).isEqualTo(1);

        assertThat(sharedIdsSeenBy(People.THERAPIST)).contains(id);
        assertThat(auditRows(id)).isGreaterThan(auditBefore + 1); // the list showed its title: audited too
        // Nobody else: not the other therapist, not the admin (403 by role), not another client.
        assertThat(api.get("/api/journal/shared-entries/" + id, People.OTHER_THERAPIST.token()).status()).isEqualTo(404);
        assertThat(sharedIdsSeenBy(People.OTHER_THERAPIST)).doesNotContain(id);
        assertThat(api.get("/api/journal/shared-entries/" + id, People.ADMIN.token()).status()).isEqualTo(403);
        assertThat(api.get("/api/journal/entries/" + id, People.OTHER_CLIENT.token()).status()).isEqualTo(404);
        // The owner's own reads are not "someone else's" and leave no audit row.
        long beforeOwnRead = auditRows(id);
        api.get("/api/journal/entries/" + id, People.CLIENT.token());
        assertThat(auditRows(id)).isEqualTo(beforeOwnRead);

        assertThat(api.post("/api/journal/entries/" + id + "/unshare", People.CLIENT.token(), null).json()
                .get("shared").asBoolean()).isFalse();
        assertThat(api.get("/api/journal/shared-entries/" + id, People.THERAPIST.token()).status()).isEqualTo(404);
    }

    @Test
    void whenTheCaseloadEndsTheFormerTherapistNoLongerReadsWhatWasShared() {
        String id = create("Shared before the change", "Shared with my first therapist.", 2).get("id").asString();
        api.post("/api/journal/entries/" + id + "/share", People.CLIENT.token(), null);
        assertThat(api.get("/api/journal/shared-entries/" + id, People.THERAPIST.token()).status()).isEqualTo(200);
        try {
            projections.assignCaseload(People.CLIENT.id(), People.OTHER_THERAPIST.id());
            assertThat(api.get("/api/journal/shared-entries/" + id, People.THERAPIST.token()).status()).isEqualTo(404);
            // The new therapist does not inherit it: it was shared with the former one.
            assertThat(api.get("/api/journal/shared-entries/" + id, People.OTHER_THERAPIST.token()).status())
                    .isEqualTo(404);
            // The client still has it, and may share it with the new therapist.
            assertThat(api.get("/api/journal/entries/" + id, People.CLIENT.token()).status()).isEqualTo(200);
            api.post("/api/journal/entries/" + id + "/share", People.CLIENT.token(), null);
            assertThat(api.get("/api/journal/shared-entries/" + id, People.OTHER_THERAPIST.token()).status())
                    .isEqualTo(200);

            projections.endCaseload(People.CLIENT.id());
            Api.Response nobody = api.post("/api/journal/entries/" + id + "/share", People.CLIENT.token(), null);
            assertThat(nobody.status()).isEqualTo(409);
            assertThat(nobody.isProblem()).isTrue();
            assertThat(api.get("/api/journal/shared-entries/" + id, People.OTHER_THERAPIST.token()).status())
                    .isEqualTo(404);
        } finally {
            projections.assignCaseload(People.CLIENT.id(), People.THERAPIST.id());
        }
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        long before = countEntries();
        assertProblem(api.post("/api/journal/entries", People.CLIENT.token(), Api.map("title", "", "body", "x")), 400);
        assertProblem(api.post("/api/journal/entries", People.CLIENT.token(), Api.map("title", "t")), 400);
        assertProblem(api.post("/api/journal/entries", People.CLIENT.token(),
                Api.map("title", "t", "body", "x", "mood", 6)), 400);
        assertProblem(api.post("/api/journal/entries", People.CLIENT.token(),
                Api.map("title", "t", "body", "x".repeat(20_001))), 413);
        assertProblem(api.post("/api/journal/entries", People.CLIENT.token(),
                Api.map("title", "t".repeat(201), "body", "x")), 413);
        assertProblem(api.post("/api/journal/entries", People.CLIENT.token(),
                Api.map("title", "t", "body", "x", "assignmentId", UUID.randomUUID().toString())), 400);
        assertProblem(api.sendRaw("POST", "/api/journal/entries", People.CLIENT.token(), "{\"title\": \"t\", "), 400);
        assertProblem(api.sendRaw("POST", "/api/journal/entries", People.CLIENT.token(), "[1, 2]"), 400);
        assertProblem(api.sendRaw("POST", "/api/journal/entries", People.CLIENT.token(),
                "{\"title\": \"t\", \"body\": \"" + "x".repeat(300_000) + "\"}"), 413);
        assertProblem(api.get("/api/journal/entries/not-a-uuid", People.CLIENT.token()), 400);
        assertProblem(api.get("/api/journal/entries?cursor=%21%21", People.CLIENT.token()), 400);
        assertProblem(api.get("/api/journal/entries?limit=0", People.CLIENT.token()), 400);
        assertProblem(api.get("/api/journal/entries?limit=101", People.CLIENT.token()), 400);
        assertThat(countEntries()).isEqualTo(before);
    }

    @Test
    void theListIsKeysetPaginatedNewestFirst() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(0, create("Page test " + i, "Body " + i, null).get("id").asString());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = api.get("/api/journal/entries?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    People.CLIENT.token());
            assertThat(page.status()).isEqualTo(200);
            page.json().get("items").forEach(item -> seen.add(item.get("id").asString()));
            assertThat(page.json().get("items").size()).isLessThanOrEqualTo(2);
            cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asString();
            // A new entry written meanwhile shows up on the first page, never shifting the later ones.
            if (seen.size() == 2) {
                create("Written while paging", "x", null);
            }
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen.subList(0, 5)).containsExactlyElementsOf(created);
        // Lists carry titles, never bodies.
        assertThat(api.get("/api/journal/entries?limit=1", People.CLIENT.token()).json().get("items").get(0)
                .has("body")).isFalse();
    }

    private List<String> sharedIdsSeenBy(People therapist) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = api.get("/api/journal/shared-entries?limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor), therapist.token());
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
            cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asString();
        } while (cursor != null);
        return ids;
    }

    private long auditRows(String resourceId) {
        return jdbc.sql("select count(*) from access_audit where resource_id = :id")
                .param("id", UUID.fromString(resourceId)).query(Long.class).single();
    }

    private long countEntries() {
        return jdbc.sql("select count(*) from journal_entry").query(Long.class).single();
    }

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
    }
}
