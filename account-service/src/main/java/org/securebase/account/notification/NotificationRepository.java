package org.securebase.account.notification;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification} and {@code notification_preference} tables. */
@Repository
class NotificationRepository {

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<NotificationPreferences> preferencesOf(UUID accountId) {
        return jdbc.sql("""
                        select zone, language, disabled_kinds, due_lead_days, reminder_time, quiet_start, quiet_end,
                               handed_in_digest, digest_time
                        from notification_preference where account_id = :id""")
                .param("id", accountId)
                .query((rs, row) -> new NotificationPreferences(ZoneId.of(rs.getString("zone")), rs.getString("language"),
                        kinds(rs.getArray("disabled_kinds")), rs.getInt("due_lead_days"),
                        rs.getTime("reminder_time").toLocalTime(), localTime(rs, "quiet_start"),
                        localTime(rs, "quiet_end"), rs.getBoolean("handed_in_digest"),
                        rs.getTime("digest_time").toLocalTime()))
                .optional();
    }

    void savePreferences(UUID accountId, NotificationPreferences preferences, Instant now) {
        writePreferences(accountId, preferences, now, """
                        on conflict (account_id) do update set zone = excluded.zone, language = excluded.language,
                            disabled_kinds = excluded.disabled_kinds, due_lead_days = excluded.due_lead_days,
                            reminder_time = excluded.reminder_time, quiet_start = excluded.quiet_start,
                            quiet_end = excluded.quiet_end, handed_in_digest = excluded.handed_in_digest,
                            digest_time = excluded.digest_time, updated_at = excluded.updated_at""");
    }

    /** Stores these preferences unless the person has some already. */
    void insertPreferencesIfAbsent(UUID accountId, NotificationPreferences preferences, Instant now) {
        writePreferences(accountId, preferences, now, " on conflict (account_id) do nothing");
    }

    private void writePreferences(UUID accountId, NotificationPreferences preferences, Instant now, String onConflict) {
        jdbc.sql("""
                        insert into notification_preference (account_id, zone, language, disabled_kinds, due_lead_days,
                            reminder_time, quiet_start, quiet_end, handed_in_digest, digest_time, updated_at)
                        values (:id, :zone, :language, cast(:disabled as text[]), :lead, :reminder, :quietStart, :quietEnd,
                            :digest, :digestTime, :now)
                        """ + onConflict)
                .param("id", accountId)
                .param("zone", preferences.zone().getId())
                .param("language", preferences.language())
                .param("disabled", "{" + String.join(",", preferences.disabled().stream().map(Enum::name).sorted().toList()) + "}")
                .param("lead", preferences.dueLeadDays())
                .param("reminder", Time.valueOf(preferences.reminderTime()))
                .param("quietStart", preferences.quietStart() == null ? null : Time.valueOf(preferences.quietStart()))
                .param("quietEnd", preferences.quietEnd() == null ? null : Time.valueOf(preferences.quietEnd()))
                .param("digest", preferences.handedInDigest())
                .param("digestTime", Time.valueOf(preferences.digestTime()))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Inserts the notification unless its reminder key is taken; whether it was inserted. */
    boolean insertIfNew(Notification n) {
        return jdbc.sql("""
                        insert into notification (id, reminder_key, kind, recipient_id, counterpart_id, subject_id, due_at,
                            item_count, send_at, status, attempts, created_at)
                        values (:id, :key, :kind, :recipient, :counterpart, :subject, :dueAt, :items, :sendAt, :status, 0,
                            :createdAt)
                        on conflict (reminder_key) do nothing""")
                .param("id", n.id())
                .param("key", n.reminderKey())
                .param("kind", n.kind().name())
                .param("recipient", n.recipientId())
                .param("counterpart", n.counterpartId())
                .param("subject", n.subjectId())
                .param("dueAt", n.dueAt() == null ? null : Timestamp.from(n.dueAt()))
                .param("items", n.itemCount())
                .param("sendAt", Timestamp.from(n.sendAt()))
                .param("status", n.status().name())
                .param("createdAt", Timestamp.from(n.createdAt()))
                .update() == 1;
    }

    /** Adds one item to a pending digest; whether there was one. */
    boolean addToPendingDigest(String reminderKey) {
        return jdbc.sql("update notification set item_count = item_count + 1 where reminder_key = :key and status = 'PENDING'")
                .param("key", reminderKey).update() == 1;
    }

    Optional<Notification> find(UUID id) {
        return jdbc.sql("select * from notification where id = :id").param("id", id).query(NotificationRepository::map).optional();
    }

    /** The row, locked until the transaction ends, so a send and a cancellation of one notification are serialised. */
    Optional<Notification> lock(UUID id) {
        return jdbc.sql("select * from notification where id = :id for update").param("id", id)
                .query(NotificationRepository::map).optional();
    }

    boolean pendingExists(NotificationKind kind, UUID subjectId) {
        return jdbc.sql("select count(*) from notification where kind = :kind and subject_id = :subject and status = 'PENDING'")
                .param("kind", kind.name()).param("subject", subjectId).query(Long.class).single() > 0;
    }

    List<Notification> pendingAbout(UUID subjectId, Set<NotificationKind> kinds) {
        return jdbc.sql("select * from notification where subject_id = :subject and status = 'PENDING' and kind in (:kinds)")
                .param("subject", subjectId).param("kinds", kinds.stream().map(Enum::name).toList())
                .query(NotificationRepository::map).list();
    }

    List<Notification> pendingFor(UUID recipientId, NotificationKind kind) {
        return jdbc.sql("select * from notification where recipient_id = :recipient and status = 'PENDING' and kind = :kind")
                .param("recipient", recipientId).param("kind", kind.name())
                .query(NotificationRepository::map).list();
    }

    void reschedule(UUID id, Instant sendAt) {
        jdbc.sql("update notification set send_at = :sendAt where id = :id and status = 'PENDING'")
                .param("id", id).param("sendAt", Timestamp.from(sendAt)).update();
    }

    void recordAttempt(UUID id) {
        jdbc.sql("update notification set attempts = attempts + 1 where id = :id").param("id", id).update();
    }

    /** Ends a pending notification as {@code status}; whether it was still pending. */
    boolean finish(UUID id, Notification.Status status, String reason, String messageId, Instant now) {
        return jdbc.sql("""
                        update notification set status = :status, outcome_reason = :reason, message_id = :messageId,
                            finished_at = :now
                        where id = :id and status = 'PENDING'""")
                .param("id", id).param("status", status.name()).param("reason", reason).param("messageId", messageId)
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    private static Notification map(ResultSet rs, int row) throws SQLException {
        return new Notification(rs.getObject("id", UUID.class), rs.getString("reminder_key"),
                NotificationKind.valueOf(rs.getString("kind")), rs.getObject("recipient_id", UUID.class),
                rs.getObject("counterpart_id", UUID.class), rs.getObject("subject_id", UUID.class),
                instant(rs, "due_at"), rs.getInt("item_count"), instant(rs, "send_at"),
                Notification.Status.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static java.time.LocalTime localTime(ResultSet rs, String column) throws SQLException {
        Time value = rs.getTime(column);
        return value == null ? null : value.toLocalTime();
    }

    private static Set<NotificationKind> kinds(Array array) throws SQLException {
        EnumSet<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
        if (array != null) {
            Arrays.stream((String[]) array.getArray()).map(NotificationKind::valueOf).forEach(kinds::add);
        }
        return kinds;
    }
}
