package org.securebase.systemtests.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.securebase.localstack.SecureBaseStack;
import org.securebase.platform.embedded.MailServer.ReceivedMail;
import org.securebase.systemtests.RunningStack;
import org.securebase.systemtests.ServiceDatabase;
import org.securebase.systemtests.StackClock;
import org.securebase.systemtests.WrittenTexts;
import org.securebase.systemtests.authorization.ApiService;
import org.securebase.systemtests.authorization.Http;
import org.securebase.systemtests.authorization.StackAccess;

/**
 * Exactly once across instances, crashes and a mail-server outage. A second account-service runs beside the first on
 * the same database, Kafka user and consumer group, as a second replica does. A therapist assigns a client
 * {@value #DEFAULT_REMINDERS} homeworks due in two days (the client switched new-homework mails off, so only the
 * reminders come). The clocks move to the reminders' hour: both instances send. A quarter of the way through, the
 * replica is killed with SIGKILL; halfway, the mail server stops, and the services' clocks move two minutes while it
 * is down, so the first retries fail too. Once it is back and the clocks pass the longest retry wait, every reminder has
 * arrived: one {@code Message-ID} per reminder key and one key per {@code Message-ID}, and no notification row is left
 * pending or failed.
 *
 * <p>A mail the server took just before the instance sending it died, or just before the server itself went away, is
 * sent again, with the same {@code Message-ID}: SMTP cannot commit together with a database, and a copy that mail
 * systems drop is better than a reminder lost. Such copies are counted and printed, and there can be no more of them
 * than sends under way at the two interruptions. {@code -Dsecurebase.reminders.count=N} changes the number.
 */
@ExtendWith(RunningStack.class)
class RemindersAcrossInstancesIT {

    private static final int DEFAULT_REMINDERS = 1000;
    private static final int REMINDERS = Integer.getInteger("securebase.reminders.count", DEFAULT_REMINDERS);
    private static final String REPLICA = "account-service-replica";
    private static final int REPLICA_PORT = 18084;
    /** Each instance's sending threads (securebase.notifications.threads): the most sends under way per instance. */
    private static final int THREADS_PER_INSTANCE = 4;
    private static final Pattern SENT = Pattern.compile(
            "securebase_notifications_total\\{[^}]*kind=\"HOMEWORK_DUE\"[^}]*outcome=\"sent\"[^}]*} ([0-9.E+]+)");

    private final Http http = new Http();
    private final SecureBaseStack stack = RunningStack.get();
    private final StackAccess access = StackAccess.of(stack);
    private boolean replicaRunning;
    private boolean mailServerDown;

    @AfterEach
    void leaveTheStackAsItWas() {
        if (mailServerDown) {
            stack.mail().endOutage();
        }
        if (replicaRunning) {
            stack.stopInstance(REPLICA);
        }
    }

    @Test
    void everyDueReminderArrivesOnceFromTwoInstancesThroughACrashAndAMailOutage() throws Exception {
        String run = StackAccess.runMark();
        String clientEmail = "rhea.reminded." + run + "@example.org";
        String therapistEmail = "theo.tasker." + run + "@example.org";
        UUID therapistId = access.newPerson(therapistEmail, "Theo", "Tasker" + run, "therapist");
        UUID clientId = access.newPerson(clientEmail, "Rhea", "Reminded" + run, "client");
        access.putOnCaseload(clientId, therapistId);
        http.send("PUT", accounts("/api/accounts/me/notifications"), token(clientEmail), Map.of(
                "zone", "UTC", "language", "en", "dueLeadDays", 1, "reminderTime", "18:00",
                "quietHours", Map.of("start", "21:00", "end", "08:00"), "handedInDelivery", "DIGEST", "digestTime", "08:00",
                "kinds", Map.of("NEW_HOMEWORK", false, "HOMEWORK_DUE", true, "HOMEWORK_OVERDUE", false)), Map.of())
                .expect(200);

        stack.startReplica("account-service", REPLICA, REPLICA_PORT, Map.of());
        replicaRunning = true;

        Instant dueAt = ZonedDateTime.ofInstant(StackClock.journalNow(), ZoneOffset.UTC).plusDays(2)
                .with(LocalTime.NOON).toInstant();
        Set<String> expectedKeys = assign(therapistEmail, clientId, dueAt, run);
        ServiceDatabase accountDb = ServiceDatabase.of(stack.database("account"));
        await("a reminder planned for each homework").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> pendingReminders(accountDb, clientId), pending -> pending == REMINDERS);
        int mark = stack.mail().receivedCount();

        // The reminders' hour, the day before: both instances poll, and find them due.
        Instant reminderAt = dueAt.minus(1, ChronoUnit.DAYS).atZone(ZoneOffset.UTC).with(LocalTime.of(18, 0)).toInstant();
        StackClock.advance(Duration.between(StackClock.journalNow(), reminderAt.plus(1, ChronoUnit.MINUTES)));
        StackClock.alignReplica(REPLICA_PORT);

        awaitArrived(mark, REMINDERS / 4);
        double sentByReplica = sentReminders(REPLICA_PORT);
        stack.kill(REPLICA);
        replicaRunning = false;
        int arrivedAtCrash = stack.mail().receivedCount() - mark;

        awaitArrived(mark, REMINDERS / 2);
        stack.mail().beginOutage();
        mailServerDown = true;
        int arrivedAtOutage = stack.mail().receivedCount() - mark;
        await("sends failing while the mail server is down").atMost(Duration.ofMinutes(1))
                .until(() -> attempts(accountDb, clientId), failed -> failed > 0);
        long failedBefore = attempts(accountDb, clientId);
        StackClock.advance(Duration.ofSeconds(30));
        await("the first retries failing too").atMost(Duration.ofMinutes(1))
                .until(() -> attempts(accountDb, clientId), failed -> failed > failedBefore);
        StackClock.advance(Duration.ofSeconds(90));
        stack.mail().endOutage();
        mailServerDown = false;
        // Past the longest wait between two attempts, and past the time after which the killed instance's sends under
        // way count as dead and are taken up by the survivor.
        StackClock.advance(Duration.ofMinutes(31));

        List<ReceivedMail> reminders = await("every reminder to " + clientEmail).atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> remindersSince(mark, clientEmail),
                        mails -> mails.stream().map(RemindersAcrossInstancesIT::key).collect(Collectors.toSet())
                                .containsAll(expectedKeys));

        Map<String, Set<String>> messageIdsByKey = new HashMap<>();
        Map<String, Set<String>> keysByMessageId = new HashMap<>();
        for (ReceivedMail mail : reminders) {
            String messageId = mail.header("Message-ID").orElseThrow();
            messageIdsByKey.computeIfAbsent(key(mail), k -> new HashSet<>()).add(messageId);
            keysByMessageId.computeIfAbsent(messageId, k -> new HashSet<>()).add(key(mail));
        }
        int copies = reminders.size() - keysByMessageId.size();
        System.out.printf("reminders-across-instances reminders=%d mails=%d resent-copies=%d sent-by-replica=%.0f "
                        + "arrived-at-crash=%d arrived-at-outage=%d%n", REMINDERS, reminders.size(), copies,
                sentByReplica, arrivedAtCrash, arrivedAtOutage);

        assertThat(messageIdsByKey.keySet()).as("reminder keys").isEqualTo(expectedKeys);
        assertThat(messageIdsByKey.values()).as("one Message-ID for each reminder").allMatch(ids -> ids.size() == 1);
        assertThat(keysByMessageId.values()).as("one reminder for each Message-ID").allMatch(keys -> keys.size() == 1);
        assertThat(sentByReplica).as("the replica sent its share before it was killed").isPositive();
        assertThat(arrivedAtCrash).as("killed mid-run").isLessThan(REMINDERS);
        assertThat(arrivedAtOutage).as("the mail server stopped mid-run").isLessThan(REMINDERS);
        assertThat(copies).as("copies, only of sends under way when the replica died or the server stopped")
                .isLessThanOrEqualTo(2 * THREADS_PER_INSTANCE);
        assertThat(accountDb.rows("select status || ' ' || count(*) from notification where recipient_id = ? "
                + "and kind = 'HOMEWORK_DUE' group by status", clientId)).containsExactly("SENT " + REMINDERS);

        // Nothing left for the suites after this one: deactivating the client cancels the overdue mails at once.
        http.send("POST", accounts("/api/accounts/" + clientId + "/deactivation"), token("admin@securebase.test"), null,
                Map.of()).expect(200);
    }

    /** The homeworks, assigned four at a time; the reminder key each should produce. */
    private Set<String> assign(String therapistEmail, UUID clientId, Instant dueAt, String run) throws Exception {
        String question = "What will you notice first, " + run + "?";
        WrittenTexts.wrote(question);
        String article = http.get(access.serviceUrl(ApiService.CONTENT) + "/api/content/articles/attachment-and-healing",
                token(therapistEmail)).expect(200).json().path("id").asString();
        Map<String, Object> assignment = Map.of("clientId", clientId, "articleId", article,
                "prompts", List.of(Map.of("kind", "TEXT", "question", question)), "dueAt", dueAt.toString());
        String url = access.serviceUrl(ApiService.JOURNAL) + "/api/journal/assignments";
        String first = token(therapistEmail);
        Set<String> keys = new HashSet<>();
        // journal-service accepts it once it has heard of the caseload.
        keys.add(reminderKey(Http.awaitStatus("the client's caseload reaches journal-service", 201,
                Duration.ofSeconds(90), () -> http.send("POST", url, first, assignment, Map.of())), dueAt));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int batch = 1; batch < REMINDERS; batch += 200) {
                String therapist = token(therapistEmail);
                List<Future<String>> created = new ArrayList<>();
                for (int i = batch; i < Math.min(batch + 200, REMINDERS); i++) {
                    created.add(pool.submit(() -> reminderKey(http.send("POST", url, therapist, assignment, Map.of())
                            .expect(201), dueAt)));
                }
                for (Future<String> each : created) {
                    keys.add(each.get());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(keys).hasSize(REMINDERS);
        return keys;
    }

    private static String reminderKey(Http.Response created, Instant dueAt) {
        return "due:" + created.json().path("id").asString() + ":" + dueAt.toEpochMilli();
    }

    private static String key(ReceivedMail mail) {
        return mail.header("X-Securebase-Reminder-Key").orElse("");
    }

    private void awaitArrived(int mark, int count) {
        await(count + " reminders arrived").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50))
                .until(() -> stack.mail().receivedCount() - mark >= count);
    }

    private List<ReceivedMail> remindersSince(int mark, String to) {
        return stack.mail().messagesSince(mark).stream()
                .filter(mail -> mail.to().stream().anyMatch(to::equalsIgnoreCase))
                .filter(mail -> key(mail).startsWith("due:"))
                .toList();
    }

    private static long pendingReminders(ServiceDatabase db, UUID clientId) {
        return db.count("select count(*) from notification where recipient_id = ? and kind = 'HOMEWORK_DUE' "
                + "and status = 'PENDING'", clientId);
    }

    private static long attempts(ServiceDatabase db, UUID clientId) {
        return db.count("select coalesce(sum(attempts), 0) from notification where recipient_id = ? "
                + "and kind = 'HOMEWORK_DUE'", clientId);
    }

    private double sentReminders(int port) {
        String exposition = http.send("GET", "http://localhost:" + (port + 1000) + "/actuator/prometheus", null, null,
                Map.of("Accept", "text/plain;version=0.0.4")).expect(200).body();
        Matcher sent = SENT.matcher(exposition);
        return sent.find() ? Double.parseDouble(sent.group(1)) : 0;
    }

    private String token(String email) {
        return access.portal().login(email, stack.demoPassword()).accessToken();
    }

    private String accounts(String path) {
        return access.serviceUrl(ApiService.ACCOUNTS) + path;
    }
}
