package org.securebase.journal.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.securebase.journal.crypto.ClinicalCipher;
import org.securebase.journal.web.Cursors;
import org.securebase.platform.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code record_export}; the archive column is only ever written as a ciphertext and read back for a download. */
@Repository
class RecordExportRepository {

    private static final String COLUMNS = """
            id, subject_id, requested_by, requester_role, language, status, items_done, items_total, requested_at, claimed_at,
            ready_at, expires_at, archive_bytes, downloads, last_download_at""";

    private final JdbcClient jdbc;
    private final ClinicalCipher cipher;

    RecordExportRepository(JdbcClient jdbc, ClinicalCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    void insert(RecordExport export) {
        jdbc.sql("""
                        insert into record_export (id, subject_id, requested_by, requester_role, language, status,
                                                   requested_at)
                        values (:id, :subject, :requester, :role, :language, 'PREPARING', :at)""")
                .param("language", export.language())
                .param("id", export.id())
                .param("subject", export.subjectId())
                .param("requester", export.requestedBy())
                .param("role", export.requesterRole().name())
                .param("at", Timestamp.from(export.requestedAt()))
                .update();
    }

    Optional<RecordExport> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from record_export where id = :id")
                .param("id", id).query(RecordExportRepository::map).optional();
    }

    /**
     * The requester's copy of this person in this language that is still being prepared, if any: asking again does
     * not start another. A request whose claim went stale (its preparation stopped) does not count.
     */
    Optional<RecordExport> preparing(UUID requester, UUID subject, String language, Instant staleBefore) {
        return jdbc.sql("select " + COLUMNS + """
                         from record_export
                        where requested_by = :requester and subject_id = :subject and language = :language
                          and status = 'PREPARING' and (claimed_at is null or claimed_at >= :stale)
                        order by requested_at desc limit 1""")
                .param("requester", requester).param("subject", subject).param("language", language)
                .param("stale", Timestamp.from(staleBefore))
                .query(RecordExportRepository::map).optional();
    }

    /** Requests newest first: the requester's own, or (requester null) everyone's; of one person when given. */
    List<RecordExport> list(UUID requester, UUID subject, Cursors.TimeAndId after, int fetch) {
        StringBuilder where = new StringBuilder("true");
        if (requester != null) {
            where.append(" and requested_by = :requester");
        }
        if (subject != null) {
            where.append(" and subject_id = :subject");
        }
        if (after != null) {
            where.append(" and (requested_at, id) < (:at, :after)");
        }
        var query = jdbc.sql("select " + COLUMNS + " from record_export where " + where
                + " order by requested_at desc, id desc limit :limit").param("limit", fetch);
        if (requester != null) {
            query = query.param("requester", requester);
        }
        if (subject != null) {
            query = query.param("subject", subject);
        }
        if (after != null) {
            query = query.param("at", Timestamp.from(after.at())).param("after", after.id());
        }
        return query.query(RecordExportRepository::map).list();
    }

    /**
     * Claims the oldest request waiting, or one whose claim is older than {@code staleBefore} (its instance stopped).
     * The claim's time is the claim: only the instance that holds it may finish the request.
     */
    Optional<RecordExport> claimNext(Instant now, Instant staleBefore) {
        return jdbc.sql("""
                        update record_export set claimed_at = :now
                        where id = (select id from record_export
                                    where status = 'PREPARING' and (claimed_at is null or claimed_at < :stale)
                                    order by requested_at
                                    limit 1
                                    for update skip locked)
                        returning""" + " " + COLUMNS)
                .param("now", Timestamp.from(now)).param("stale", Timestamp.from(staleBefore))
                .query(RecordExportRepository::map).optional();
    }

    /**
     * Records the progress and renews the claim (its new time returned): a long preparation that reports progress is
     * never taken for a stopped one. Empty when the claim was taken over meanwhile.
     */
    Optional<RecordExport> progress(RecordExport claimed, int done, int total, Instant now) {
        return jdbc.sql("""
                        update record_export set items_done = :done, items_total = :total, claimed_at = :now
                        where id = :id and status = 'PREPARING' and claimed_at = :claimed
                        returning""" + " " + COLUMNS)
                .param("done", done).param("total", total).param("now", Timestamp.from(now))
                .param("id", claimed.id()).param("claimed", Timestamp.from(claimed.claimedAt()))
                .query(RecordExportRepository::map).optional();
    }

    /** Stores the archive, sealed; false when the claim was taken over meanwhile (the other instance finishes it). */
    boolean ready(RecordExport claimed, byte[] archive, Instant now, Instant expiresAt) {
        return jdbc.sql("""
                        update record_export set status = 'READY', archive = :archive, archive_version = 1,
                                                 archive_bytes = :bytes,
                                                 items_done = coalesce(items_total, items_done),
                                                 ready_at = :now, expires_at = :expires
                        where id = :id and status = 'PREPARING' and claimed_at = :claimed""")
                .param("archive", cipher.encryptBytes(binding(claimed.id(), claimed.subjectId(), 1), archive))
                .param("bytes", (long) archive.length)
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(expiresAt))
                .param("id", claimed.id()).param("claimed", Timestamp.from(claimed.claimedAt()))
                .update() == 1;
    }

    void failed(RecordExport claimed) {
        jdbc.sql("""
                        update record_export set status = 'FAILED'
                        where id = :id and status = 'PREPARING' and claimed_at = :claimed""")
                .param("id", claimed.id()).param("claimed", Timestamp.from(claimed.claimedAt()))
                .update();
    }

    /** The archive of a ready copy, opened; counts the download. Empty when it is not (or no longer) ready. */
    Optional<byte[]> takeArchive(RecordExport export, Instant now) {
        return jdbc.sql("""
                        update record_export set downloads = downloads + 1, last_download_at = :now
                        where id = :id and status = 'READY' and expires_at > :now
                        returning archive, archive_version""")
                .param("id", export.id()).param("now", Timestamp.from(now))
                .query((rs, n) -> cipher.decryptBytes(binding(export.id(), export.subjectId(),
                        rs.getLong("archive_version")), rs.getBytes("archive")))
                .optional();
    }

    /** Drops the archives whose link expired; the rows stay as the record of the requests. */
    int expire(Instant now) {
        return jdbc.sql("""
                        update record_export set status = 'EXPIRED', archive = null
                        where status = 'READY' and expires_at <= :now""")
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The archive is bound to its export and its client: moved to another row or person, it does not open. */
    static ClinicalCipher.Binding binding(UUID exportId, UUID subjectId, long version) {
        return new ClinicalCipher.Binding(ClinicalCipher.Field.RECORD_ARCHIVE, exportId, subjectId, null, null, version);
    }

    private static RecordExport map(ResultSet rs, int row) throws SQLException {
        return new RecordExport(
                rs.getObject("id", UUID.class),
                rs.getObject("subject_id", UUID.class),
                rs.getObject("requested_by", UUID.class),
                Role.valueOf(rs.getString("requester_role")),
                rs.getString("language"),
                RecordExport.Status.valueOf(rs.getString("status")),
                rs.getInt("items_done"),
                (Integer) rs.getObject("items_total"),
                instant(rs, "requested_at"),
                instant(rs, "claimed_at"),
                instant(rs, "ready_at"),
                instant(rs, "expires_at"),
                (Long) rs.getObject("archive_bytes"),
                rs.getInt("downloads"),
                instant(rs, "last_download_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
