package org.securebase.systemtests.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.securebase.localstack.SecureBaseStack;
import org.securebase.platform.embedded.keycloak.KeycloakAdmin;
import org.securebase.platform.events.Topics;
import org.securebase.systemtests.RunningStack;
import org.securebase.systemtests.ServiceDatabase;
import org.securebase.systemtests.StackClock;
import org.securebase.systemtests.authorization.ApiService;
import org.securebase.systemtests.authorization.Http;
import org.securebase.systemtests.authorization.RenewedToken;
import org.securebase.systemtests.authorization.StackAccess;

/**
 * Revocations survive an outage of the database that must apply them. journal-service's database refuses every
 * connection for 30 s; meanwhile an admin ends one therapist's caseload and deactivates another therapist, and both
 * therapists keep trying to read their (former) client's homework. After the database is back both revocations take
 * effect, nothing is parked in a dead-letter topic, journal-service answered the outage with 503 (never 500), and no
 * read by a former therapist succeeded later than the acknowledgement of the revocation plus the caseload lag bound
 * (60 s). Its summary line starts with {@code fault-run-revocations}.
 */
@ExtendWith(RunningStack.class)
class RevocationDuringOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration LAG_BOUND = Duration.ofSeconds(60);
    private static final String JOURNAL_DATABASE = "journal";

    private final Http http = new Http();
    private final String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    private SecureBaseStack stack;
    private StackAccess access;

    /** One read by a therapist: when it was sent, and what it got (0: no answer, -1: no token). */
    private record Read(Instant sentAt, Instant answeredAt, int status) {
    }

    /** A therapist with one client on the caseload, one assignment for them, answered. */
    private record Pair(String name, UUID therapist, RenewedToken therapistToken, UUID client, String assignment,
                        List<Read> reads) {
    }

    @Test
    void aCaseloadEndedAndATherapistDeactivatedWhileTheJournalDatabaseIsDownBothTakeEffect() throws Exception {
        stack = RunningStack.get();
        access = StackAccess.of(stack);
        RenewedToken admin = new RenewedToken(() -> access.portal().login("admin@securebase.test", access.demoPassword()));
        Pair ended = pair("ended", admin);
        Pair deactivated = pair("deactivated", admin);
        Map<TopicPartition, Long> deadLettersBefore = deadLetterEnds();
        ServiceDatabase journal = ServiceDatabase.of(stack.database(JOURNAL_DATABASE));

        ScheduledExecutorService readers = Executors.newScheduledThreadPool(2);
        for (Pair pair : List.of(ended, deactivated)) {
            readers.scheduleWithFixedDelay(() -> read(pair), 0, 100, TimeUnit.MILLISECONDS);
        }
        Instant outageStarted;
        Instant caseloadEndAcknowledged;
        Instant deactivationAcknowledged;
        Instant outageEnded;
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> successes(ended) > 0 && successes(deactivated) > 0);

            stack.refuseDatabaseConnections(JOURNAL_DATABASE);
            outageStarted = Instant.now();
            try {
                call(admin, ApiService.ACCOUNTS, "DELETE", "/api/accounts/" + ended.client() + "/therapist", null)
                        .expect(204);
                caseloadEndAcknowledged = Instant.now();
                call(admin, ApiService.ACCOUNTS, "POST", "/api/accounts/" + deactivated.therapist() + "/deactivation",
                        Map.of()).expect(200);
                deactivationAcknowledged = Instant.now();
                // The outage lasts its full length, and meanwhile journal-service keeps being asked.
                await("the outage's length").atMost(OUTAGE.plusSeconds(15)).pollInterval(Duration.ofMillis(200))
                        .until(() -> Duration.between(outageStarted, Instant.now()).compareTo(OUTAGE) >= 0);
            } finally {
                stack.acceptDatabaseConnections(JOURNAL_DATABASE);
            }
            outageEnded = Instant.now();

            await("both revocations applied").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> journal.count("select count(*) from caseload where client_id = ?", ended.client()) == 0
                            && journal.count("select count(*) from caseload where therapist_id = ?",
                                    deactivated.therapist()) == 0);
            Instant applied = Instant.now();
            int readsAtRecovery = ended.reads().size() + deactivated.reads().size();
            await("reads after the recovery").atMost(Duration.ofSeconds(30))
                    .until(() -> ended.reads().size() + deactivated.reads().size() >= readsAtRecovery + 40);

            readers.shutdown();
            assertThat(readers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            long lateEnded = successesAfter(ended, caseloadEndAcknowledged.plus(LAG_BOUND));
            long lateDeactivated = successesAfter(deactivated, deactivationAcknowledged.plus(LAG_BOUND));
            long withinBound = successesAfter(ended, caseloadEndAcknowledged) - lateEnded
                    + successesAfter(deactivated, deactivationAcknowledged) - lateDeactivated;
            Map<Integer, Long> outageAnswers = answersBetween(outageStarted, outageEnded, ended, deactivated);
            long newDeadLetters = newRecords(deadLettersBefore, deadLetterEnds());
            System.out.printf("fault-run-revocations db-down=%ds caseload-end-acked-to-applied=%dms "
                            + "deactivation-acked-to-applied=%dms recovery-to-applied=%dms former-therapist-reads-ok-after-ack=%d "
                            + "beyond-lag-bound=%d outage-answers=%s dead-lettered=%d%n",
                    Duration.between(outageStarted, outageEnded).toSeconds(),
                    Duration.between(caseloadEndAcknowledged, applied).toMillis(),
                    Duration.between(deactivationAcknowledged, applied).toMillis(),
                    Duration.between(outageEnded, applied).toMillis(), withinBound, lateEnded + lateDeactivated,
                    outageAnswers, newDeadLetters);

            assertThat(lateEnded).as("reads of the former client after the caseload's end plus the lag bound").isZero();
            assertThat(lateDeactivated).as("reads by the deactivated therapist after the ack plus the lag bound").isZero();
            assertThat(newDeadLetters).as("records parked in any dead-letter topic during the run").isZero();
            assertThat(outageAnswers.keySet()).as("journal-service's answers during the outage")
                    .allMatch(status -> status == 503 || status == -1 || status == 401 || status == 403 || status == 404);
            assertThat(journal.count("select count(*) from caseload where client_id = ?", deactivated.client()))
                    .as("deactivation ended the caseload; reactivation would not restore it").isZero();
            assertThat(successesAfter(ended, applied)).as("no read after the projection applied the end").isZero();
        } finally {
            readers.shutdownNow();
        }
    }

    private Pair pair(String name, RenewedToken admin) {
        KeycloakAdmin keycloak = access.keycloakAdmin();
        String password = access.demoPassword();
        String therapistEmail = "tara." + name + "." + run + "@example.org";
        String clientEmail = "cleo." + name + "." + run + "@example.org";
        keycloak.createUser(therapistEmail, "Tara", "Outage" + run, password, "therapist", "mfa-exempt");
        keycloak.createUser(clientEmail, "Cleo", "Outage" + run, password, "client", "mfa-exempt");
        RenewedToken therapist = new RenewedToken(() -> access.portal().login(therapistEmail, password));
        RenewedToken client = new RenewedToken(() -> access.portal().login(clientEmail, password));
        UUID therapistId = id(therapist);
        UUID clientId = id(client);
        call(admin, ApiService.ACCOUNTS, "PUT", "/api/accounts/" + clientId + "/therapist",
                Map.of("therapistId", therapistId)).expect(200);
        UUID article = UUID.fromString(call(therapist, ApiService.CONTENT, "GET",
                "/api/content/articles/attachment-and-healing", null).expect(200).json().path("id").asString());
        String assignment = Http.awaitStatus("the caseload in journal-service", 201, Duration.ofSeconds(30), () ->
                call(therapist, ApiService.JOURNAL, "POST", "/api/journal/assignments", Map.of("clientId", clientId,
                        "articleId", article, "prompts", List.of(Map.of("kind", "TEXT", "question", "What stayed?")),
                        "dueAt", StackClock.journalNow().plus(7, ChronoUnit.DAYS).toString()))).json().path("id").asString();
        String prompt = call(client, ApiService.JOURNAL, "GET", "/api/journal/assignments/" + assignment, null)
                .expect(200).json().path("prompts").path(0).path("id").asString();
        call(client, ApiService.JOURNAL, "PUT", "/api/journal/assignments/" + assignment + "/answers/" + prompt,
                Map.of("text", "Answered before the outage")).expect(200);
        return new Pair(name, therapistId, therapist, clientId, assignment, Collections.synchronizedList(new ArrayList<>()));
    }

    private void read(Pair pair) {
        Instant sent = Instant.now();
        int status;
        try {
            status = call(pair.therapistToken(), ApiService.JOURNAL, "GET", "/api/journal/assignments/"
                    + pair.assignment(), null).status();
        } catch (RuntimeException noToken) {
            // A deactivated therapist gets no new token: nothing was read.
            status = -1;
        }
        pair.reads().add(new Read(sent, Instant.now(), status));
    }

    private UUID id(RenewedToken person) {
        return UUID.fromString(call(person, ApiService.ACCOUNTS, "GET", "/api/accounts/me", null).expect(200).json()
                .path("id").asString());
    }

    private Http.Response call(RenewedToken person, ApiService service, String method, String path, Object body) {
        return http.send(method, access.serviceUrl(service) + path, person.get(), body, Map.of());
    }

    private static long successes(Pair pair) {
        synchronized (pair.reads()) {
            return pair.reads().stream().filter(read -> read.status() == 200).count();
        }
    }

    private static long successesAfter(Pair pair, Instant after) {
        synchronized (pair.reads()) {
            return pair.reads().stream().filter(read -> read.status() == 200 && read.sentAt().isAfter(after)).count();
        }
    }

    private static Map<Integer, Long> answersBetween(Instant from, Instant to, Pair... pairs) {
        List<Read> all = new ArrayList<>();
        for (Pair pair : pairs) {
            synchronized (pair.reads()) {
                all.addAll(pair.reads());
            }
        }
        // Sent a second into the outage at the earliest (a read already in flight when it began may still succeed) and
        // answered before it ended (a read that waited for a connection may be served once the database is back).
        Instant settled = from.plusSeconds(1);
        return all.stream().filter(read -> read.sentAt().isAfter(settled) && read.answeredAt().isBefore(to))
                .collect(Collectors.groupingBy(Read::status, TreeMap::new, Collectors.counting()));
    }

    private Map<TopicPartition, Long> deadLetterEnds() throws Exception {
        try (Admin admin = Admin.create(stack.kafkaOperatorProperties())) {
            List<String> topics = Topics.ALL.stream().map(Topics::deadLetterOf).toList();
            Map<String, org.apache.kafka.clients.admin.TopicDescription> described =
                    admin.describeTopics(admin.listTopics().names().get().stream().filter(topics::contains).toList())
                            .allTopicNames().get();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            described.values().forEach(topic -> topic.partitions().forEach(partition ->
                    latest.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new java.util.HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        }
    }

    private static long newRecords(Map<TopicPartition, Long> before, Map<TopicPartition, Long> after) {
        return after.entrySet().stream().mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
    }
}
