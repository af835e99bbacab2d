package org.securebase.journal.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit's hash chain. Each audit row gets a seal: SHA-256 over the previous seal's hash and the row's content,
 * in id order, so that changing, deleting or inserting a row anywhere before the newest seal breaks every later link
 * and {@link #verify()} names the first row where it breaks.
 *
 * <p>Rows are sealed by a scheduled sealer, not by the transaction that audits a read: chaining in that transaction
 * would serialize every audited read of the service on one lock. The sealer takes rows only once they are older than
 * {@code securebase.journal.audit.seal-after} (30 s), so a row whose transaction was still open when later ones were
 * sealed cannot be skipped; one sealer at a time across instances (an advisory lock).
 */
@Component
public class AuditChain {

    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);
    private static final long SEALER_LOCK = 0x5ec0_a0d1_7c4a_11dL;
    private static final byte[] GENESIS = new byte[32];
    private static final int BATCH = 1_000;

    private final JdbcClient jdbc;
    private final Duration sealAfter;
    private final Clock clock;

    AuditChain(JdbcClient jdbc, @Value("${securebase.journal.audit.seal-after:PT30S}") Duration sealAfter, Clock clock) {
        this.jdbc = jdbc;
        this.sealAfter = sealAfter;
        this.clock = clock;
    }

    /**
     * What a verification found: rows and seals checked, the first row where the chain breaks, if any, and the head
     * of the chain (the newest sealed row and its hash, in hex) for the operator to record outside the database: a
     * later verification given that head ({@link #verify(Long, String)}) notices a chain rewritten from scratch by
     * someone holding the owner role, which a chain alone cannot.
     */
    public record Report(long rows, long sealed, long unsealedRecent, Long firstBrokenRowId, String problem,
                         Long headRowId, String headHash) {

        public boolean intact() {
            return firstBrokenRowId == null;
        }
    }

    @Scheduled(fixedDelayString = "${securebase.journal.audit.seal-interval:PT5S}",
            initialDelayString = "${securebase.journal.audit.seal-interval:PT5S}")
    void sealOnSchedule() {
        try {
            seal();
        } catch (RuntimeException e) {
            log.warn("Could not seal audit rows: {}", e.getClass().getSimpleName());
        }
    }

    /** Seals the rows old enough to be sealed; returns how many it sealed. */
    @Transactional
    public int seal() {
        if (!Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(:lock)").param("lock", SEALER_LOCK)
                .query(Boolean.class).single())) {
            return 0;
        }
        Instant horizon = clock.instant().minus(sealAfter).truncatedTo(ChronoUnit.MICROS);
        int sealed = 0;
        while (true) {
            Last last = last();
            List<Row> next = jdbc.sql("select * from access_audit where id > :after order by id limit :batch")
                    .param("after", last.auditId())
                    .param("batch", BATCH)
                    .query(AuditChain::row)
                    .list();
            // In id order, and only up to the first row too young to seal: a younger row's transaction may still have
            // neighbours open, and the chain must not pass over anything.
            List<Row> rows = next.stream().takeWhile(row -> row.occurredAt().isBefore(horizon)).toList();
            byte[] previous = last.hash();
            for (Row row : rows) {
                byte[] hash = hash(previous, row);
                jdbc.sql("""
                                insert into access_audit_seal (audit_id, previous_hash, row_hash, sealed_at)
                                values (:id, :previous, :hash, :at)""")
                        .param("id", row.id())
                        .param("previous", previous)
                        .param("hash", hash)
                        .param("at", Timestamp.from(clock.instant()))
                        .update();
                previous = hash;
            }
            sealed += rows.size();
            if (rows.size() < BATCH || rows.size() < next.size()) {
                if (sealed > 0) {
                    // The head, in the logs: kept outside the database, it is what a rewrite of the chain cannot match.
                    log.info("Audit chain sealed {} rows; head row {} hash {}", sealed, rows.isEmpty() ? last.auditId()
                            : rows.get(rows.size() - 1).id(), HexFormat.of().formatHex(previous));
                }
                return sealed;
            }
        }
    }

    /**
     * Walks the whole audit in id order against the seals. Broken: a row whose content no longer gives its seal's
     * hash (edited), a seal whose row is gone (deleted), a row without a seal among sealed ones (inserted later), or a
     * seal that does not follow the previous one.
     */
    @Transactional(readOnly = true)
    public Report verify() {
        return verify(null, null);
    }

    /**
     * As {@link #verify()}, and the seal of row {@code recordedRowId} must still be {@code recordedHash} (a head
     * recorded earlier, outside the database).
     */
    @Transactional(readOnly = true)
    public Report verify(Long recordedRowId, String recordedHash) {
        long maxSealed = jdbc.sql("select coalesce(max(audit_id), 0) from access_audit_seal").query(Long.class).single();
        long[] counts = new long[3];
        Report[] broken = new Report[1];
        byte[][] chain = {GENESIS.clone()};
        long[] head = {0};
        boolean[] recordedSeen = {false};
        jdbc.sql("""
                        select s.audit_id as seal_id, s.previous_hash, s.row_hash, a.*
                        from access_audit_seal s full outer join access_audit a on a.id = s.audit_id
                        order by coalesce(s.audit_id, a.id)""")
                .query(rs -> {
                    if (broken[0] != null) {
                        return;
                    }
                    Long sealId = (Long) rs.getObject("seal_id");
                    Long rowId = (Long) rs.getObject("id");
                    if (rowId != null) {
                        counts[0]++;
                    }
                    if (sealId == null) {
                        if (rowId < maxSealed) {
                            broken[0] = breakAt(counts, rowId, "a row without a seal among sealed rows: inserted later");
                        } else {
                            counts[2]++;
                        }
                        return;
                    }
                    counts[1]++;
                    if (rowId == null) {
                        broken[0] = breakAt(counts, sealId, "the sealed row is gone: deleted");
                        return;
                    }
                    if (!Arrays.equals(rs.getBytes("previous_hash"), chain[0])) {
                        broken[0] = breakAt(counts, rowId, "the seal does not follow the previous one");
                        return;
                    }
                    byte[] expected = hash(chain[0], row(rs, 0));
                    if (!Arrays.equals(expected, rs.getBytes("row_hash"))) {
                        broken[0] = breakAt(counts, rowId, "the row's content does not match its seal: edited");
                        return;
                    }
                    if (recordedRowId != null && recordedRowId.equals(rowId)) {
                        recordedSeen[0] = true;
                        if (!HexFormat.of().formatHex(expected).equalsIgnoreCase(recordedHash == null ? "" : recordedHash)) {
                            broken[0] = breakAt(counts, rowId, "the seal differs from the head recorded earlier: the chain was rewritten");
                            return;
                        }
                    }
                    chain[0] = expected;
                    head[0] = rowId;
                });
        if (broken[0] != null) {
            return broken[0];
        }
        if (recordedRowId != null && !recordedSeen[0]) {
            return breakAt(counts, recordedRowId, "the row of the head recorded earlier is not sealed any more");
        }
        return new Report(counts[0], counts[1], counts[2], null, null, head[0] == 0 ? null : head[0],
                head[0] == 0 ? null : HexFormat.of().formatHex(chain[0]));
    }

    private static Report breakAt(long[] counts, long rowId, String problem) {
        return new Report(counts[0], counts[1], counts[2], rowId, problem, null, null);
    }

    private record Last(long auditId, byte[] hash) {
    }

    private Last last() {
        return jdbc.sql("select audit_id, row_hash from access_audit_seal order by audit_id desc limit 1")
                .query((rs, n) -> new Last(rs.getLong("audit_id"), rs.getBytes("row_hash")))
                .optional()
                .orElse(new Last(0, GENESIS.clone()));
    }

    /** An audit row's content, every column, as it is hashed. */
    record Row(long id, Instant occurredAt, String actorId, String actorRole, String actorName, String subjectId,
               String resourceType, String resourceId, String action, String requestId, String sourceEventId) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor_id"),
                rs.getString("actor_role"), rs.getString("actor_name"), rs.getString("subject_id"),
                rs.getString("resource_type"), rs.getString("resource_id"), rs.getString("action"),
                rs.getString("request_id"), rs.getString("source_event_id"));
    }

    static byte[] hash(byte[] previous, Row row) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(previous);
            out.writeLong(row.id());
            // Length-prefixed fields: no two different rows can write the same bytes.
            for (String field : new String[] {row.occurredAt().toString(), row.actorId(), row.actorRole(), row.actorName(),
                    row.subjectId(), row.resourceType(), row.resourceId(), row.action(), row.requestId(),
                    row.sourceEventId()}) {
                out.writeBoolean(field != null);
                out.writeUTF(field == null ? "" : field);
            }
            return MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
