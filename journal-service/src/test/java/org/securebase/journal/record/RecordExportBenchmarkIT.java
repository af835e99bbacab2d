package org.securebase.journal.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.securebase.journal.JournalServiceIntegrationTest;
import org.securebase.journal.support.Api;
import org.securebase.journal.support.People;
import org.securebase.journal.support.Projections;
import org.securebase.journal.support.Projections.ArticleList;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * How long a large record takes to prepare: a client with 200 handed-in homeworks (each answered, half with feedback)
 * and 1,000 journal entries, made through the API, then three copies asked for one after another. Prints the wall
 * time from request to ready, this JVM's CPU time over the same span (the service runs in it; the machine may be
 * shared, the CPU time is the comparable figure) and the archive's size. A benchmark, not a test of speed: it asserts
 * only that the copies are complete. Off unless {@code -Dsecurebase.bench.record=true} (docs/benchmarks.md).
 */
@JournalServiceIntegrationTest
@EnabledIfSystemProperty(named = "securebase.bench.record", matches = "true")
@TestPropertySource(properties = {
        "securebase.test.database=journal_record_bench",
        "securebase.events.consumer.group-prefix=journal-service-record-bench"
})
@DirtiesContext
class RecordExportBenchmarkIT {

    static final int ASSIGNMENTS = 200;
    static final int ENTRIES = 1_000;
    static final int RUNS = 3;
    private static final String RECORDS = "/api/journal/record-exports";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void aClientWith200HomeworksAnd1000EntriesGetsTheirCopy() {
        Api api = new Api(port);
        Projections projections = new Projections(jdbc, listeners);
        projections.standardCaseloads();
        projections.heartbeatsUntil(Instant.now().plus(Duration.ofHours(1)));
        UUID article = projections.publishArticle("Attachment and Healing",
                new ArticleList("what-helps", List.of("item-1", "item-2")));
        String answer = "What I noticed this week, written out as a client would: ".repeat(8);
        for (int i = 0; i < ASSIGNMENTS; i++) {
            String id = api.post("/api/journal/assignments", People.THERAPIST.token(),
                    Api.map("clientId", People.CLIENT.id().toString(), "articleId", article.toString(),
                            "prompts", List.of(Api.map("kind", "TEXT", "question", "What did you notice?"),
                                    Api.map("kind", "SCALE", "question", "How close did you feel?")),
                            "dueAt", Instant.now().plus(Duration.ofDays(7)).toString())).json().get("id").asString();
            var prompts = api.get("/api/journal/assignments/" + id, People.CLIENT.token()).json().get("prompts");
            String answerId = api.put("/api/journal/assignments/" + id + "/answers/" + prompts.get(0).get("id").asString(),
                    People.CLIENT.token(), Api.map("text", answer + i)).json().get("id").asString();
            api.put("/api/journal/assignments/" + id + "/answers/" + prompts.get(1).get("id").asString(),
                    People.CLIENT.token(), Api.map("value", i % 11));
            assertThat(api.post("/api/journal/assignments/" + id + "/submit", People.CLIENT.token(), Map.of()).status())
                    .isEqualTo(200);
            if (i % 2 == 0) {
                api.post("/api/journal/assignments/" + id + "/answers/" + answerId + "/feedback", People.THERAPIST.token(),
                        Api.map("body", "Thank you, that is an important thing to notice."));
            }
        }
        for (int i = 0; i < ENTRIES; i++) {
            assertThat(api.post("/api/journal/entries", People.CLIENT.token(), Api.map("title", "Entry " + i,
                    "body", "Today I tried to say what I needed, and it went better than I feared. ".repeat(4),
                    "mood", 1 + i % 5)).status()).isEqualTo(201);
        }

        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        StringBuilder report = new StringBuilder("record export, " + ASSIGNMENTS + " assignments and " + ENTRIES
                + " journal entries:\n");
        for (int run = 1; run <= RUNS; run++) {
            long cpuBefore = os.getProcessCpuTime();
            long started = System.nanoTime();
            String id = api.post(RECORDS, People.CLIENT.token(), Map.of()).json().get("id").asString();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).until(() ->
                    "READY".equals(api.get(RECORDS + "/" + id, People.CLIENT.token()).json().get("status").asString()));
            long wallMs = (System.nanoTime() - started) / 1_000_000;
            long cpuMs = (os.getProcessCpuTime() - cpuBefore) / 1_000_000;
            var ready = api.get(RECORDS + "/" + id, People.CLIENT.token()).json();
            assertThat(ready.get("itemsTotal").asInt()).isEqualTo(ASSIGNMENTS + RecordAssembly.FIXED_STEPS);
            report.append("  run ").append(run).append(": ready in ").append(wallMs).append(" ms, ").append(cpuMs)
                    .append(" CPU ms, archive ").append(ready.get("archiveBytes").asLong() / 1024).append(" KiB\n");
        }
        System.out.println(report);
    }
}
