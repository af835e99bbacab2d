package org.securebase.journal.entry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.securebase.journal.crypto.ClinicalCipher;
import org.securebase.journal.web.Cursors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** {@code journal_entry}: stores title, body and mood as one AEAD ciphertext bound to the entry id and its client. */
@Repository
class EntryRepository {

    private final JdbcClient jdbc;
    private final ClinicalCipher cipher;
    private final JsonMapper json = JsonMapper.builder().build();

    EntryRepository(JdbcClient jdbc, ClinicalCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    void insert(JournalEntry entry) {
        jdbc.sql("""
                        insert into journal_entry (id, client_id, content, assignment_id, shared_with, shared_at,
                                                   created_at, updated_at, version)
                        values (:id, :client, :content, :assignment, null, null, :created, :updated, 0)""")
                .param("id", entry.id())
                .param("client", entry.clientId())
                .param("content", encrypt(entry.id(), entry.clientId(), entry.assignmentId(), 1, entry.content()))
                .param("assignment", entry.assignmentId())
                .param("created", Timestamp.from(entry.createdAt()))
                .param("updated", Timestamp.from(entry.updatedAt()))
                .update();
    }

    /** The entry if it belongs to the client, locked for update when asked (edits, sharing). */
    Optional<JournalEntry> findOwned(UUID id, UUID clientId, boolean forUpdate) {
        return jdbc.sql("select * from journal_entry where id = :id and client_id = :client" + (forUpdate ? " for update" : ""))
                .param("id", id)
                .param("client", clientId)
                .query(this::map)
                .optional();
    }

    /** The entry if it is shared with this therapist (whether they are still the client's therapist is checked apart). */
    Optional<JournalEntry> findSharedWith(UUID id, UUID therapistId) {
        return jdbc.sql("select * from journal_entry where id = :id and shared_with = :therapist")
                .param("id", id)
                .param("therapist", therapistId)
                .query(this::map)
                .optional();
    }

    /** Writes content and link, bumping the version; false if the row changed meanwhile (version mismatch). */
    boolean update(UUID id, UUID clientId, EntryContent content, UUID assignmentId, Instant now, long expectedVersion) {
        long sealed = jdbc.sql("select sealed_version from journal_entry where id = :id and client_id = :client")
                .param("id", id).param("client", clientId).query(Long.class).optional().orElse(0L) + 1;
        return jdbc.sql("""
                        update journal_entry set content = :content, assignment_id = :assignment, updated_at = :now,
                                                 version = version + 1, sealed_version = :sealed
                        where id = :id and client_id = :client and version = :version""")
                .param("content", encrypt(id, clientId, assignmentId, sealed, content))
                .param("sealed", sealed)
                .param("assignment", assignmentId)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .param("client", clientId)
                .param("version", expectedVersion)
                .update() == 1;
    }

    void setSharing(UUID id, UUID clientId, UUID sharedWith, Instant sharedAt) {
        jdbc.sql("""
                        update journal_entry set shared_with = :with, shared_at = :at, version = version + 1
                        where id = :id and client_id = :client""")
                .param("with", sharedWith)
                .param("at", sharedAt == null ? null : Timestamp.from(sharedAt))
                .param("id", id)
                .param("client", clientId)
                .update();
    }

    boolean delete(UUID id, UUID clientId) {
        return jdbc.sql("delete from journal_entry where id = :id and client_id = :client")
                .param("id", id)
                .param("client", clientId)
                .update() == 1;
    }

    /** The client's own entries, newest first. Index: journal_entry_client_list_idx (client_id, created_at desc, id desc). */
    List<JournalEntry> listOwn(UUID clientId, Cursors.TimeAndId after, int fetch) {
        var query = jdbc.sql(ownListSql(after != null)).param("client", clientId).param("limit", fetch);
        if (after != null) {
            query = query.param("at", Timestamp.from(after.at())).param("after", after.id());
        }
        return query.query(this::map).list();
    }

    /**
     * Every entry of a client, oldest first; only those shared with one therapist when {@code sharedWithOnly} is
     * given. Index: journal_entry_client_list_idx, walked backwards.
     */
    List<JournalEntry> everyOf(UUID clientId, UUID sharedWithOnly) {
        return jdbc.sql("select * from journal_entry where client_id = :client"
                        + (sharedWithOnly != null ? " and shared_with = :therapist" : "")
                        + " order by created_at, id")
                .param("client", clientId)
                .param("therapist", sharedWithOnly)
                .query(this::map)
                .list();
    }

    static String ownListSql(boolean afterCursor) {
        return "select * from journal_entry where client_id = :client"
                + (afterCursor ? " and (created_at, id) < (:at, :after)" : "")
                + " order by created_at desc, id desc limit :limit";
    }

    /**
     * Entries shared with the therapist by the given (current) clients, most recently shared first. Index:
     * journal_entry_shared_list_idx (shared_with, shared_at desc, id desc) where shared_with is not null.
     */
    List<JournalEntry> listSharedWith(UUID therapistId, List<UUID> clients, Cursors.TimeAndId after, int fetch) {
        if (clients.isEmpty()) {
            return List.of();
        }
        var query = jdbc.sql(sharedListSql(after != null))
                .param("therapist", therapistId)
                .param("clients", clients)
                .param("limit", fetch);
        if (after != null) {
            query = query.param("at", Timestamp.from(after.at())).param("after", after.id());
        }
        return query.query(this::map).list();
    }

    /** Entries the client shared with the therapist, shared or changed after {@code after}, oldest change first. */
    List<JournalEntry> sharedWithAndChangedAfter(UUID therapistId, UUID clientId, Instant after, int limit) {
        return jdbc.sql("""
                        select * from journal_entry
                        where shared_with = :therapist and client_id = :client
                          and greatest(shared_at, updated_at) > :after
                        order by greatest(shared_at, updated_at), id
                        limit :limit""")
                .param("therapist", therapistId).param("client", clientId)
                .param("after", Timestamp.from(after)).param("limit", limit)
                .query(this::map)
                .list();
    }

    static String sharedListSql(boolean afterCursor) {
        return "select * from journal_entry where shared_with = :therapist and client_id in (:clients)"
                + (afterCursor ? " and (shared_at, id) < (:at, :after)" : "")
                + " order by shared_at desc, id desc limit :limit";
    }

    private byte[] encrypt(UUID id, UUID clientId, UUID assignmentId, long sealedVersion, EntryContent content) {
        return cipher.encrypt(binding(id, clientId, assignmentId, sealedVersion), json.writeValueAsString(
                new StoredContent(content.title(), content.body(), content.mood())));
    }

    private JournalEntry map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        UUID client = rs.getObject("client_id", UUID.class);
        StoredContent stored = json.readValue(cipher.decrypt(binding(id, client, rs.getObject("assignment_id", UUID.class),
                rs.getLong("sealed_version")), rs.getBytes("content")), StoredContent.class);
        Timestamp sharedAt = rs.getTimestamp("shared_at");
        return new JournalEntry(id, client, new EntryContent(stored.title(), stored.body(), stored.mood()),
                rs.getObject("assignment_id", UUID.class), rs.getObject("shared_with", UUID.class),
                sharedAt == null ? null : sharedAt.toInstant(), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }

    static ClinicalCipher.Binding binding(UUID id, UUID clientId, UUID assignmentId, long sealedVersion) {
        return new ClinicalCipher.Binding(ClinicalCipher.Field.ENTRY, id, clientId, assignmentId, null, sealedVersion);
    }

    /** The plaintext layout inside the ciphertext. */
    record StoredContent(String title, String body, Integer mood) {

        @Override
        public String toString() {
            return "StoredContent[redacted]";
        }
    }
}
