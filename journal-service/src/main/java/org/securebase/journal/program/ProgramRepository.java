package org.securebase.journal.program;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.securebase.journal.assignment.AssignmentIssuing;
import org.securebase.journal.crypto.ClinicalCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The program tables. The enrolment reason is sealed here and opened only for the step being delivered. */
@Repository
class ProgramRepository {

    private static final TypeReference<List<AssignmentIssuing.PreparedPrompt>> PROMPTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ClinicalCipher cipher;
    private final JsonMapper json = JsonMapper.builder().build();

    ProgramRepository(JdbcClient jdbc, ClinicalCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** A program's head. */
    record Head(UUID id, String title, String description, UUID createdBy, Instant createdAt, int steps) {
    }

    void insert(UUID id, String title, String description, UUID createdBy, Instant now, List<ProgramStep> steps) {
        jdbc.sql("""
                        insert into program (id, title, description, created_by, created_at)
                        values (:id, :title, :description, :by, :now)""")
                .param("id", id).param("title", title).param("description", description)
                .param("by", createdBy).param("now", Timestamp.from(now))
                .update();
        for (ProgramStep step : steps) {
            AssignmentIssuing.Prepared homework = step.homework();
            jdbc.sql("""
                            insert into program_step (program_id, position, article_id, article_version, article_slug,
                                                      article_title, prompts, rule_kind, rule_days, rule_weekday, due_days)
                            values (:program, :position, :article, :version, :slug, :title, :prompts, :kind, :days,
                                    :weekday, :due)""")
                    .param("program", id).param("position", step.position())
                    .param("article", homework.articleId()).param("version", homework.articleVersion())
                    .param("slug", homework.articleSlug()).param("title", homework.articleTitle())
                    .param("prompts", json.writeValueAsString(homework.prompts()))
                    .param("kind", step.rule().kind().name()).param("days", step.rule().days())
                    .param("weekday", step.rule().weekday() == null ? null : step.rule().weekday().name())
                    .param("due", step.dueDays())
                    .update();
        }
    }

    /** Newest first. A practice has tens of programs, not thousands. */
    List<Head> list(int limit) {
        return jdbc.sql("""
                        select p.*, (select count(*) from program_step s where s.program_id = p.id) as steps
                        from program p order by p.created_at desc, p.id desc limit :limit""")
                .param("limit", limit)
                .query(ProgramRepository::head)
                .list();
    }

    Optional<Head> find(UUID id) {
        return jdbc.sql("""
                        select p.*, (select count(*) from program_step s where s.program_id = p.id) as steps
                        from program p where p.id = :id""")
                .param("id", id)
                .query(ProgramRepository::head)
                .optional();
    }

    List<ProgramStep> steps(UUID programId) {
        return jdbc.sql("select * from program_step where program_id = :program order by position")
                .param("program", programId)
                .query((rs, n) -> new ProgramStep(rs.getInt("position"),
                        new AssignmentIssuing.Prepared(rs.getObject("article_id", UUID.class), rs.getInt("article_version"),
                                rs.getString("article_slug"), rs.getString("article_title"),
                                json.readValue(rs.getString("prompts"), PROMPTS)),
                        new DeliveryRule(DeliveryRule.Kind.valueOf(rs.getString("rule_kind")),
                                (Integer) rs.getObject("rule_days"),
                                rs.getString("rule_weekday") == null ? null : DayOfWeek.valueOf(rs.getString("rule_weekday"))),
                        rs.getInt("due_days")))
                .list();
    }

    void insertEnrolment(ProgramEnrolment enrolment, String reason) {
        jdbc.sql("""
                        insert into program_enrolment (id, program_id, client_id, therapist_id, reason, reason_version,
                                                       status, next_position, next_at, waiting_on, created_at, updated_at,
                                                       zone)
                        values (:id, :program, :client, :therapist, :reason, 1, :status, :position, :nextAt, null,
                                :now, :now, :zone)""")
                .param("id", enrolment.id()).param("program", enrolment.programId())
                .param("client", enrolment.clientId()).param("therapist", enrolment.therapistId())
                .param("reason", reason == null ? null
                        : cipher.encrypt(reasonBinding(enrolment.id(), enrolment.clientId(), 1), reason))
                .param("status", enrolment.status().name()).param("position", enrolment.nextPosition())
                .param("nextAt", timestamp(enrolment.nextAt())).param("now", Timestamp.from(enrolment.createdAt()))
                .param("zone", enrolment.zone() == null ? null : enrolment.zone().getId())
                .update();
    }

    boolean hasRunningEnrolment(UUID programId, UUID clientId) {
        return jdbc.sql("""
                        select exists(select 1 from program_enrolment where program_id = :program and client_id = :client
                                      and status in ('ACTIVE', 'PAUSED'))""")
                .param("program", programId).param("client", clientId)
                .query(Boolean.class).single();
    }

    Optional<ProgramEnrolment> findEnrolment(UUID id, boolean forUpdate) {
        return jdbc.sql("select * from program_enrolment where id = :id" + (forUpdate ? " for update" : ""))
                .param("id", id)
                .query(ProgramRepository::enrolment)
                .optional();
    }

    /** The running enrolment whose delivered step is this assignment, locked. */
    Optional<ProgramEnrolment> lockWaitingOn(UUID assignmentId) {
        return jdbc.sql("""
                        select * from program_enrolment where waiting_on = :assignment and status in ('ACTIVE', 'PAUSED')
                        for update""")
                .param("assignment", assignmentId)
                .query(ProgramRepository::enrolment)
                .optional();
    }

    /** Active enrolments whose next step is due, locked; rows another instance holds are skipped, not waited for. */
    List<ProgramEnrolment> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                        select * from program_enrolment
                        where status = 'ACTIVE' and next_at is not null and next_at <= :now
                        order by next_at, id
                        limit :limit
                        for update skip locked""")
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query(ProgramRepository::enrolment)
                .list();
    }

    /** Enrolments of these clients with this therapist (or any therapist when null), newest first. */
    List<ProgramEnrolment> enrolmentsOf(List<UUID> clients, UUID therapistOnly, int limit) {
        if (clients.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from program_enrolment where client_id in (:clients)"
                        + (therapistOnly == null ? "" : " and therapist_id = :therapist")
                        + " order by created_at desc, id desc limit :limit")
                .param("clients", clients).param("therapist", therapistOnly).param("limit", limit)
                .query(ProgramRepository::enrolment)
                .list();
    }

    String reason(UUID enrolmentId, UUID clientId) {
        return jdbc.sql("select reason, reason_version from program_enrolment where id = :id")
                .param("id", enrolmentId)
                .query((rs, n) -> {
                    byte[] sealed = rs.getBytes("reason");
                    return sealed == null ? null
                            : cipher.decrypt(reasonBinding(enrolmentId, clientId, rs.getLong("reason_version")), sealed);
                })
                .optional().orElse(null);
    }

    void setStatus(UUID id, ProgramEnrolment.Status status, Instant now) {
        jdbc.sql("update program_enrolment set status = :status, updated_at = :now where id = :id")
                .param("id", id).param("status", status.name()).param("now", Timestamp.from(now))
                .update();
    }

    /** The previous step was handed in: the next one is due at {@code nextAt}. */
    void scheduleNext(UUID id, Instant nextAt, Instant now) {
        jdbc.sql("update program_enrolment set next_at = :nextAt, waiting_on = null, updated_at = :now where id = :id")
                .param("id", id).param("nextAt", Timestamp.from(nextAt)).param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Records the delivery of a step (the primary key refuses a second one) and moves the enrolment on: waiting for
     * the new assignment's hand-in, or completed after the last step.
     */
    void delivered(ProgramEnrolment enrolment, UUID assignmentId, boolean last, Instant now) {
        jdbc.sql("""
                        insert into program_delivery (enrolment_id, position, assignment_id, delivered_at)
                        values (:enrolment, :position, :assignment, :now)""")
                .param("enrolment", enrolment.id()).param("position", enrolment.nextPosition())
                .param("assignment", assignmentId).param("now", Timestamp.from(now))
                .update();
        jdbc.sql("""
                        update program_enrolment
                        set next_position = next_position + 1, next_at = null, waiting_on = :waiting,
                            status = :status, updated_at = :now
                        where id = :id""")
                .param("id", enrolment.id()).param("waiting", last ? null : assignmentId)
                .param("status", (last ? ProgramEnrolment.Status.COMPLETED : enrolment.status()).name())
                .param("now", Timestamp.from(now))
                .update();
    }

    List<ProgramViews.DeliveryView> deliveries(UUID enrolmentId) {
        return jdbc.sql("select * from program_delivery where enrolment_id = :id order by position")
                .param("id", enrolmentId)
                .query((rs, n) -> new ProgramViews.DeliveryView(rs.getInt("position"),
                        rs.getObject("assignment_id", UUID.class), rs.getTimestamp("delivered_at").toInstant()))
                .list();
    }

    static ClinicalCipher.Binding reasonBinding(UUID enrolmentId, UUID clientId, long version) {
        return new ClinicalCipher.Binding(ClinicalCipher.Field.PROGRAM_REASON, enrolmentId, clientId, null, null, version);
    }

    private static Head head(ResultSet rs, int row) throws SQLException {
        return new Head(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("description"),
                rs.getObject("created_by", UUID.class), rs.getTimestamp("created_at").toInstant(), rs.getInt("steps"));
    }

    private static ProgramEnrolment enrolment(ResultSet rs, int row) throws SQLException {
        Timestamp nextAt = rs.getTimestamp("next_at");
        return new ProgramEnrolment(rs.getObject("id", UUID.class), rs.getObject("program_id", UUID.class),
                rs.getObject("client_id", UUID.class), rs.getObject("therapist_id", UUID.class),
                ProgramEnrolment.Status.valueOf(rs.getString("status")), rs.getInt("next_position"),
                nextAt == null ? null : nextAt.toInstant(), rs.getObject("waiting_on", UUID.class),
                rs.getTimestamp("created_at").toInstant(), zone(rs.getString("zone")));
    }

    /** A zone stored once and no longer known to this JDK's rules reads as none: the practice's zone then applies. */
    private static ZoneId zone(String id) {
        if (id == null) {
            return null;
        }
        try {
            return ZoneId.of(id);
        } catch (java.time.DateTimeException unknown) {
            return null;
        }
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
