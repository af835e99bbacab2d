package org.securebase.journal.measure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.securebase.journal.crypto.ClinicalCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code measure_schedule} and {@code measure_instance}. An instance's answers, total and band are one AEAD
 * ciphertext bound to the instance, its client and its seal version (raised at every write).
 */
@Repository
class MeasureRepository {

    private final JdbcClient jdbc;
    private final ClinicalCipher cipher;
    private final JsonMapper json = JsonMapper.builder().build();

    MeasureRepository(JdbcClient jdbc, ClinicalCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    void insert(MeasureSchedule schedule) {
        jdbc.sql("""
                        insert into measure_schedule (id, client_id, therapist_id, instrument, every_weeks, created_at,
                                                      next_due_at, ended_at)
                        values (:id, :client, :therapist, :instrument, :every, :created, :next, null)""")
                .param("id", schedule.id())
                .param("client", schedule.clientId())
                .param("therapist", schedule.therapistId())
                .param("instrument", schedule.instrument())
                .param("every", schedule.everyWeeks())
                .param("created", Timestamp.from(schedule.createdAt()))
                .param("next", schedule.nextDueAt() == null ? null : Timestamp.from(schedule.nextDueAt()))
                .update();
    }

    Optional<MeasureSchedule> findSchedule(UUID id, boolean forUpdate) {
        return jdbc.sql("select * from measure_schedule where id = :id" + (forUpdate ? " for update" : ""))
                .param("id", id).query(MeasureRepository::schedule).optional();
    }

    List<MeasureSchedule> schedulesOf(UUID clientId, UUID therapistId) {
        return jdbc.sql("""
                        select * from measure_schedule where client_id = :client and therapist_id = :therapist
                        order by created_at desc, id desc limit 100""")
                .param("client", clientId).param("therapist", therapistId)
                .query(MeasureRepository::schedule).list();
    }

    /**
     * Schedules whose next instance is due, locked; {@code skip locked} lets several instances of the service (and a
     * client's read racing the periodic task) each take different ones instead of making an instance twice.
     */
    List<MeasureSchedule> lockDue(Instant now, int limit, UUID clientOnly) {
        return jdbc.sql("select * from measure_schedule where ended_at is null and next_due_at <= :now"
                        + (clientOnly != null ? " and client_id = :client" : "")
                        + " order by next_due_at limit :limit for update skip locked")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .param("client", clientOnly)
                .query(MeasureRepository::schedule).list();
    }

    void setNextDue(UUID scheduleId, Instant next) {
        jdbc.sql("update measure_schedule set next_due_at = :next where id = :id")
                .param("next", next == null ? null : Timestamp.from(next)).param("id", scheduleId).update();
    }

    void end(UUID scheduleId, Instant now) {
        jdbc.sql("update measure_schedule set ended_at = :now, next_due_at = null where id = :id and ended_at is null")
                .param("now", Timestamp.from(now)).param("id", scheduleId).update();
        jdbc.sql("update measure_instance set status = 'EXPIRED' where schedule_id = :id and status in ('DUE', 'IN_PROGRESS')")
                .param("id", scheduleId).update();
    }

    /** A new instance, nothing answered; false if the schedule already has one due at that time. */
    boolean insertInstance(UUID id, MeasureSchedule schedule, Instant dueAt) {
        return jdbc.sql("""
                        insert into measure_instance (id, schedule_id, client_id, therapist_id, instrument, status,
                                                      due_at, response, sealed_version)
                        values (:id, :schedule, :client, :therapist, :instrument, 'DUE', :due, null, 1)
                        on conflict (schedule_id, due_at) do nothing""")
                .param("id", id)
                .param("schedule", schedule.id())
                .param("client", schedule.clientId())
                .param("therapist", schedule.therapistId())
                .param("instrument", schedule.instrument())
                .param("due", Timestamp.from(dueAt))
                .update() == 1;
    }

    /** Instances of the schedule still open before {@code dueAt}: replaced by the new one. */
    void expireOpenBefore(UUID scheduleId, Instant dueAt) {
        jdbc.sql("""
                        update measure_instance set status = 'EXPIRED'
                        where schedule_id = :schedule and due_at < :due and status in ('DUE', 'IN_PROGRESS')""")
                .param("schedule", scheduleId).param("due", Timestamp.from(dueAt)).update();
    }

    Optional<MeasureInstance> find(UUID id, boolean forUpdate) {
        return jdbc.sql("select * from measure_instance where id = :id" + (forUpdate ? " for update" : ""))
                .param("id", id).query(this::instance).optional();
    }

    /** Writes the answers (and, submitted, the total and band), sealing them once more. */
    void write(MeasureInstance next) {
        long sealed = next.sealedVersion() + 1;
        jdbc.sql("""
                        update measure_instance set status = :status, response = :response, sealed_version = :sealed,
                                                    submitted_at = :submitted, attention_at = :attention
                        where id = :id""")
                .param("status", next.status().name())
                .param("response", cipher.encrypt(binding(next.id(), next.clientId(), sealed), json.writeValueAsString(
                        new StoredResponse(new TreeMap<>(next.answers()), next.total(), next.band()))))
                .param("sealed", sealed)
                .param("submitted", next.submittedAt() == null ? null : Timestamp.from(next.submittedAt()))
                .param("attention", next.attentionAt() == null ? null : Timestamp.from(next.attentionAt()))
                .param("id", next.id())
                .update();
    }

    boolean acknowledge(UUID id, UUID therapistId, Instant now) {
        return jdbc.sql("""
                        update measure_instance set acknowledged_at = :now, acknowledged_by = :by
                        where id = :id and attention_at is not null and acknowledged_at is null""")
                .param("now", Timestamp.from(now)).param("by", therapistId).param("id", id).update() == 1;
    }

    /** The client's instances, newest due first, expired ones left out. */
    List<MeasureInstance> ofClient(UUID clientId, UUID therapistOnly, int limit) {
        return jdbc.sql("select * from measure_instance where client_id = :client and status <> 'EXPIRED'"
                        + (therapistOnly != null ? " and therapist_id = :therapist" : "")
                        + " order by due_at desc, id desc limit :limit")
                .param("client", clientId).param("therapist", therapistOnly).param("limit", limit)
                .query(this::instance).list();
    }

    /**
     * Every instance of a client that was not replaced unanswered (one replaced half-answered keeps its answers),
     * oldest due first; only those of one therapist's schedules when {@code therapistOnly} is given.
     */
    List<MeasureInstance> everyOf(UUID clientId, UUID therapistOnly) {
        return jdbc.sql("select * from measure_instance where client_id = :client"
                        + " and (status <> 'EXPIRED' or response is not null)"
                        + (therapistOnly != null ? " and therapist_id = :therapist" : "")
                        + " order by due_at, id")
                .param("client", clientId).param("therapist", therapistOnly)
                .query(this::instance).list();
    }

    /** The client's submitted results of one instrument (any version), oldest first: the series change is measured on. */
    List<MeasureInstance> resultsOf(UUID clientId, String instrumentCode) {
        return jdbc.sql("""
                        select * from measure_instance
                        where client_id = :client and status = 'SUBMITTED' and instrument like :code
                        order by submitted_at, id""")
                .param("client", clientId).param("code", instrumentCode + ".v%")
                .query(this::instance).list();
    }

    /** The client's results from the therapist's schedules submitted after {@code after}, oldest first. */
    List<MeasureInstance> submittedAfter(UUID therapistId, UUID clientId, Instant after, int limit) {
        return jdbc.sql("""
                        select * from measure_instance
                        where client_id = :client and therapist_id = :therapist and status = 'SUBMITTED'
                          and submitted_at > :after
                        order by submitted_at, id
                        limit :limit""")
                .param("therapist", therapistId).param("client", clientId)
                .param("after", Timestamp.from(after)).param("limit", limit)
                .query(this::instance).list();
    }

    /** Results of the therapist's given clients that need attention, oldest first. */
    List<MeasureInstance> needingAttention(UUID therapistId, List<UUID> clients) {
        if (clients.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select * from measure_instance
                        where therapist_id = :therapist and client_id in (:clients)
                          and attention_at is not null and acknowledged_at is null
                        order by attention_at, id limit 100""")
                .param("therapist", therapistId).param("clients", clients)
                .query(this::instance).list();
    }

    private MeasureInstance instance(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        UUID client = rs.getObject("client_id", UUID.class);
        long sealed = rs.getLong("sealed_version");
        byte[] response = rs.getBytes("response");
        StoredResponse stored = response == null ? new StoredResponse(Map.of(), null, null)
                : json.readValue(cipher.decrypt(binding(id, client, sealed), response), StoredResponse.class);
        return new MeasureInstance(id, rs.getObject("schedule_id", UUID.class), client,
                rs.getObject("therapist_id", UUID.class), rs.getString("instrument"),
                MeasureInstance.Status.valueOf(rs.getString("status")), instant(rs, "due_at"), stored.answers(),
                stored.total(), stored.band(), sealed, instant(rs, "submitted_at"), instant(rs, "attention_at"),
                instant(rs, "acknowledged_at"), rs.getObject("acknowledged_by", UUID.class));
    }

    private static MeasureSchedule schedule(ResultSet rs, int row) throws SQLException {
        return new MeasureSchedule(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
                rs.getObject("therapist_id", UUID.class), rs.getString("instrument"),
                (Integer) rs.getObject("every_weeks"), instant(rs, "created_at"), instant(rs, "next_due_at"),
                instant(rs, "ended_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    static ClinicalCipher.Binding binding(UUID id, UUID clientId, long sealedVersion) {
        return new ClinicalCipher.Binding(ClinicalCipher.Field.MEASURE_RESPONSE, id, clientId, null, null, sealedVersion);
    }

    /** The plaintext inside the ciphertext. */
    record StoredResponse(Map<Integer, Integer> answers, Integer total, String band) {

        StoredResponse {
            answers = answers == null ? Map.of() : answers;
        }

        @Override
        public String toString() {
            return "StoredResponse[redacted]";
        }
    }
}
