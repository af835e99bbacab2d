package org.securebase.systemtests.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.securebase.localstack.SecureBaseStack;
import org.securebase.systemtests.RunningStack;
import org.securebase.systemtests.StackClock;
import org.securebase.systemtests.WrittenTexts;
import org.securebase.systemtests.authorization.ApiService;
import org.securebase.systemtests.authorization.Http;
import org.securebase.systemtests.authorization.StackAccess;
import org.springframework.util.FileSystemUtils;

import tools.jackson.databind.JsonNode;

/**
 * The restore drill: the database server is lost and everything comes back from its backup. Through the APIs, a
 * therapist and a client made for this run get a caseload, an assignment with two answers, a hand-in, feedback, a
 * reply, a shared journal entry and the therapist's audited reads. Then every login role is made NOLOGIN (so nothing
 * writes), every table of the five databases (content, journal, account, portal, keycloak) is counted and digested,
 * and the stopped server's data directory is copied away: a file-system backup of the whole cluster. The directory
 * is deleted and the server starts on a new, empty cluster (journal-service answers 503, not 500), then stops; the
 * backup is put back and the server starts from it. Every table must hold exactly the rows it held; after the roles
 * may log in again, the client signs in (Keycloak's users and credentials came back), reads every text decrypted
 * (the keyset is in the database, its key-encryption key outside), the audit still lists the therapist's reads, and
 * the projections work on: the therapist assigns new homework to the client (journal-service's caseload) and the
 * client gets its mail (account-service consumes journal-service's events again).
 *
 * <p>The backup is a file-system copy because the embedded PostgreSQL has no {@code pg_dump}; the Compose backup
 * and restore commands themselves are exercised by deploy/validation against a real PostgreSQL. Runs after every
 * other suite but the mail scan, because it takes the database away from the whole stack for a minute.
 */
@ExtendWith(RunningStack.class)
@Order(Integer.MAX_VALUE - 1)
class RestoreDrillIT {

    private static final List<String> DATABASES = List.of("content", "journal", "journal_keys", "account", "portal",
            "keycloak");
    private static final Duration RECOVERY = Duration.ofSeconds(120);

    private final Http http = new Http();

    @Test
    void everythingComesBackFromTheBackup() throws Exception {
        SecureBaseStack stack = RunningStack.get();
        StackAccess access = StackAccess.of(stack);
        String run = StackAccess.runMark();
        String therapistEmail = "rhea.restorer." + run + "@example.org";
        String clientEmail = "rory.restored." + run + "@example.org";
        UUID therapistId = access.newPerson(therapistEmail, "Rhea", "Restorer" + run, "therapist");
        UUID clientId = access.newPerson(clientEmail, "Rory", "Restored" + run, "client");
        access.putOnCaseload(clientId, therapistId);
        String therapist = token(access, therapistEmail);
        String client = token(access, clientEmail);

        // What the drill must get back: texts written through the APIs, encrypted at rest.
        String canary = "Anchor" + run;
        Map<String, String> written = new LinkedHashMap<>();
        written.put("question 1", "What steadied you this week, " + canary + "?");
        written.put("question 2", "Who did you call when it was hard?");
        written.put("answer 1", "The morning walk by the river, " + canary + ".");
        written.put("answer 2", "My aunt, twice.");
        written.put("feedback", "Keep that walk, " + canary + "; notice what it gives you.");
        written.put("reply", "I will, thank you.");
        written.put("entry", "Slept well after the walk, " + canary + ".");
        WrittenTexts.wrote(written.values().toArray(String[]::new));
        UUID assignment = assign(access, therapist, clientId, written.get("question 1"), written.get("question 2"));
        JsonNode prompts = http.get(journal(access, "/api/journal/assignments/" + assignment), client).expect(200).json()
                .path("prompts");
        for (int i = 0; i < 2; i++) {
            http.send("PUT", journal(access, "/api/journal/assignments/" + assignment + "/answers/"
                    + prompts.path(i).path("id").asString()), client, Map.of("text", written.get("answer " + (i + 1))),
                    Map.of()).expect(200);
        }
        http.send("POST", journal(access, "/api/journal/assignments/" + assignment + "/submit"), client, null, Map.of())
                .expect(200);
        String answerId = http.get(journal(access, "/api/journal/assignments/" + assignment), therapist).expect(200).json()
                .path("prompts").path(0).path("answer").path("id").asString();
        String feedbackId = http.send("POST", journal(access, "/api/journal/assignments/" + assignment + "/answers/"
                + answerId + "/feedback"), therapist, Map.of("body", written.get("feedback")), Map.of()).expect(201)
                .json().path("id").asString();
        http.send("POST", journal(access, "/api/journal/assignments/" + assignment + "/feedback/" + feedbackId + "/replies"),
                client, Map.of("body", written.get("reply")), Map.of()).expect(201);
        String entryId = http.send("POST", journal(access, "/api/journal/entries"), client,
                Map.of("title", "Tuesday", "body", written.get("entry")), Map.of()).expect(201).json().path("id").asString();
        http.send("POST", journal(access, "/api/journal/entries/" + entryId + "/share"), client, null, Map.of()).expect(200);
        http.get(journal(access, "/api/journal/shared-entries/" + entryId), therapist).expect(200);
        http.get(journal(access, "/api/journal/assignments/" + assignment + "/feedback"), therapist).expect(200);
        List<String> auditedReads = auditIds(access, client);
        assertThat(auditedReads).as("the therapist's reads, audited").isNotEmpty();

        // Nothing writes from here on: the drill compares every row.
        List<String> roles = loginRoles(stack);
        setLogin(stack, roles, false);
        Map<String, DatabaseSnapshot> before = snapshots(stack);
        Path backup = Path.of("target", "restore-drill-backup").toAbsolutePath();
        deleteRecursively(backup);
        try {
            stack.whilePostgresStopped(dataDirectory -> copyRecursively(dataDirectory, backup));

            // The server is lost: a new, empty cluster in its place.
            stack.whilePostgresStopped(RestoreDrillIT::deleteRecursively);
            Http.Response unavailable = http.get(journal(access, "/api/journal/assignments/" + assignment), client);
            assertThat(unavailable.status()).as("journal-service without its database").isEqualTo(503);
            assertThat(unavailable.isProblemJson()).isTrue();

            // The restore.
            stack.whilePostgresStopped(dataDirectory -> {
                deleteRecursively(dataDirectory);
                copyRecursively(backup, dataDirectory);
            });
        } finally {
            deleteRecursively(backup);
        }
        Map<String, DatabaseSnapshot> after = snapshots(stack);
        setLogin(stack, roles, true);

        List<String> differences = new ArrayList<>();
        long rowsCompared = 0;
        long missing = 0;
        int tables = 0;
        for (String database : DATABASES) {
            DatabaseSnapshot was = before.get(database);
            DatabaseSnapshot is = after.get(database);
            rowsCompared += was.rows();
            tables += was.tables().size();
            differences.addAll(was.differencesIn(is));
            missing += was.missingRowsIn(is);
        }

        // Back in service: sign-ins, decrypted texts, the audit, and projections that go on working.
        String clientAgain = awaitToken(access, clientEmail);
        String therapistAgain = awaitToken(access, therapistEmail);
        JsonNode restored = Http.awaitStatus("journal-service reads the restored database", 200, RECOVERY,
                () -> http.get(journal(access, "/api/journal/assignments/" + assignment), clientAgain)).json();
        List<String> readBack = new ArrayList<>();
        restored.path("prompts").forEach(prompt -> {
            readBack.add(prompt.path("question").asString());
            readBack.add(prompt.path("answer").path("text").asString());
        });
        http.get(journal(access, "/api/journal/assignments/" + assignment + "/feedback"), clientAgain).expect(200).json()
                .findValues("body").forEach(text -> readBack.add(text.asString()));
        readBack.add(http.get(journal(access, "/api/journal/entries/" + entryId), clientAgain).expect(200).json()
                .path("body").asString());
        long unreadable = written.values().stream().filter(text -> !readBack.contains(text)).count();
        assertThat(auditIds(access, clientAgain)).as("the audit after the restore").containsAll(auditedReads);
        assertThat(http.get(accounts(access, "/api/accounts/me"), clientAgain).expect(200).json().path("id").asString())
                .isEqualTo(clientId.toString());
        UUID afterRestore = Http.awaitStatus("a new assignment on the restored caseload", 201, RECOVERY,
                () -> http.send("POST", journal(access, "/api/journal/assignments"), therapistAgain,
                        newAssignment(access, therapistAgain, clientId, "And since then?"), Map.of()))
                .json().path("id").asString().transform(UUID::fromString);
        await("the new-homework mail of the assignment made after the restore").atMost(RECOVERY)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> stack.mail().messagesTo(clientEmail).stream()
                        .anyMatch(mail -> mail.text().contains("/assignments/" + afterRestore)));
        awaitEveryServiceReady(stack);

        System.out.printf("restore-drill databases=%d tables=%d rows-compared=%d missing=%d changed=%d unreadable=%d "
                        + "texts=%d audited-reads=%d%n", DATABASES.size(), tables, rowsCompared, missing,
                differences.size(), unreadable, written.size(), auditedReads.size());
        assertThat(differences).as("tables not as they were backed up").isEmpty();
        assertThat(missing).isZero();
        assertThat(unreadable).as("texts not read back decrypted").isZero();
    }

    private UUID assign(StackAccess access, String therapist, UUID clientId, String... questions) {
        Map<String, Object> body = newAssignment(access, therapist, clientId, questions);
        return Http.awaitStatus("the client's caseload reaches journal-service", 201, Duration.ofSeconds(90),
                () -> http.send("POST", journal(access, "/api/journal/assignments"), therapist, body, Map.of()))
                .json().path("id").asString().transform(UUID::fromString);
    }

    private Map<String, Object> newAssignment(StackAccess access, String therapist, UUID clientId, String... questions) {
        String article = http.get(access.serviceUrl(ApiService.CONTENT) + "/api/content/articles/attachment-and-healing",
                therapist).expect(200).json().path("id").asString();
        return Map.of("clientId", clientId, "articleId", article,
                "prompts", Stream.of(questions).map(question -> Map.of("kind", "TEXT", "question", question)).toList(),
                "dueAt", StackClock.journalNow().plus(Duration.ofDays(5)).toString());
    }

    private List<String> auditIds(StackAccess access, String client) {
        List<String> ids = new ArrayList<>();
        http.get(journal(access, "/api/journal/audit?limit=100"), client).expect(200).json().path("items")
                .forEach(record -> ids.add(record.path("id").asString()));
        return ids;
    }

    private static Map<String, DatabaseSnapshot> snapshots(SecureBaseStack stack) {
        Map<String, DatabaseSnapshot> snapshots = new LinkedHashMap<>();
        for (String database : DATABASES) {
            snapshots.put(database, DatabaseSnapshot.of(database, stack.superuserJdbcUrl(database)));
        }
        return snapshots;
    }

    /** The roles the services and Keycloak log in as (everyone but the superuser). */
    private static List<String> loginRoles(SecureBaseStack stack) throws SQLException {
        List<String> roles = new ArrayList<>();
        try (Connection connection = superuser(stack); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select rolname from pg_roles where rolcanlogin and not rolsuper")) {
            while (rs.next()) {
                roles.add(rs.getString(1));
            }
        }
        assertThat(roles).as("the services' and Keycloak's roles").hasSizeGreaterThanOrEqualTo(DATABASES.size());
        return roles;
    }

    /** Lets the roles log in, or not (and then ends their sessions, so nothing writes any more). */
    private static void setLogin(SecureBaseStack stack, List<String> roles, boolean login) throws SQLException {
        try (Connection connection = superuser(stack); Statement statement = connection.createStatement()) {
            for (String role : roles) {
                statement.execute("alter role " + quoted(role) + (login ? " login" : " nologin"));
            }
            if (!login) {
                try (ResultSet ignored = statement.executeQuery("select pg_terminate_backend(pid) from pg_stat_activity "
                        + "where usename in (select rolname from pg_roles where not rolsuper)")) {
                    // ends every session of the roles
                }
            }
        }
    }

    /** Roles and sessions are the cluster's: any of its databases will do. */
    private static Connection superuser(SecureBaseStack stack) throws SQLException {
        return DriverManager.getConnection(stack.superuserJdbcUrl("journal"), "postgres", "postgres");
    }

    private static String quoted(String role) {
        return "\"" + role.replace("\"", "\"\"") + "\"";
    }

    private String awaitToken(StackAccess access, String email) {
        return await("Keycloak signs " + email + " in from the restored database").atMost(RECOVERY)
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> token(access, email), token -> token != null && !token.isBlank());
    }

    private static String token(StackAccess access, String email) {
        return access.portal().login(email, access.demoPassword()).accessToken();
    }

    private void awaitEveryServiceReady(SecureBaseStack stack) {
        for (int port : List.of(stack.config().gatewayPort(), stack.config().portalPort(), stack.config().contentPort(),
                stack.config().journalPort(), stack.config().accountPort())) {
            Http.awaitStatus("readiness on " + (port + 1000), 200, RECOVERY,
                    () -> http.get("http://localhost:" + (port + 1000) + "/actuator/health/readiness", null));
        }
    }

    private static String journal(StackAccess access, String path) {
        return access.serviceUrl(ApiService.JOURNAL) + path;
    }

    private static String accounts(StackAccess access, String path) {
        return access.serviceUrl(ApiService.ACCOUNTS) + path;
    }

    /** With each file's attributes: PostgreSQL refuses a data directory others may read (Spring's copy sets none). */
    private static void copyRecursively(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    private static void deleteRecursively(Path path) {
        try {
            FileSystemUtils.deleteRecursively(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
