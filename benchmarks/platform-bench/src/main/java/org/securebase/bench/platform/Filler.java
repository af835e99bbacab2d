package org.securebase.bench.platform;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Other people's rows, written straight into account-service's and journal-service's databases with COPY, in each
 * service's own table layout (the Flyway migrations): at size N there are N filler clients (each on the caseload of
 * one of N/50 filler therapists, as in both services' caseload tables), one assignment per filler client and N journal
 * entries (ten per owner, a third shared with the owner's therapist). A million of these through the API would take
 * hours; the measured people's own lists are made through the API and do not change size.
 *
 * <p>Ids are derived from the row number, so growing from one size to the next only appends rows and both databases
 * agree on who is whose client. Encrypted columns get random bytes of the lengths real ciphertext had in this run
 * (never decrypted: only their owners may read them, and the owners are not measured). After loading, every table
 * written to is vacuumed and analysed, as autovacuum would have done in a practice that grew to this size.
 */
final class Filler {

    static final int CLIENTS_PER_THERAPIST = 50;
    static final int ENTRIES_PER_OWNER = 10;
    private static final long CLIENT = 1;
    private static final long THERAPIST = 2;
    private static final long ASSIGNMENT = 3;
    private static final long ENTRY = 4;
    private static final long CASELOAD = 5;
    private static final int CHUNK = 5_000;

    private final String accountUrl;
    private final String journalUrl;
    private final String accountPassword;
    private final String journalPassword;
    private final UUID articleId;
    private final String articleSlug;
    private final String articleTitle;
    private final int[] entryLengths;
    private final SplittableRandom random = new SplittableRandom(42);
    private final Instant now = Instant.now();
    private int size;

    /** {@code entryLengths}: lengths of real journal-entry ciphertext, to draw the fillers' from. */
    Filler(int postgresPort, String accountPassword, String journalPassword, UUID articleId, String articleSlug,
           String articleTitle, int[] entryLengths) {
        this.accountUrl = "jdbc:postgresql://localhost:" + postgresPort + "/account";
        this.journalUrl = "jdbc:postgresql://localhost:" + postgresPort + "/journal";
        this.accountPassword = accountPassword;
        this.journalPassword = journalPassword;
        this.articleId = articleId;
        this.articleSlug = articleSlug;
        this.articleTitle = articleTitle;
        this.entryLengths = entryLengths;
    }

    /** Appends rows until there are {@code target} of each kind; returns how long loading and analysing took. */
    Duration growTo(int target) throws SQLException {
        long t0 = System.nanoTime();
        int from = size;
        if (target > from) {
            try (Connection account = DriverManager.getConnection(accountUrl, "account", accountPassword);
                 Connection journal = DriverManager.getConnection(journalUrl, "journal", journalPassword)) {
                int therapistsFrom = therapists(from);
                int therapistsTo = therapists(target);
                copy(account, "account (id, email, first_name, last_name, role, status, invited_at, invitation_sent_at, "
                        + "invitation_attempts, activated_at, updated_at, event_sequence, version)", therapistsFrom, therapistsTo,
                        (i, row) -> accountRow(row, id(THERAPIST, i), "therapist", i, "THERAPIST"));
                copy(account, "account (id, email, first_name, last_name, role, status, invited_at, invitation_sent_at, "
                        + "invitation_attempts, activated_at, updated_at, event_sequence, version)", from, target,
                        (i, row) -> accountRow(row, id(CLIENT, i), "client", i, "CLIENT"));
                copy(account, "caseload_assignment (id, client_id, therapist_id, started_at, started_by)", from, target,
                        (i, row) -> row.append(id(CASELOAD, i)).append('\t').append(id(CLIENT, i)).append('\t')
                                .append(id(THERAPIST, i / CLIENTS_PER_THERAPIST)).append('\t').append(past(400)).append("\t\\N\n"));
                analyse(account, "account", "caseload_assignment");

                copy(journal, "account_projection (account_id, role, status, display_name, last_sequence, updated_at)",
                        therapistsFrom, therapistsTo, (i, row) -> row.append(id(THERAPIST, i)).append("\tTHERAPIST\tACTIVE\t")
                                .append(name("therapist", i)).append("\t2\t").append(past(400)).append('\n'));
                copy(journal, "account_projection (account_id, role, status, display_name, last_sequence, updated_at)",
                        from, target, (i, row) -> row.append(id(CLIENT, i)).append("\tCLIENT\tACTIVE\t")
                                .append(name("client", i)).append("\t2\t").append(past(400)).append('\n'));
                copy(journal, "caseload (client_id, therapist_id, caseload_assignment_id, since)", from, target,
                        (i, row) -> row.append(id(CLIENT, i)).append('\t').append(id(THERAPIST, i / CLIENTS_PER_THERAPIST))
                                .append('\t').append(id(CASELOAD, i)).append('\t').append(past(400)).append('\n'));
                copy(journal, "assignment (id, client_id, therapist_id, article_id, article_version, article_slug, article_title, "
                        + "note, due_at, status, created_at, opened_at, submitted_at, reviewed_at, last_activity_at, version)",
                        from, target, (i, row) -> assignmentRow(row, i));
                copy(journal, "journal_entry (id, client_id, content, shared_with, shared_at, created_at, updated_at, version)",
                        from, target, (i, row) -> entryRow(row, i));
                analyse(journal, "account_projection", "caseload", "assignment", "journal_entry");
            }
            size = target;
        }
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    private static int therapists(int clients) {
        return (clients + CLIENTS_PER_THERAPIST - 1) / CLIENTS_PER_THERAPIST;
    }

    @FunctionalInterface
    private interface Row {
        void append(int index, StringBuilder row);
    }

    private static void copy(Connection connection, String table, int from, int to, Row row) throws SQLException {
        if (to <= from) {
            return;
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        CopyIn in = copy.copyIn("COPY " + table + " FROM STDIN");
        try {
            StringBuilder chunk = new StringBuilder(CHUNK * 200);
            for (int i = from; i < to; i++) {
                row.append(i, chunk);
                if ((i - from) % CHUNK == CHUNK - 1 || i == to - 1) {
                    byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
                    in.writeToCopy(bytes, 0, bytes.length);
                    chunk.setLength(0);
                }
            }
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static void analyse(Connection connection, String... tables) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(true); // VACUUM cannot run inside a transaction
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.execute("VACUUM (ANALYZE) " + table);
            }
        } finally {
            connection.setAutoCommit(auto);
        }
    }

    private void accountRow(StringBuilder row, UUID id, String kind, int i, String role) {
        String invited = past(500);
        row.append(id).append("\tfiller-").append(kind).append('-').append(i).append("@practice.example\t")
                .append(first(i)).append('\t').append(last(i)).append('\t').append(role).append("\tACTIVE\t")
                .append(invited).append('\t').append(invited).append("\t1\t").append(past(400)).append('\t')
                .append(past(300)).append("\t2\t1\n");
    }

    private void assignmentRow(StringBuilder row, int i) {
        Instant created = now.minusSeconds(random.nextLong(86_400L * 365));
        Instant due = created.plusSeconds(86_400L * 14);
        // Most homework of a practice's past is done; some is open, some is being worked on.
        int p = random.nextInt(10);
        String status = p < 5 ? "REVIEWED" : p < 7 ? "SUBMITTED" : p < 8 ? "IN_PROGRESS" : p < 9 ? "OPENED" : "ASSIGNED";
        Instant opened = p < 9 ? created.plusSeconds(3_600) : null;
        Instant submitted = p < 7 ? created.plusSeconds(86_400L * 5) : null;
        Instant reviewed = p < 5 ? created.plusSeconds(86_400L * 6) : null;
        Instant last = reviewed != null ? reviewed : submitted != null ? submitted : opened != null ? opened : created;
        row.append(id(ASSIGNMENT, i)).append('\t').append(id(CLIENT, i)).append('\t')
                .append(id(THERAPIST, i / CLIENTS_PER_THERAPIST)).append('\t').append(articleId).append("\t1\t")
                .append(articleSlug).append('\t').append(articleTitle).append("\t\\N\t").append(due).append('\t')
                .append(status).append('\t').append(created).append('\t').append(orNull(opened)).append('\t')
                .append(orNull(submitted)).append('\t').append(orNull(reviewed)).append('\t').append(last).append("\t2\n");
    }

    private void entryRow(StringBuilder row, int i) {
        int owner = i / ENTRIES_PER_OWNER;
        Instant created = now.minusSeconds(random.nextLong(86_400L * 365));
        boolean shared = random.nextInt(3) == 0;
        byte[] content = new byte[entryLengths[random.nextInt(entryLengths.length)]];
        random.nextBytes(content);
        row.append(id(ENTRY, i)).append('\t').append(id(CLIENT, owner)).append("\t\\\\x").append(HexFormat.of().formatHex(content))
                .append('\t');
        if (shared) {
            row.append(id(THERAPIST, owner / CLIENTS_PER_THERAPIST)).append('\t').append(created.plusSeconds(600));
        } else {
            row.append("\\N\t\\N");
        }
        row.append('\t').append(created).append('\t').append(created).append("\t0\n");
    }

    private String past(int days) {
        return now.minusSeconds(random.nextLong(86_400L * days)).toString();
    }

    private static String orNull(Instant instant) {
        return instant == null ? "\\N" : instant.toString();
    }

    private static final List<String> FIRST = List.of("Alex", "Sam", "Noor", "Mia", "Jonas", "Lea", "Omar", "Ines", "Kai", "Zoe");
    private static final List<String> LAST = List.of("Berg", "Costa", "Dahl", "Evans", "Fischer", "Garcia", "Haddad", "Ivanova", "Jensen", "Kowalski");

    private static String first(int i) {
        return FIRST.get(i % FIRST.size());
    }

    private static String last(int i) {
        return LAST.get((i / FIRST.size()) % LAST.size()) + "-" + i;
    }

    private static String name(String kind, int i) {
        return first(i) + " " + last(i);
    }

    /** A version-4-shaped id unique per kind and row number. */
    static UUID id(long kind, long index) {
        return new UUID(0xb0b0_0000_0000_4000L | (kind << 16), 0x8000_0000_0000_0000L | index);
    }
}
