package org.securebase.journal.support;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.securebase.platform.embedded.PostgresServer;
import org.securebase.platform.test.TestBackends;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A journal database of a given size, migrated by the service's own Flyway scripts and filled in bulk with
 * generated rows shaped like real use: every client has 50 assignments, 50 journal entries (every other one
 * shared) and 50 audit rows; every therapist has 20 clients. The table size changes with {@code rows}; what one
 * client or one therapist owns does not - which is what "answers as fast at 10^6 as at 10^3" is about.
 * Ciphertext columns hold a dummy byte: query plans do not look inside them.
 */
public final class ScaleDatabase {

    public static final int PER_CLIENT = 50;
    public static final int CLIENTS_PER_THERAPIST = 20;

    private final int rows;
    private final JdbcClient jdbc;

    private ScaleDatabase(int rows, JdbcClient jdbc) {
        this.rows = rows;
        this.jdbc = jdbc;
    }

    /** A fresh database named after its size, migrated and filled. */
    public static ScaleDatabase create(int rows) {
        String name = "journal_scale_" + rows;
        PostgresServer.Database database = TestBackends.postgres().database(name, "journal", "journal");
        DataSource dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        ScaleDatabase scale = new ScaleDatabase(rows, JdbcClient.create(dataSource));
        scale.fill();
        return scale;
    }

    public int rows() {
        return rows;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** The id SQL's {@code md5('client-' || i)::uuid} gives. */
    public static UUID client(int i) {
        return md5Uuid("client-" + i);
    }

    public static UUID therapist(int i) {
        return md5Uuid("therapist-" + i);
    }

    private static UUID md5Uuid(String name) {
        try {
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(java.security.MessageDigest.getInstance("MD5")
                    .digest(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The clients of therapist 1 (clients 1 to 20). */
    public static List<UUID> caseloadOfTherapistOne() {
        return IntStream.rangeClosed(1, CLIENTS_PER_THERAPIST).mapToObj(ScaleDatabase::client).toList();
    }

    private void fill() {
        int clients = rows / PER_CLIENT;
        jdbc.sql("""
                insert into caseload (client_id, therapist_id, caseload_assignment_id, since)
                select md5('client-' || i)::uuid, md5('therapist-' || ((i - 1) / :per + 1))::uuid,
                       gen_random_uuid(), now()
                from generate_series(1, :clients) i""")
                .param("per", CLIENTS_PER_THERAPIST).param("clients", clients).update();
        jdbc.sql("""
                insert into assignment (id, client_id, therapist_id, article_id, article_version, article_slug,
                                        article_title, note, due_at, status, created_at, opened_at, submitted_at,
                                        last_activity_at)
                select gen_random_uuid(), md5('client-' || c)::uuid,
                       md5('therapist-' || ((c - 1) / :per + 1))::uuid,
                       '00000000-0000-0000-0000-00000000000a', 1, 'attachment', 'Attachment and Healing', null,
                       now() - j * interval '1 minute' + interval '7 days',
                       (array['ASSIGNED', 'OPENED', 'IN_PROGRESS', 'SUBMITTED', 'REVIEWED'])[j % 5 + 1],
                       now() - j * interval '1 minute',
                       case when j % 5 > 0 then now() - j * interval '1 minute' end,
                       case when j % 5 > 2 then now() - j * interval '1 minute' end,
                       now() - j * interval '1 minute'
                from generate_series(1, :rows) j, lateral (select (j - 1) % :clients + 1 as c) k""")
                .param("per", CLIENTS_PER_THERAPIST).param("clients", clients).param("rows", rows).update();
        jdbc.sql("""
                insert into journal_entry (id, client_id, content, assignment_id, shared_with, shared_at, created_at,
                                           updated_at)
                select gen_random_uuid(), md5('client-' || c)::uuid, '\\x00'::bytea, null,
                       case when j % 2 = 0 then md5('therapist-' || ((c - 1) / :per + 1))::uuid end,
                       case when j % 2 = 0 then now() - j * interval '1 minute' end,
                       now() - j * interval '1 minute', now() - j * interval '1 minute'
                from generate_series(1, :rows) j, lateral (select (j - 1) % :clients + 1 as c) k""")
                .param("per", CLIENTS_PER_THERAPIST).param("clients", clients).param("rows", rows).update();
        jdbc.sql("""
                insert into access_audit (occurred_at, actor_id, actor_role, actor_name, subject_id, resource_type,
                                          resource_id, action, request_id)
                select now() - j * interval '1 second', md5('therapist-' || ((c - 1) / :per + 1))::uuid,
                       'THERAPIST', 'Dr. Scale', md5('client-' || c)::uuid, 'JOURNAL_ENTRY', gen_random_uuid(),
                       'READ', 'scale'
                from generate_series(1, :rows) j, lateral (select (j - 1) % :clients + 1 as c) k""")
                .param("per", CLIENTS_PER_THERAPIST).param("clients", clients).param("rows", rows).update();
        // What autovacuum does in production: statistics for the planner, and the visibility map index-only scans need.
        jdbc.sql("vacuum analyze").update();
    }
}
