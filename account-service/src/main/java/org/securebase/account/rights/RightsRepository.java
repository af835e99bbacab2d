package org.securebase.account.rights;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code closure_request}, {@code legal_hold} and {@code erasure}; the callers hold the subject's account lock. */
@Repository
class RightsRepository {

    private static final String CLOSURE_COLUMNS = "id, subject_id, requested_by, requested_at, closed_by, closed_at, withdrawn_at";
    private static final String HOLD_COLUMNS = "id, subject_id, reason, placed_by, placed_at, lifted_by, lifted_at";

    private final JdbcClient jdbc;

    RightsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Closure> waitingClosureOf(UUID subject) {
        return jdbc.sql("select " + CLOSURE_COLUMNS + " from closure_request where subject_id = :subject "
                        + "and closed_at is null and withdrawn_at is null")
                .param("subject", subject).query(RightsRepository::closure).optional();
    }

    /** The person's latest closure that was carried out, if any. */
    Optional<Closure> lastClosureOf(UUID subject) {
        return jdbc.sql("select " + CLOSURE_COLUMNS + " from closure_request where subject_id = :subject "
                        + "and closed_at is not null order by closed_at desc, id limit 1")
                .param("subject", subject).query(RightsRepository::closure).optional();
    }

    void insertClosure(Closure closure) {
        jdbc.sql("insert into closure_request (" + CLOSURE_COLUMNS + ") values "
                        + "(:id, :subject, :requestedBy, :requestedAt, :closedBy, :closedAt, null)")
                .param("id", closure.id()).param("subject", closure.subjectId())
                .param("requestedBy", closure.requestedBy()).param("requestedAt", utc(closure.requestedAt()))
                .param("closedBy", closure.closedBy()).param("closedAt", utc(closure.closedAt()))
                .update();
    }

    void markClosed(UUID closureId, UUID closedBy, Instant closedAt) {
        jdbc.sql("update closure_request set closed_by = :by, closed_at = :at where id = :id and closed_at is null "
                        + "and withdrawn_at is null")
                .param("by", closedBy).param("at", utc(closedAt)).param("id", closureId).update();
    }

    void markWithdrawn(UUID closureId, Instant withdrawnAt) {
        jdbc.sql("update closure_request set withdrawn_at = :at where id = :id and closed_at is null "
                        + "and withdrawn_at is null")
                .param("at", utc(withdrawnAt)).param("id", closureId).update();
    }

    List<LegalHold> holdsOf(UUID subject) {
        return jdbc.sql("select " + HOLD_COLUMNS + " from legal_hold where subject_id = :subject "
                        + "order by placed_at, id")
                .param("subject", subject).query(RightsRepository::hold).list();
    }

    void insertHold(LegalHold hold) {
        jdbc.sql("insert into legal_hold (id, subject_id, reason, placed_by, placed_at) values "
                        + "(:id, :subject, :reason, :placedBy, :placedAt)")
                .param("id", hold.id()).param("subject", hold.subjectId()).param("reason", hold.reason())
                .param("placedBy", hold.placedBy()).param("placedAt", utc(hold.placedAt()))
                .update();
    }

    void liftHold(UUID holdId, UUID liftedBy, Instant liftedAt) {
        jdbc.sql("update legal_hold set lifted_by = :by, lifted_at = :at where id = :id and lifted_at is null")
                .param("by", liftedBy).param("at", utc(liftedAt)).param("id", holdId).update();
    }

    Optional<Erasure> erasureOf(UUID subject) {
        return jdbc.sql("select id, subject_id, erased_by, erased_at from erasure where subject_id = :subject")
                .param("subject", subject).query(RightsRepository::erasure).optional();
    }

    void insertErasure(Erasure erasure) {
        jdbc.sql("insert into erasure (id, subject_id, erased_by, erased_at) values (:id, :subject, :by, :at)")
                .param("id", erasure.id()).param("subject", erasure.subjectId()).param("by", erasure.erasedBy())
                .param("at", utc(erasure.erasedAt()))
                .update();
    }

    List<Erasure> recentErasures(int limit) {
        return jdbc.sql("select id, subject_id, erased_by, erased_at from erasure order by erased_at desc, id limit :limit")
                .param("limit", limit).query(RightsRepository::erasure).list();
    }

    /** The newest closures, waiting ones first. */
    List<Closure> recentClosures(int limit) {
        return jdbc.sql("select " + CLOSURE_COLUMNS + " from closure_request "
                        + "order by (closed_at is null and withdrawn_at is null) desc, requested_at desc, id limit :limit")
                .param("limit", limit).query(RightsRepository::closure).list();
    }

    /** The newest holds, those in force first. */
    List<LegalHold> recentHolds(int limit) {
        return jdbc.sql("select " + HOLD_COLUMNS + " from legal_hold "
                        + "order by (lifted_at is null) desc, placed_at desc, id limit :limit")
                .param("limit", limit).query(RightsRepository::hold).list();
    }

    private static Closure closure(ResultSet row, int number) throws SQLException {
        return new Closure(row.getObject("id", UUID.class), row.getObject("subject_id", UUID.class),
                row.getObject("requested_by", UUID.class), instant(row, "requested_at"),
                row.getObject("closed_by", UUID.class), instant(row, "closed_at"), instant(row, "withdrawn_at"));
    }

    private static Erasure erasure(ResultSet row, int number) throws SQLException {
        return new Erasure(row.getObject("id", UUID.class), row.getObject("subject_id", UUID.class),
                row.getObject("erased_by", UUID.class), instant(row, "erased_at"));
    }

    private static LegalHold hold(ResultSet row, int number) throws SQLException {
        return new LegalHold(row.getObject("id", UUID.class), row.getObject("subject_id", UUID.class),
                row.getString("reason"), row.getObject("placed_by", UUID.class), instant(row, "placed_at"),
                row.getObject("lifted_by", UUID.class), instant(row, "lifted_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
