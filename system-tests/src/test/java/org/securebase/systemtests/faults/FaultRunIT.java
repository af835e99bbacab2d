package org.securebase.systemtests.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.securebase.localstack.SecureBaseStack;
import org.securebase.platform.embedded.ConsumerLag;
import org.securebase.platform.embedded.keycloak.KeycloakAdmin;
import org.securebase.systemtests.RunningStack;
import org.securebase.systemtests.ServiceDatabase;
import org.securebase.systemtests.StackClock;
import org.securebase.systemtests.authorization.ApiService;
import org.securebase.systemtests.authorization.Http;
import org.securebase.systemtests.authorization.RenewedToken;
import org.securebase.systemtests.authorization.StackAccess;
import org.securebase.systemtests.faults.WriteLog.Kind;
import org.securebase.systemtests.faults.WriteLog.Outcome;
import org.securebase.systemtests.faults.WriteLog.Write;

import tools.jackson.databind.JsonNode;

/**
 * The fault run. Four writers send a steady stream of the platform's writes straight to the services (answers
 * and journal entries as a client, invitations and caseload changes as the admin, article publications and
 * assignments as a therapist), including some the services must refuse. Meanwhile journal-service, content-service
 * and account-service are each killed with SIGKILL at a random moment (a random number of writes into the stream)
 * and started again, and the Kafka broker is restarted once. After recovery: every acknowledged write is there with
 * its value, no refused write is, every outbox is empty, every consumer has read everything, journal-service's
 * projections equal a replay from scratch (a second journal-service with an empty database and new consumer groups)
 * and agree with account-service's caseloads, and content-service pinned every acknowledged assignment once.
 *
 * <p>{@code -Dsecurebase.faults.rounds=N} repeats the kills N times (the long run); {@code
 * -Dsecurebase.faults.writes=N} asks for at least N answered writes (default 1000); {@code
 * -Dsecurebase.faults.seed=S} replays a run's random choices.
 */
@ExtendWith(RunningStack.class)
class FaultRunIT {

    private static final List<String> KILLED = List.of("journal-service", "content-service", "account-service");
    private static final String KAFKA = "kafka";
    private static final int CASELOAD_CLIENTS = 4;
    private static final int ANSWERED_ASSIGNMENTS = 6;
    private static final Duration RECOVERY = Duration.ofMinutes(6);

    /**
     * journal-service's projections, each row as text, without the columns that say when this instance applied it
     * (updated_at, processed_at): those differ between the live service and a replay by nature.
     */
    private static final List<String> PROJECTIONS = List.of(
            "select account_id || '|' || coalesce(role, '') || '|' || coalesce(status, '') || '|' "
                    + "|| coalesce(display_name, '') || '|' || last_sequence from account_projection order by 1",
            "select client_id || '|' || therapist_id || '|' || caseload_assignment_id || '|' || since from caseload "
                    + "order by 1",
            "select article_id || '|' || slug || '|' || title || '|' || status || '|' || current_version || '|' "
                    + "|| lists || '|' || last_event_at from catalog_article order by 1",
            "select consumer || '|' || event_id from processed_event order by 1");

    private final int rounds = Integer.getInteger("securebase.faults.rounds", 1);
    private final int minimumWrites = Integer.getInteger("securebase.faults.writes", 1000);
    private final long seed = Long.getLong("securebase.faults.seed", System.nanoTime());
    private final Random random = new Random(seed);
    private final Http http = new Http();
    private final WriteLog log = new WriteLog();
    private final String run = letters(System.nanoTime() % 1_000_000_000L);

    private SecureBaseStack stack;
    private StackAccess access;
    private RenewedToken client;
    private RenewedToken therapist;
    private RenewedToken admin;
    private UUID therapistId;
    private UUID secondTherapistId;
    private UUID clientId;
    private UUID seedArticleId;
    private final List<UUID> caseloadClients = new ArrayList<>();
    private final List<String> prompts = new ArrayList<>();
    private final Map<String, String> promptAssignment = new ConcurrentHashMap<>();

    @Test
    void nothingAcknowledgedIsLostAndEveryEventTakesEffectOnceWhileServicesAndTheBrokerCrash() throws Exception {
        stack = RunningStack.get();
        access = StackAccess.of(stack);
        Instant started = Instant.now();
        setUpThePractice();

        ScheduledExecutorService writers = Executors.newScheduledThreadPool(4);
        List<Runnable> streams = List.of(paced(this::writeAnswer), paced(this::writeEntry), paced(this::writeAsAdmin),
                paced(this::writeAsTherapist));
        streams.forEach(stream -> writers.scheduleWithFixedDelay(stream, 0, 10, TimeUnit.MILLISECONDS));
        List<String> faults = new ArrayList<>();
        List<CompletableFuture<Void>> restarts = new ArrayList<>();
        try {
            for (int round = 0; round < rounds; round++) {
                List<String> order = new ArrayList<>(KILLED);
                if (round == 0) {
                    order.add(KAFKA);
                }
                Collections.shuffle(order, random);
                for (String target : order) {
                    int trigger = log.count() + 40 + random.nextInt(120);
                    await("write number " + trigger).atMost(Duration.ofMinutes(5)).until(() -> log.count() >= trigger);
                    faults.add(target + "@" + log.count());
                    if (target.equals(KAFKA)) {
                        stack.restartKafka();
                    } else {
                        stack.kill(target);
                        // Started again in the background, so the next fault may strike while this one recovers.
                        restarts.add(CompletableFuture.runAsync(() -> stack.restart(target)));
                    }
                }
                CompletableFuture.allOf(restarts.toArray(CompletableFuture[]::new)).join();
            }
            await("at least " + minimumWrites + " answered writes").atMost(Duration.ofMinutes(10))
                    .until(() -> log.count(Outcome.ACKED) + log.count(Outcome.REFUSED) >= minimumWrites);
        } finally {
            writers.shutdown();
            writers.awaitTermination(2, TimeUnit.MINUTES);
            // Whatever ended the stream, the suites after this one need every killed service back.
            bringBack(restarts);
        }
        Instant streamEnded = Instant.now();

        ServiceDatabase journal = ServiceDatabase.of(stack.database("journal"));
        ServiceDatabase content = ServiceDatabase.of(stack.database("content"));
        ServiceDatabase account = ServiceDatabase.of(stack.database("account"));
        await("every outbox drained").atMost(RECOVERY).pollInterval(Duration.ofSeconds(2)).until(() ->
                pendingOutbox(journal, content, account) == 0);
        ConsumerLag lag = new ConsumerLag(stack.kafkaOperatorProperties());
        await("every consumer group caught up").atMost(RECOVERY).pollInterval(Duration.ofSeconds(2))
                .until(() -> lag.totalLag(group -> true) == 0
                        && lag.lagOf("journal-service.caseload", "securebase.accounts.v1") == 0
                        && lag.lagOf("journal-service.catalog", "securebase.content.articles.v1") == 0
                        && lag.lagOf("content-service.pinned-readings", "securebase.journal.assignments.v1") == 0);

        SoftAssertions softly = new SoftAssertions();
        int checked = checkAcknowledgedWritesArePresent(softly, content, account);
        int projectionRows = checkProjectionsAgreeWithTheirSources(softly, journal, content);

        String replayPrefix = "journal-service-replay-" + run;
        stack.startInstance("journal-service", "journal_replay_" + run, 18083,
                Map.of("SECUREBASE_EVENTS_CONSUMER_GROUP_PREFIX", replayPrefix));
        ServiceDatabase replay = ServiceDatabase.of(stack.database("journal_replay_" + run));
        try {
            await("the replay read every topic").atMost(RECOVERY).pollInterval(Duration.ofSeconds(2))
                    .until(() -> lag.lagOf(replayPrefix + ".caseload", "securebase.accounts.v1") == 0
                            && lag.lagOf(replayPrefix + ".catalog", "securebase.content.articles.v1") == 0);
        } finally {
            stack.kill("journal_replay_" + run);
        }
        List<String> differences = new ArrayList<>();
        for (String query : PROJECTIONS) {
            List<String> live = journal.rows(query);
            List<String> replayed = replay.rows(query);
            if (!live.equals(replayed)) {
                List<String> onlyLive = new ArrayList<>(live);
                onlyLive.removeAll(replayed);
                List<String> onlyReplayed = new ArrayList<>(replayed);
                onlyReplayed.removeAll(live);
                differences.add(query + "\n    only live: " + onlyLive + "\n    only replayed: " + onlyReplayed);
            }
            projectionRows += live.size();
        }
        softly.assertThat(differences).as("journal-service's projections differ from a replay from scratch").isEmpty();

        System.out.printf("fault-run writes=%d acknowledged=%d refused=%d unknown=%d faults=%s checked=%d "
                        + "acked-missing=%d refused-present=%d projection-rows=%d projection-diff=%d outbox-pending=%d "
                        + "consumer-lag=%d (seed %d, rounds %d, stream %d s, recovery and checks %d s)%n",
                log.count(), log.count(Outcome.ACKED), log.count(Outcome.REFUSED), log.count(Outcome.UNKNOWN), faults,
                checked, softly.errorsCollected().stream().filter(e -> e.getMessage().contains("acknowledged")).count(),
                softly.errorsCollected().stream().filter(e -> e.getMessage().contains("refused")).count(),
                projectionRows, differences.size(),
                pendingOutbox(journal, content, account),
                lag.totalLag(group -> !group.startsWith(replayPrefix)), seed, rounds,
                Duration.between(started, streamEnded).toSeconds(), Duration.between(streamEnded, Instant.now()).toSeconds());
        for (Kind kind : Kind.values()) {
            softly.assertThat(log.of(kind).stream().filter(write -> write.outcome() == Outcome.ACKED).count())
                    .as("acknowledged writes of kind %s (none would make its checks vacuous)", kind).isPositive();
        }
        softly.assertThat(log.of(Kind.ENTRY).stream().filter(write -> write.value().contains("refused")
                        && write.outcome() == Outcome.ACKED).map(Write::value))
                .as("invalid writes that were acknowledged").isEmpty();
        for (Kind kind : Kind.values()) {
            System.out.printf("  %s: %s%n", kind, log.of(kind).stream().collect(Collectors.groupingBy(
                    write -> write.outcome() + " " + write.status(), java.util.TreeMap::new, Collectors.counting())));
        }
        softly.assertAll();
    }

    /** Waits for the restarts under way; a service whose restart failed, or never began, is started once more. */
    private void bringBack(List<CompletableFuture<Void>> restarts) {
        for (CompletableFuture<Void> restart : restarts) {
            try {
                restart.join();
            } catch (RuntimeException failedRestart) {
                // Retried below.
            }
        }
        for (String service : KILLED) {
            if (!stack.isRunning(service)) {
                stack.restart(service);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- set-up

    private void setUpThePractice() {
        KeycloakAdmin keycloak = access.keycloakAdmin();
        String password = access.demoPassword();
        client = new RenewedToken(() -> access.portal().login("client@securebase.test", password));
        therapist = new RenewedToken(() -> access.portal().login("therapist@securebase.test", password));
        admin = new RenewedToken(() -> access.portal().login("admin@securebase.test", password));
        clientId = UUID.fromString(me(client).path("id").asString());
        therapistId = UUID.fromString(me(therapist).path("id").asString());
        me(admin);

        String secondTherapist = "faith.fault." + run + "@example.org";
        keycloak.createUser(secondTherapist, "Faith", "Fault" + run, password, "therapist", "mfa-exempt");
        secondTherapistId = UUID.fromString(me(new RenewedToken(() -> access.portal().login(secondTherapist, password)))
                .path("id").asString());
        for (int i = 0; i < CASELOAD_CLIENTS; i++) {
            String email = "cora.fault." + run + "." + letters(i) + "@example.org";
            keycloak.createUser(email, "Cora", "Fault" + run + letters(i), password, "client", "mfa-exempt");
            UUID id = UUID.fromString(me(new RenewedToken(() -> access.portal().login(email, password)))
                    .path("id").asString());
            caseloadClients.add(id);
            call(admin, ApiService.ACCOUNTS, "PUT", "/api/accounts/" + id + "/therapist",
                    Map.of("therapistId", therapistId)).expect(200);
        }

        seedArticleId = UUID.fromString(call(therapist, ApiService.CONTENT, "GET",
                "/api/content/articles/attachment-and-healing", null).expect(200).json().path("id").asString());
        for (int i = 0; i < ANSWERED_ASSIGNMENTS; i++) {
            String assignment = call(therapist, ApiService.JOURNAL, "POST", "/api/journal/assignments",
                    assignmentBody()).expect(201).json().path("id").asString();
            String prompt = call(client, ApiService.JOURNAL, "GET", "/api/journal/assignments/" + assignment, null)
                    .expect(200).json().path("prompts").path(0).path("id").asString();
            prompts.add(prompt);
            promptAssignment.put(prompt, assignment);
        }
    }

    private JsonNode me(RenewedToken person) {
        return call(person, ApiService.ACCOUNTS, "GET", "/api/accounts/me", null).expect(200).json();
    }

    private Map<String, Object> assignmentBody() {
        return Map.of("clientId", clientId, "articleId", seedArticleId,
                "prompts", List.of(Map.of("kind", "TEXT", "question", "What stayed with you?")),
                "dueAt", StackClock.journalNow().plus(7, ChronoUnit.DAYS).toString());
    }

    // ------------------------------------------------------------------------------------------------ writers

    private final AtomicInteger answers = new AtomicInteger();
    private final AtomicInteger entries = new AtomicInteger();
    private final AtomicInteger adminWrites = new AtomicInteger();
    private final AtomicInteger therapistWrites = new AtomicInteger();
    private final Map<UUID, UUID> nextTherapist = new ConcurrentHashMap<>();

    /**
     * One write per call; after a write that got no answer (a service down) the writer skips its turns for a moment
     * instead of piling up refused connections.
     */
    private static Runnable paced(Supplier<Write> write) {
        long[] resumeAt = {0};
        return () -> {
            if (System.nanoTime() < resumeAt[0]) {
                return;
            }
            try {
                Write done = write.get();
                if (done.status() == 0 || done.status() >= 500) {
                    resumeAt[0] = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(250);
                }
            } catch (RuntimeException unexpected) {
                // a token request failing while Keycloak is busy: the writer goes on with its next turn
                resumeAt[0] = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(250);
            }
        };
    }

    private Write writeAnswer() {
        int n = answers.incrementAndGet();
        String prompt = prompts.get(n % prompts.size());
        String text = "fault answer " + run + " " + n;
        return log.record(Kind.ANSWER, prompt, text, () -> call(client, ApiService.JOURNAL, "PUT",
                        "/api/journal/assignments/" + promptAssignment.get(prompt) + "/answers/" + prompt,
                        Map.of("text", text)),
                response -> response.json().path("id").asString());
    }

    private Write writeEntry() {
        int n = entries.incrementAndGet();
        if (n % 25 == 0) {
            String title = "fault refused entry " + run + " " + n;
            return log.record(Kind.ENTRY, title, title, () -> call(client, ApiService.JOURNAL, "POST",
                    "/api/journal/entries", Map.of("title", title, "body", "refused", "mood", 99)), id -> null);
        }
        String title = "fault entry " + run + " " + n;
        return log.record(Kind.ENTRY, title, title, () -> call(client, ApiService.JOURNAL, "POST",
                        "/api/journal/entries", Map.of("title", title, "body", "Written during the fault run.", "mood",
                                1 + n % 5)),
                response -> response.json().path("id").asString());
    }

    private Write writeAsAdmin() {
        int n = adminWrites.incrementAndGet();
        if (n % 3 == 0) {
            boolean refused = n % 30 == 0;
            String email = (refused ? "refused." : "invited.") + run + "." + letters(n) + "@example.org";
            return log.record(Kind.INVITATION, email, email, () -> call(admin, ApiService.ACCOUNTS, "POST",
                            "/api/accounts", Map.of("email", email, "firstName", "Ivy", "lastName", "Fault",
                                    "role", refused ? "owner" : "client")),
                    response -> response.json().path("id").asString());
        }
        UUID caseloadClient = caseloadClients.get(n % caseloadClients.size());
        UUID target = nextTherapist.getOrDefault(caseloadClient, secondTherapistId);
        Write write = log.record(Kind.CASELOAD, caseloadClient.toString(), target.toString(),
                () -> call(admin, ApiService.ACCOUNTS, "PUT", "/api/accounts/" + caseloadClient + "/therapist",
                        Map.of("therapistId", target)),
                response -> response.json().path("id").asString());
        nextTherapist.put(caseloadClient, target.equals(therapistId) ? secondTherapistId : therapistId);
        return write;
    }

    private Write writeAsTherapist() {
        int n = therapistWrites.incrementAndGet();
        if (n % 2 == 0) {
            return log.record(Kind.ASSIGNMENT, clientId.toString(), "assignment " + n,
                    () -> call(therapist, ApiService.JOURNAL, "POST", "/api/journal/assignments", assignmentBody()),
                    response -> response.json().path("id").asString());
        }
        boolean refused = n % 21 == 0;
        String slug = refused ? "Fault Refused " + run + " " + n : "fault-" + run + "-" + letters(n);
        return log.record(Kind.ARTICLE, slug, slug, () -> {
            Http.Response created = call(therapist, ApiService.CONTENT, "POST", "/api/content/articles",
                    Map.of("slug", slug, "title", "Fault run " + slug, "summary", "Published during the fault run.",
                            "markdown", "## Steady\n\nWritten while services crash.\n", "tags", List.of("fault-run")));
            return created.isSuccess() ? call(therapist, ApiService.CONTENT, "POST",
                    "/api/content/articles/" + slug + "/publish", null) : created;
        }, response -> response.json().path("id").asString());
    }

    private Http.Response call(RenewedToken person, ApiService service, String method, String path, Object body) {
        return http.send(method, access.serviceUrl(service) + path, person.get(), body, Map.of());
    }

    // ------------------------------------------------------------------------------------------------- checks

    private int checkAcknowledgedWritesArePresent(SoftAssertions softly, ServiceDatabase content, ServiceDatabase account) {
        int checked = 0;
        Map<String, List<Write>> answersByPrompt = byTarget(log.of(Kind.ANSWER));
        for (String prompt : prompts) {
            JsonNode stored = call(client, ApiService.JOURNAL, "GET",
                    "/api/journal/assignments/" + promptAssignment.get(prompt), null).expect(200).json()
                    .path("prompts").path(0).path("answer");
            String text = stored.isMissingNode() || stored.isNull() ? null : stored.path("text").asString();
            softly.assertThat(text).as("answer to prompt %s (acknowledged and unknown writes in order)", prompt)
                    .isIn(WriteLog.allowedFinalValues(answersByPrompt.getOrDefault(prompt, List.of()), null));
            checked++;
        }

        Map<String, String> titles = entryTitles();
        for (Write entry : log.of(Kind.ENTRY)) {
            if (entry.outcome() == Outcome.ACKED) {
                softly.assertThat(titles.get(entry.result())).as("acknowledged entry %s", entry.value())
                        .isEqualTo(entry.value());
                checked++;
            } else if (entry.outcome() == Outcome.REFUSED) {
                softly.assertThat(titles.values()).as("refused entry %s", entry.value()).doesNotContain(entry.value());
            }
        }

        for (Write invitation : log.of(Kind.INVITATION)) {
            long stored = account.count("select count(*) from account where email = ?", invitation.value());
            if (invitation.outcome() == Outcome.ACKED) {
                softly.assertThat(call(admin, ApiService.ACCOUNTS, "GET", "/api/accounts/" + invitation.result(), null)
                        .json().path("email").asString()).as("acknowledged invitation %s", invitation.value())
                        .isEqualTo(invitation.value());
                checked++;
            } else if (invitation.outcome() == Outcome.REFUSED) {
                softly.assertThat(stored).as("refused invitation %s", invitation.value()).isZero();
            }
        }

        Map<String, List<Write>> caseloadByClient = byTarget(log.of(Kind.CASELOAD));
        for (UUID caseloadClient : caseloadClients) {
            JsonNode current = currentTherapistAssignment(caseloadClient);
            softly.assertThat(current.path("therapistId").asString())
                    .as("caseload of %s (acknowledged and unknown writes in order)", caseloadClient)
                    .isIn(WriteLog.allowedFinalValues(caseloadByClient.getOrDefault(caseloadClient.toString(), List.of()),
                            therapistId.toString()));
            checked++;
        }

        for (Write article : log.of(Kind.ARTICLE)) {
            long published = content.count("select count(*) from article where slug = ? and status = 'PUBLISHED'",
                    article.value());
            if (article.outcome() == Outcome.ACKED) {
                softly.assertThat(published).as("acknowledged publication of %s", article.value()).isOne();
                checked++;
            } else if (article.outcome() == Outcome.REFUSED) {
                softly.assertThat(content.count("select count(*) from article where slug = ?", article.value()))
                        .as("refused article %s", article.value()).isZero();
            }
        }

        for (Write assignment : log.of(Kind.ASSIGNMENT)) {
            if (assignment.outcome() == Outcome.ACKED) {
                softly.assertThat(call(therapist, ApiService.JOURNAL, "GET", "/api/journal/assignments/"
                        + assignment.result(), null).status()).as("acknowledged assignment %s", assignment.result())
                        .isEqualTo(200);
                checked++;
            }
        }
        return checked;
    }

    private int checkProjectionsAgreeWithTheirSources(SoftAssertions softly, ServiceDatabase journal, ServiceDatabase content) {
        int rows = 0;
        for (UUID caseloadClient : caseloadClients) {
            JsonNode current = currentTherapistAssignment(caseloadClient);
            softly.assertThat(journal.rows("select therapist_id || ' ' || caseload_assignment_id from caseload "
                            + "where client_id = '" + caseloadClient + "'"))
                    .as("journal-service's caseload of %s against account-service's", caseloadClient)
                    .containsExactly(current.path("therapistId").asString() + " " + current.path("id").asString());
            rows++;
        }
        for (Write article : log.of(Kind.ARTICLE)) {
            if (article.outcome() == Outcome.ACKED) {
                softly.assertThat(journal.count("select count(*) from catalog_article where article_id = ?::uuid "
                                + "and status = 'PUBLISHED'", article.result()))
                        .as("acknowledged article %s in journal-service's catalog", article.value()).isOne();
                rows++;
            }
        }
        for (Write assignment : log.of(Kind.ASSIGNMENT)) {
            if (assignment.outcome() == Outcome.ACKED) {
                softly.assertThat(content.count("select count(*) from pinned_reading where assignment_id = ?::uuid",
                                assignment.result()))
                        .as("acknowledged assignment %s pinned by content-service", assignment.result()).isOne();
                rows++;
            }
        }
        return rows;
    }

    /** Publications not yet handed to the broker, in all the services' outboxes. */
    private static long pendingOutbox(ServiceDatabase... databases) {
        long pending = 0;
        for (ServiceDatabase database : databases) {
            pending += database.count("select count(*) from event_publication where completion_date is null");
        }
        return pending;
    }

    private JsonNode currentTherapistAssignment(UUID caseloadClient) {
        JsonNode history = call(admin, ApiService.ACCOUNTS, "GET", "/api/accounts/" + caseloadClient
                + "/therapist-assignments", null).expect(200).json();
        for (JsonNode assignment : history) {
            if (assignment.path("endedAt").isNull() || assignment.path("endedAt").isMissingNode()) {
                return assignment;
            }
        }
        throw new IllegalStateException(caseloadClient + " has no current therapist: " + history);
    }

    /** Every journal entry of the demo client, id to title, read page by page. */
    private Map<String, String> entryTitles() {
        Map<String, String> titles = new LinkedHashMap<>();
        String cursor = null;
        do {
            JsonNode page = call(client, ApiService.JOURNAL, "GET", "/api/journal/entries?limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor), null).expect(200).json();
            page.path("items").forEach(item -> titles.put(item.path("id").asString(), item.path("title").asString()));
            cursor = page.path("nextCursor").isString() ? page.path("nextCursor").asString() : null;
        } while (cursor != null);
        return titles;
    }

    private static Map<String, List<Write>> byTarget(List<Write> writes) {
        return writes.stream().collect(Collectors.groupingBy(Write::target, LinkedHashMap::new, Collectors.toList()));
    }

    /** Keycloak takes person names of letters only. */
    private static String letters(long number) {
        return Long.toString(number).chars().mapToObj(digit -> String.valueOf((char) ('a' + digit - '0')))
                .collect(Collectors.joining());
    }
}
