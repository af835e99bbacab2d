package org.securebase.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.account.reconciliation.Reconciliation;
import org.securebase.account.testsupport.Api;
import org.securebase.account.testsupport.People;
import org.securebase.platform.embedded.MailServer;
import org.securebase.platform.events.EventContracts;
import org.securebase.platform.events.EventEnvelope;
import org.securebase.platform.events.EventJson;
import org.securebase.platform.events.EventPayload;
import org.securebase.platform.events.Topics;
import org.securebase.platform.events.journal.AssignmentCreated;
import org.securebase.platform.events.journal.AssignmentDueChanged;
import org.securebase.platform.events.journal.AssignmentReminderChosen;
import org.securebase.platform.events.journal.AssignmentSubmitted;
import org.securebase.platform.events.journal.FeedbackGiven;
import org.securebase.platform.test.TestBackends;
import org.securebase.platform.web.clock.AdjustableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Notifications end to end on real servers: journal-service's events on the real broker, account-service's
 * scheduler on the real database, mail through the real SMTP server. The service's clock is moved to the reminder's
 * time (an adjustable clock in this context only), never slept past.
 */
@AccountServiceIntegrationTest
@TestPropertySource(properties = "securebase.clock.adjustable=true")
class NotificationsIT {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AdjustableClock clock;

    @Autowired
    Reconciliation reconciliation;

    @Autowired
    MeterRegistry meters;

    Api api;
    KafkaProducer<String, byte[]> producer;
    MailServer mail;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        mail = TestBackends.mail();
        // As the operator: the test plays journal-service, whose topic account-service may only read.
        Map<String, Object> properties = new HashMap<>(TestBackends.kafkaOperatorProperties());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void tearDown() {
        producer.close();
    }

    @Test
    void newHomeworkAtOnceDueTomorrowOnceAtTheClientsHourAndHandingInCancelsOverdue() {
        Pair pair = pair();
        assertThat(api.put("/api/accounts/me/notifications", pair.clientToken(), Map.of(
                "zone", "Europe/Madrid", "language", "es", "dueLeadDays", 1, "reminderTime", "19:30",
                "quietHours", Map.of("start", "21:00", "end", "08:00"), "handedInDelivery", "DIGEST",
                "digestTime", "08:00")).status()).isEqualTo(200);
        assertThat(TestBackends.keycloak().login(pair.clientEmail(), org.securebase.platform.test.TestKeycloak.DEMO_PASSWORD)
                .idTokenClaims().path("locale").asString())
                .as("Keycloak's pages and the portal follow the language chosen in the settings").isEqualTo("es");
        Instant now = clock.instant();
        Instant due = ZonedDateTime.of(now.atZone(MADRID).toLocalDate().plusDays(2), LocalTime.of(20, 0), MADRID).toInstant();
        UUID assignment = UUID.randomUUID();
        UUID article = UUID.randomUUID();
        publish(assignment, new AssignmentCreated(assignment, pair.client(), pair.therapist(), article, 3, due));

        MailServer.ReceivedMail assigned = awaitOne(pair.clientEmail(), "Tiene una tarea nueva", Duration.ofSeconds(10));
        assertThat(assigned.text()).contains("/assignments/" + assignment, "20:00")
                .doesNotContain(article.toString(), pair.therapistEmail());
        assertThat(assigned.header("Message-ID")).hasValueSatisfying(id -> assertThat(id).matches("<[0-9a-f-]{36}\\.notification@.+>"));
        assertThat(assigned.header("List-Unsubscribe")).hasValueSatisfying(value -> assertThat(value)
                .startsWith("<http").contains("/api/accounts/notifications/unsubscribe?token="));
        assertThat(assigned.header("List-Unsubscribe-Post")).contains("List-Unsubscribe=One-Click");
        assertThat(assigned.header("Auto-Submitted")).contains("auto-generated");

        // The reminder: the day before the due day at 19:30 in Madrid. Move the clock to a minute past it.
        Instant reminder = ZonedDateTime.of(due.atZone(MADRID).toLocalDate().minusDays(1), LocalTime.of(19, 30), MADRID)
                .toInstant();
        assertThat(mail.messagesTo(pair.clientEmail())).noneMatch(m -> m.subject().startsWith("Recordatorio"));
        clock.advance(Duration.between(clock.instant(), reminder).plusMinutes(1));
        MailServer.ReceivedMail dueTomorrow = awaitOne(pair.clientEmail(), "Recordatorio", Duration.ofSeconds(15));
        assertThat(dueTomorrow.subject()).contains("20:00");
        assertThat(dueTomorrow.sentAt()).isAfterOrEqualTo(reminder.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));

        publish(assignment, new AssignmentSubmitted(assignment, pair.client(), pair.therapist(), clock.instant()));
        await().atMost(Duration.ofSeconds(15)).until(() -> "CANCELLED".equals(status(assignment, "HOMEWORK_OVERDUE")));
        assertThat(jdbc.queryForObject("""
                select item_count from notification where kind = 'HANDED_IN_DIGEST' and recipient_id = ?
                and status = 'PENDING'""", Integer.class, pair.therapist())).isEqualTo(1);
        clock.advance(Duration.ofDays(1));
        // Past the due time: the overdue mail stays cancelled, the reminder was sent exactly once.
        assertThat(status(assignment, "HOMEWORK_OVERDUE")).isEqualTo("CANCELLED");
        assertThat(mail.messagesTo(pair.clientEmail())).filteredOn(m -> m.subject().startsWith("Recordatorio")).hasSize(1);
        assertThat(mail.messagesTo(pair.clientEmail())).noneMatch(m -> m.subject().contains("pasado"));
    }

    /**
     * The mail server refuses connections for two minutes of the service's time while 20 notifications fall due:
     * each attempt fails and is retried with a growing wait; once it is back, every one arrives, once.
     */
    @Test
    void everyMailArrivesOnceAfterTheMailServerWasDownForTwoMinutes() {
        Pair pair = pair();
        int count = 20;
        List<UUID> assignments = Stream.generate(UUID::randomUUID).limit(count).toList();
        double retriedBefore = retried();
        mail.beginOutage();
        try {
            for (UUID assignment : assignments) {
                publish(assignment, new AssignmentCreated(assignment, pair.client(), pair.therapist(), UUID.randomUUID(),
                        1, clock.instant().plus(Duration.ofDays(10))));
            }
            // The first attempts fail at once; then 30 s and 60 s waits, each tried again while it is still down.
            awaitAttempts(pair.client(), count, 1);
            clock.advance(Duration.ofSeconds(31));
            awaitAttempts(pair.client(), count, 2);
            clock.advance(Duration.ofSeconds(61));
            awaitAttempts(pair.client(), count, 3);
            clock.advance(Duration.ofSeconds(28));
        } finally {
            mail.endOutage();
        }
        assertThat(retried() - retriedBefore).as("retries counted").isGreaterThanOrEqualTo(3.0 * count);
        assertThat(mail.messagesTo(pair.clientEmail())).as("nothing got through the outage").isEmpty();

        // Back: the next retry (120 s after the third failure) sends every one.
        clock.advance(Duration.ofSeconds(121));
        await().atMost(Duration.ofSeconds(60)).until(() -> mail.messagesTo(pair.clientEmail()).size() >= count);
        List<MailServer.ReceivedMail> received = mail.messagesTo(pair.clientEmail());
        assertThat(received).hasSize(count);
        assertThat(received).extracting(m -> m.header("Message-ID").orElseThrow()).doesNotHaveDuplicates();
        for (UUID assignment : assignments) {
            assertThat(received).filteredOn(m -> m.text().contains("/assignments/" + assignment)).hasSize(1);
            assertThat(status(assignment, "NEW_HOMEWORK")).isEqualTo("SENT");
        }
        // A later retry finds each already sent: nothing more comes.
        clock.advance(Duration.ofMinutes(30));
        assertThat(jdbc.queryForObject("""
                select count(*) from scheduled_tasks where task_instance in (select id::text from notification
                where recipient_id = ? and kind = 'NEW_HOMEWORK')""", Integer.class, pair.client())).isZero();
        assertThat(mail.messagesTo(pair.clientEmail())).hasSize(count);
    }

    private void awaitAttempts(UUID recipient, int count, int attempts) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
                select count(*) from notification where recipient_id = ? and kind = 'NEW_HOMEWORK' and status = 'PENDING'
                and attempts >= ?""", Integer.class, recipient, attempts) == count);
    }

    private double retried() {
        Counter counter = meters.find("securebase.notifications").tag("kind", "NEW_HOMEWORK").tag("outcome", "retried")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void movingTheDueTimeMovesTheReminderAndFeedbackOnManyAnswersIsOneMail() {
        Pair pair = pair();
        Instant now = clock.instant();
        ZoneId zone = ZoneId.of("America/New_York");
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant due = ZonedDateTime.of(today.plusDays(3), LocalTime.of(12, 0), zone).toInstant();
        UUID assignment = UUID.randomUUID();
        publish(assignment, new AssignmentCreated(assignment, pair.client(), pair.therapist(), UUID.randomUUID(), 1, due));
        await().atMost(Duration.ofSeconds(15)).until(() -> status(assignment, "HOMEWORK_DUE") != null);
        Instant later = ZonedDateTime.of(today.plusDays(6), LocalTime.of(12, 0), zone).toInstant();
        publish(assignment, new AssignmentDueChanged(assignment, pair.client(), pair.therapist(), later));
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject("""
                select count(*) from notification where subject_id = ? and kind = 'HOMEWORK_DUE' and status = 'PENDING'
                and send_at = ?""", Long.class, assignment,
                java.sql.Timestamp.from(ZonedDateTime.of(today.plusDays(5), LocalTime.of(18, 0), zone).toInstant())) == 1);
        assertThat(jdbc.queryForObject("select count(*) from notification where subject_id = ? and status = 'CANCELLED'",
                Long.class, assignment)).as("the old reminder and overdue notice").isEqualTo(2);

        publish(assignment, new AssignmentSubmitted(assignment, pair.client(), pair.therapist(), clock.instant()));
        for (int answer = 0; answer < 4; answer++) {
            publish(assignment, new FeedbackGiven(UUID.randomUUID(), assignment, UUID.randomUUID(), pair.client(),
                    pair.therapist(), clock.instant()));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "select count(*) from notification where subject_id = ? and kind = 'NEW_FEEDBACK'", Long.class,
                assignment) == 1);
        clock.advance(Duration.ofMinutes(3));
        awaitOne(pair.clientEmail(), "Your therapist has replied", Duration.ofSeconds(15));
    }

    /**
     * The client names in their plan when they want the reminder: it replaces the one at their usual hour, is sent
     * at that minute even inside quiet hours, stays when their settings change or the due time moves later, and
     * taking the time back brings the usual one back.
     */
    @Test
    void aReminderTimeChosenInThePlanReplacesTheUsualOneAndOutlivesSettingsAndDueMoves() {
        Pair pair = pair();
        assertThat(api.put("/api/accounts/me/notifications", pair.clientToken(), Map.of(
                "zone", "Europe/Madrid", "language", "en", "dueLeadDays", 1, "reminderTime", "18:00",
                "quietHours", Map.of("start", "21:00", "end", "08:00"), "handedInDelivery", "IMMEDIATE",
                "digestTime", "08:00")).status()).isEqualTo(200);
        LocalDate today = clock.instant().atZone(MADRID).toLocalDate();
        Instant due = ZonedDateTime.of(today.plusDays(4), LocalTime.NOON, MADRID).toInstant();
        Instant usual = ZonedDateTime.of(today.plusDays(3), LocalTime.of(18, 0), MADRID).toInstant();
        Instant chosen = ZonedDateTime.of(today.plusDays(2), LocalTime.of(7, 15), MADRID).toInstant();
        UUID assignment = UUID.randomUUID();
        publish(assignment, new AssignmentCreated(assignment, pair.client(), pair.therapist(), UUID.randomUUID(), 1, due));
        await().atMost(Duration.ofSeconds(15)).until(() -> pendingDueReminders(assignment).equals(List.of(usual)));

        publish(assignment, new AssignmentReminderChosen(assignment, pair.client(), pair.therapist(), due, chosen));
        await().atMost(Duration.ofSeconds(15)).until(() -> pendingDueReminders(assignment).equals(List.of(chosen)));
        // New settings move the usual reminders, not the one the client chose.
        assertThat(api.put("/api/accounts/me/notifications", pair.clientToken(), Map.of(
                "zone", "Europe/Madrid", "language", "en", "dueLeadDays", 2, "reminderTime", "19:30",
                "quietHours", Map.of("start", "21:00", "end", "08:00"), "handedInDelivery", "IMMEDIATE",
                "digestTime", "08:00")).status()).isEqualTo(200);
        assertThat(pendingDueReminders(assignment)).containsExactly(chosen);
        // The due time moves a day later: the chosen time is still before it, so it stays.
        Instant later = due.plus(Duration.ofDays(1));
        publish(assignment, new AssignmentDueChanged(assignment, pair.client(), pair.therapist(), later));
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject("""
                select count(*) from notification where subject_id = ? and kind = 'HOMEWORK_DUE' and status = 'PENDING'
                and due_at = ?""", Long.class, assignment, java.sql.Timestamp.from(later)) == 1);
        assertThat(pendingDueReminders(assignment)).containsExactly(chosen);

        // At 07:16 in Madrid (quiet hours end at 08:00): the reminder, once, naming the new due time.
        clock.advance(Duration.between(clock.instant(), chosen).plusMinutes(1));
        MailServer.ReceivedMail reminder = awaitOne(pair.clientEmail(), "Reminder", Duration.ofSeconds(15));
        assertThat(reminder.sentAt()).isAfterOrEqualTo(chosen.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(reminder.subject()).contains("12:00");

        // A second homework: choosing a time and taking it back brings the usual reminder (now two days ahead, 19:30).
        Instant secondDue = ZonedDateTime.of(clock.instant().atZone(MADRID).toLocalDate().plusDays(5), LocalTime.NOON,
                MADRID).toInstant();
        Instant secondUsual = ZonedDateTime.of(secondDue.atZone(MADRID).toLocalDate().minusDays(2), LocalTime.of(19, 30),
                MADRID).toInstant();
        UUID second = UUID.randomUUID();
        publish(second, new AssignmentCreated(second, pair.client(), pair.therapist(), UUID.randomUUID(), 1, secondDue));
        publish(second, new AssignmentReminderChosen(second, pair.client(), pair.therapist(), secondDue,
                secondDue.minus(Duration.ofHours(5))));
        publish(second, new AssignmentReminderChosen(second, pair.client(), pair.therapist(), secondDue, null));
        await().atMost(Duration.ofSeconds(15)).until(() -> pendingDueReminders(second).equals(List.of(secondUsual))
                && jdbc.queryForObject("select count(*) from notification where subject_id = ? and kind = 'HOMEWORK_DUE'",
                Long.class, second) == 3);
    }

    private List<Instant> pendingDueReminders(UUID subject) {
        return jdbc.queryForList("""
                select send_at from notification where subject_id = ? and kind = 'HOMEWORK_DUE' and status = 'PENDING'
                order by send_at""", java.sql.Timestamp.class, subject).stream().map(java.sql.Timestamp::toInstant).toList();
    }

    @Test
    void theUnsubscribeLinkWorksWithoutASessionOnlyForItsKindAndPersonAndTwice() {
        Pair pair = pair();
        UUID assignment = UUID.randomUUID();
        publish(assignment, new AssignmentCreated(assignment, pair.client(), pair.therapist(), UUID.randomUUID(), 1,
                clock.instant().plus(Duration.ofDays(4))));
        MailServer.ReceivedMail assigned = awaitOne(pair.clientEmail(), "You have new homework", Duration.ofSeconds(10));
        String link = assigned.header("List-Unsubscribe").orElseThrow();
        String token = link.substring(link.indexOf("token=") + 6, link.length() - 1);

        Api.Response tampered = api.post("/api/accounts/notifications/unsubscribe?token="
                + token.replace("NEW_HOMEWORK", "NEW_FEEDBACK"), null, "List-Unsubscribe=One-Click");
        assertThat(tampered.status()).isEqualTo(400);
        assertThat(tampered.isProblem()).isTrue();
        assertThat(api.post("/api/accounts/notifications/unsubscribe", null, "").status()).isEqualTo(400);
        assertThat(kinds(pair.clientToken())).containsEntry("NEW_HOMEWORK", true).containsEntry("NEW_FEEDBACK", true);

        for (int time = 0; time < 2; time++) {
            Api.Response done = api.post("/api/accounts/notifications/unsubscribe?token=" + token, null,
                    "List-Unsubscribe=One-Click");
            assertThat(done.status()).isEqualTo(200);
            assertThat(done.json().path("kind").asString()).isEqualTo("NEW_HOMEWORK");
        }
        assertThat(kinds(pair.clientToken())).containsEntry("NEW_HOMEWORK", false).containsEntry("NEW_FEEDBACK", true)
                .containsEntry("HOMEWORK_DUE", true);
        // The admin sees which kinds are on, nothing else.
        Api.Response admin = api.get("/api/accounts/" + pair.client() + "/notifications", People.token(People.ADMIN));
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.json().path("kinds").path("NEW_HOMEWORK").asBoolean()).isFalse();
        assertThat(admin.body()).doesNotContain("zone", "reminderTime");
        assertThat(api.get("/api/accounts/" + pair.client() + "/notifications", pair.clientToken()).status())
                .isEqualTo(403);

        UUID next = UUID.randomUUID();
        publish(next, new AssignmentCreated(next, pair.client(), pair.therapist(), UUID.randomUUID(), 1,
                clock.instant().plus(Duration.ofDays(4))));
        await().atMost(Duration.ofSeconds(15)).until(() -> "CANCELLED".equals(status(next, "NEW_HOMEWORK")));
        assertThat(mail.messagesTo(pair.clientEmail())).filteredOn(m -> m.subject().equals("You have new homework")).hasSize(1);
    }

    @Test
    void badPreferencesAreA400NamingEachFieldAndChangeNothing() {
        Pair pair = pair();
        @SuppressWarnings("unchecked")
        Map<String, Object> before = Api.JSON.readValue(api.get("/api/accounts/me/notifications", pair.clientToken()).body(),
                Map.class);
        Map<String, Object> bad = new HashMap<>(before);
        bad.put("reminderTime", "25:00");
        bad.put("zone", "Mars/Olympus_Mons");
        bad.put("kinds", Map.of("NO_SUCH_KIND", true, "HOMEWORK_HANDED_IN", false));
        bad.put("dueLeadDays", 9);
        Api.Response refused = api.put("/api/accounts/me/notifications", pair.clientToken(), bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.body()).contains("reminderTime", "zone", "kinds.NO_SUCH_KIND", "kinds.HOMEWORK_HANDED_IN",
                "dueLeadDays");
        assertThat(api.put("/api/accounts/me/notifications", pair.clientToken(), "{\"zone\":").status()).isEqualTo(400);
        assertThat(Api.JSON.readValue(api.get("/api/accounts/me/notifications", pair.clientToken()).body(), Map.class))
                .isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from notification_preference where account_id = ?", Long.class,
                pair.client())).isZero();
    }

    private Map<String, Boolean> kinds(String token) {
        @SuppressWarnings("unchecked")
        Map<String, Boolean> kinds = (Map<String, Boolean>) Api.JSON.readValue(
                api.get("/api/accounts/me/notifications", token).body(), Map.class).get("kinds");
        return kinds;
    }

    private String status(UUID subject, String kind) {
        List<String> statuses = jdbc.queryForList("select status from notification where subject_id = ? and kind = ?",
                String.class, subject, kind);
        return statuses.isEmpty() ? null : statuses.get(0);
    }

    private MailServer.ReceivedMail awaitOne(String to, String subjectStart, Duration within) {
        await().atMost(within).until(() -> mail.messagesTo(to).stream().anyMatch(m -> m.subject().startsWith(subjectStart)));
        List<MailServer.ReceivedMail> matching = mail.messagesTo(to).stream()
                .filter(m -> m.subject().startsWith(subjectStart)).toList();
        assertThat(matching).as("mails to %s starting %s", to, subjectStart).hasSize(1);
        return matching.get(0);
    }

    private void publish(UUID key, EventPayload payload) {
        var contract = EventContracts.shared().of(payload.getClass());
        EventEnvelope<EventPayload> envelope = new EventEnvelope<>(UUID.randomUUID(), contract.type(), clock.instant(),
                contract.schemaVersion(), payload.aggregateId(), payload);
        try {
            producer.send(new ProducerRecord<>(Topics.JOURNAL_ASSIGNMENTS, key.toString(),
                    EventJson.shared().write(envelope))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    record Pair(UUID client, String clientEmail, String clientToken, UUID therapist, String therapistEmail) {
    }

    /** A new client (signed in once, so active) on a new therapist's caseload. */
    private Pair pair() {
        String clientEmail = People.uniqueEmail("notified");
        String therapistEmail = People.uniqueEmail("therapist");
        UUID client = People.createInKeycloak(clientEmail, "Nora", "Notified", "client");
        String clientToken = TestBackends.keycloak().accessToken(clientEmail);
        assertThat(api.get("/api/accounts/me", clientToken).status()).isEqualTo(200);
        UUID therapist = People.createInKeycloak(therapistEmail, "Theo", "Therapist", "therapist");
        reconciliation.run();
        assertThat(api.put("/api/accounts/" + client + "/therapist", People.token(People.ADMIN),
                Map.of("therapistId", therapist.toString())).status()).isEqualTo(200);
        return new Pair(client, clientEmail, clientToken, therapist, therapistEmail);
    }
}
