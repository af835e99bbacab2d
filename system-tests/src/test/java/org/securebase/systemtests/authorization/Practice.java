package org.securebase.systemtests.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.securebase.systemtests.WrittenTexts;
import org.securebase.platform.embedded.keycloak.KeycloakAdmin;
import org.securebase.platform.embedded.keycloak.OidcBrowserlessLogin;

/**
 * The practice the matrix is run against, made through the APIs as its people would: a second client on a second
 * therapist's caseload next to the demo ones, and the owner's (demo client's) assignments, answers, feedback,
 * journal entries, plus articles in each state. Also makes throwaway objects on demand.
 */
final class Practice implements PracticeObjects, Throwaways {

    static final String SEED_SLUG = "attachment-and-healing";
    private static final Duration PROJECTION_TIMEOUT = Duration.ofSeconds(60);

    private final StackAccess stack;
    private final People people;
    private final String run;
    private final Http http = new Http();
    private final AtomicInteger made = new AtomicInteger();
    private final Map<Caller, UUID> ids = new EnumMap<>(Caller.class);

    private UUID seedArticleId;
    private String draftSlug;
    private String publishedSlug;
    private String retractedPinnedSlug;
    private UUID submittedAssignmentId;
    private UUID submittedAnswerId;
    private UUID feedbackId;
    private UUID openAssignmentId;
    private UUID openPromptId;
    private UUID measureScheduleId;
    private UUID openMeasureId;
    private UUID submittedMeasureId;
    private UUID programId;
    private UUID programEnrolmentId;
    private UUID recordExportId;
    private UUID legalHoldId;
    private UUID sharedEntryId;
    private UUID privateEntryId;

    private Practice(StackAccess stack, People people, String run) {
        this.stack = stack;
        this.people = people;
        this.run = run;
    }

    static Practice setUp(StackAccess stack) {
        // Keycloak takes person names of letters only, so the run's mark is the clock's digits spelled as letters.
        String run = Long.toString(System.nanoTime() % 1_000_000_000L).chars()
                .mapToObj(digit -> String.valueOf((char) ('a' + digit - '0'))).collect(Collectors.joining());
        Map<Caller, String> emails = new EnumMap<>(Caller.class);
        emails.put(Caller.OWNER_CLIENT, "client@securebase.test");
        emails.put(Caller.OWN_THERAPIST, "therapist@securebase.test");
        emails.put(Caller.ADMIN, "admin@securebase.test");
        emails.put(Caller.OTHER_CLIENT, "olive.other." + run + "@example.org");
        emails.put(Caller.OTHER_THERAPIST, "oscar.other." + run + "@example.org");
        KeycloakAdmin keycloak = stack.keycloakAdmin();
        // mfa-exempt as the demo users have it, so that a password alone logs them in without a browser.
        keycloak.createUser(emails.get(Caller.OTHER_CLIENT), "Olive", "Other" + run, stack.demoPassword(),
                "client", "mfa-exempt");
        keycloak.createUser(emails.get(Caller.OTHER_THERAPIST), "Oscar", "Other" + run, stack.demoPassword(),
                "therapist", "mfa-exempt");

        Practice practice = new Practice(stack, new People(stack, emails), run);
        Instant expiredAfter = practice.issueShortLivedTokens(emails);
        practice.meetEveryone();
        practice.deactivateSomeoneWithAToken();
        practice.someoneWithTwoRoles();
        practice.makeTheOwnersObjects();
        // The services allow 30 s of clock skew: only after that is an expired token refused for being expired.
        await("the short-lived tokens expiring").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Instant.now().isAfter(expiredAfter.plusSeconds(31)));
        return practice;
    }

    /**
     * Each person's genuine token, issued while the realm's access token lifespan is cut to a few seconds (restored
     * at once); returns when the last of them expires.
     */
    private Instant issueShortLivedTokens(Map<Caller, String> emails) {
        KeycloakAdmin keycloak = stack.keycloakAdmin();
        int lifespan = keycloak.realmSetting("accessTokenLifespan").asInt();
        Map<Caller, String> tokens = new EnumMap<>(Caller.class);
        long expiresAt = 0;
        keycloak.updateRealmSettings(Map.of("accessTokenLifespan", 5));
        try {
            for (Caller person : Caller.PEOPLE) {
                String token = stack.portal().login(emails.get(person), stack.demoPassword()).accessToken();
                tokens.put(person, token);
                expiresAt = Math.max(expiresAt, OidcBrowserlessLogin.Tokens.claims(token).path("exp").asLong());
            }
        } finally {
            keycloak.updateRealmSettings(Map.of("accessTokenLifespan", lifespan));
        }
        people.expiredTokens(tokens);
        return Instant.ofEpochSecond(expiresAt);
    }

    /**
     * A client logs in, then the admin deactivates them: their access token stays valid for minutes, and every service
     * must refuse it as soon as it has heard of the deactivation (journal-service and content-service from
     * account-service's event, so this waits for both).
     */
    private void deactivateSomeoneWithAToken() {
        String email = "dana.deactivated." + run + "@example.org";
        stack.keycloakAdmin().createUser(email, "Dana", "Deactivated" + run, stack.demoPassword(), "client", "mfa-exempt");
        String token = stack.portal().login(email, stack.demoPassword()).accessToken();
        UUID id = UUID.fromString(http.send("GET", stack.serviceUrl(ApiService.ACCOUNTS) + "/api/accounts/me", token, null,
                Map.of()).expect(200).json().path("id").asString());
        call(Caller.ADMIN, ApiService.ACCOUNTS, "POST", "/api/accounts/" + id + "/deactivation", null).expect(200);
        for (ApiService service : ApiService.values()) {
            String path = switch (service) {
                case CONTENT -> "/api/content/articles";
                case JOURNAL -> "/api/journal/entries";
                case ACCOUNTS -> "/api/accounts/me";
            };
            Http.awaitStatus(service.serviceName() + " hearing of the deactivation", 401, PROJECTION_TIMEOUT,
                    () -> http.send("GET", stack.serviceUrl(service) + path, token, null, Map.of()));
        }
        people.deactivatedPersonsToken(token);
    }

    /**
     * Someone made both client and therapist in Keycloak's console, as an administrator might by mistake: Keycloak
     * issues a token, and every service and the gateway must refuse it (a person holds exactly one role).
     */
    private void someoneWithTwoRoles() {
        String email = "pat.tworoles." + run + "@example.org";
        stack.keycloakAdmin().createUser(email, "Pat", "Tworoles" + run, stack.demoPassword(), "client", "therapist",
                "mfa-exempt");
        String token = stack.portal().login(email, stack.demoPassword()).accessToken();
        assertThat(OidcBrowserlessLogin.Tokens.claims(token).path("realm_access").path("roles").toString())
                .as("Keycloak issued a token naming both roles").contains("\"client\"").contains("\"therapist\"");
        people.twoRolesToken(token);
    }

    People people() {
        return people;
    }

    /**
     * Everyone's first call to account-service: it learns of people created in Keycloak when they first show up.
     * Then the admin puts the other client on the other therapist's caseload.
     */
    private void meetEveryone() {
        for (Caller person : Caller.PEOPLE) {
            UUID id = UUID.fromString(call(person, ApiService.ACCOUNTS, "GET", "/api/accounts/me", null)
                    .expect(200).json().path("id").asString());
            if (!id.equals(people.id(person))) {
                throw new IllegalStateException("account-service knows " + person + " as " + id
                        + ", the token names " + people.id(person));
            }
            ids.put(person, id);
        }
        call(Caller.ADMIN, ApiService.ACCOUNTS, "PUT", "/api/accounts/" + otherClientId() + "/therapist",
                Map.of("therapistId", otherTherapistId())).expect(200);
    }

    private void makeTheOwnersObjects() {
        WrittenTexts.wrote(CLINICAL_MARKER, PRIVATE_MARKER);
        seedArticleId = UUID.fromString(call(Caller.OWN_THERAPIST, ApiService.CONTENT, "GET",
                "/api/content/articles/" + SEED_SLUG, null).expect(200).json().path("id").asString());

        submittedAssignmentId = assign(seedArticleId);
        submittedAnswerId = answer(submittedAssignmentId, firstPromptOf(submittedAssignmentId));
        call(Caller.OWNER_CLIENT, ApiService.JOURNAL, "POST", "/api/journal/assignments/" + submittedAssignmentId + "/submit",
                null).expect(200);
        feedbackId = UUID.fromString(call(Caller.OWN_THERAPIST, ApiService.JOURNAL, "POST",
                "/api/journal/assignments/" + submittedAssignmentId + "/answers/" + submittedAnswerId + "/feedback",
                AccessRules.feedback()).expect(201).json().path("id").asString());

        openAssignmentId = assign(seedArticleId);
        openPromptId = firstPromptOf(openAssignmentId);

        measureScheduleId = schedulePhq9(2);
        openMeasureId = openInstanceOf(measureScheduleId);
        submittedMeasureId = freshAttentionMeasure();

        programId = program();
        programEnrolmentId = enrol(programId);

        sharedEntryId = freshEntry(true);
        privateEntryId = entry(AccessRules.privateEntry());

        recordExportId = readyCopyOfTheOwnersRecord();
        legalHoldId = freshLegalHold();

        draftSlug = freshDraft();
        publishedSlug = freshPublishedArticle();
        retractedPinnedSlug = retractedButPinnedToTheOwner();

        // The leak check looks for the markers in answers; if those entitled to them did not see them either,
        // it would check nothing.
        requireShown(PRIVATE_MARKER, call(Caller.OWNER_CLIENT, ApiService.JOURNAL, "GET",
                "/api/journal/entries/" + privateEntryId, null));
        requireShown(CLINICAL_MARKER, call(Caller.OWN_THERAPIST, ApiService.JOURNAL, "GET",
                "/api/journal/shared-entries/" + sharedEntryId, null));
    }

    /** The owner asks for a copy of their record; journal-service prepares it in the background. */
    private UUID readyCopyOfTheOwnersRecord() {
        UUID id = UUID.fromString(call(Caller.OWNER_CLIENT, ApiService.JOURNAL, "POST", "/api/journal/record-exports",
                Map.of()).expect(202).json().path("id").asString());
        await("the owner's copy of their record").atMost(PROJECTION_TIMEOUT).until(() -> "READY".equals(
                call(Caller.OWNER_CLIENT, ApiService.JOURNAL, "GET", "/api/journal/record-exports/" + id, null)
                        .expect(200).json().path("status").asString()));
        return id;
    }

    private static void requireShown(String marker, Http.Response response) {
        if (!response.expect(200).body().contains(marker)) {
            throw new IllegalStateException(response.url() + " does not show " + marker + ": " + response.body());
        }
    }

    /**
     * Published, assigned to the owner, then retracted: content-service keeps the assigned version readable for the
     * owner, once its projection has seen the assignment.
     */
    private String retractedButPinnedToTheOwner() {
        String slug = freshPublishedArticle();
        UUID articleId = UUID.fromString(call(Caller.OWN_THERAPIST, ApiService.CONTENT, "GET",
                "/api/content/articles/" + slug, null).expect(200).json().path("id").asString());
        assign(articleId);
        call(Caller.OWN_THERAPIST, ApiService.CONTENT, "POST", "/api/content/articles/" + slug + "/retract", null)
                .expect(200);
        Http.awaitStatus("content-service pinning the assigned version for the owner", 200, PROJECTION_TIMEOUT,
                () -> call(Caller.OWNER_CLIENT, ApiService.CONTENT, "GET",
                        "/api/content/articles/" + slug + "/versions/1", null));
        return slug;
    }

    /**
     * The own therapist assigns the article to the owner. journal-service accepts it only once its projections have
     * the caseload (from account-service) and the article (from content-service), both fed by events.
     */
    private UUID assign(UUID articleId) {
        Http.Response created = Http.awaitStatus("journal-service knowing the caseload and the article", 201, PROJECTION_TIMEOUT,
                () -> call(Caller.OWN_THERAPIST, ApiService.JOURNAL, "POST", "/api/journal/assignments",
                        AccessRules.assignment(ownerClientId(), articleId)));
        return UUID.fromString(created.json().path("id").asString());
    }

    private UUID firstPromptOf(UUID assignmentId) {
        return UUID.fromString(call(Caller.OWNER_CLIENT, ApiService.JOURNAL, "GET", "/api/journal/assignments/" + assignmentId,
                null).expect(200).json().path("prompts").path(0).path("id").asString());
    }

    private UUID answer(UUID assignmentId, UUID promptId) {
        return UUID.fromString(call(Caller.OWNER_CLIENT, ApiService.JOURNAL, "PUT",
                "/api/journal/assignments/" + assignmentId + "/answers/" + promptId, AccessRules.answer())
                .expect(200).json().path("id").asString());
    }

    /** The own therapist assigns PHQ-9 to the owner, once (null) or every {@code everyWeeks} weeks. */
    private UUID schedulePhq9(Integer everyWeeks) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", ownerClientId().toString());
        body.put("instrument", "phq-9");
        body.put("everyWeeks", everyWeeks);
        Http.Response created = Http.awaitStatus("journal-service knowing the caseload", 201, PROJECTION_TIMEOUT,
                () -> call(Caller.OWN_THERAPIST, ApiService.JOURNAL, "POST", "/api/journal/measures/schedules", body));
        return UUID.fromString(created.json().path("id").asString());
    }

    /** A program whose first step waits 90 days: enrolments stay active and deliver nothing while the suites run. */
    private UUID program() {
        return UUID.fromString(call(Caller.OWN_THERAPIST, ApiService.JOURNAL, "POST", "/api/journal/programs",
                AccessRules.program(seedArticleId)).expect(201).json().path("id").asString());
    }

    private UUID enrol(UUID program) {
        Http.Response enrolled = Http.awaitStatus("journal-service knowing the caseload", 201, PROJECTION_TIMEOUT,
                () -> call(Caller.OWN_THERAPIST, ApiService.JOURNAL, "POST", "/api/journal/programs/" + program
                        + "/enrolments", AccessRules.enrolment(ownerClientId())));
        return UUID.fromString(enrolled.json().path("id").asString());
    }

    private UUID openInstanceOf(UUID scheduleId) {
        for (var instance : call(Caller.OWNER_CLIENT, ApiService.JOURNAL, "GET", "/api/journal/measures", null)
                .expect(200).json()) {
            if (instance.path("scheduleId").asString().equals(scheduleId.toString())
                    && !instance.path("status").asString().equals("SUBMITTED")) {
                return UUID.fromString(instance.path("id").asString());
            }
        }
        throw new IllegalStateException("no open instance of measure schedule " + scheduleId);
    }

    /** Answers every PHQ-9 item of the instance, item 9 with {@code item9}. */
    private UUID answerPhq9(UUID instanceId, int item9) {
        for (int item = 1; item <= 9; item++) {
            call(Caller.OWNER_CLIENT, ApiService.JOURNAL, "PUT", "/api/journal/measures/" + instanceId + "/answers/" + item,
                    Map.of("value", item == 9 ? item9 : 1)).expect(200);
        }
        return instanceId;
    }

    private UUID entry(Object body) {
        return UUID.fromString(call(Caller.OWNER_CLIENT, ApiService.JOURNAL, "POST", "/api/journal/entries", body)
                .expect(201).json().path("id").asString());
    }

    /** A call straight to the service, not through the gateway: setting up is not what is being tested. */
    Http.Response call(Caller person, ApiService service, String method, String path, Object body) {
        return http.send(method, stack.serviceUrl(service) + path, people.token(person), body, Map.of());
    }

    /**
     * What {@code caller} must never find in an answer it is given: the other client and therapist nothing of the
     * owner's, the own therapist not the private entry, the admin no clinical text.
     */
    Set<String> hiddenFrom(Caller caller) {
        Set<String> owners = Set.of(ownerClientId().toString(), submittedAssignmentId.toString(),
                openAssignmentId.toString(), submittedAnswerId.toString(), feedbackId.toString(),
                sharedEntryId.toString(), privateEntryId.toString(), measureScheduleId.toString(),
                openMeasureId.toString(), submittedMeasureId.toString(), programEnrolmentId.toString(), recordExportId.toString(),
                CLINICAL_MARKER, PRIVATE_MARKER);
        return switch (caller) {
            case OWNER_CLIENT -> Set.of();
            case OWN_THERAPIST -> Set.of(privateEntryId.toString(), PRIVATE_MARKER);
            case ADMIN -> Set.of(CLINICAL_MARKER, PRIVATE_MARKER);
            default -> owners;
        };
    }

    /** For the failure message: which object each id is, so a listed request can be read without the database. */
    Map<String, String> objectNames() {
        Map<String, String> names = new LinkedHashMap<>();
        ids.forEach((person, id) -> names.put(id.toString(), person.name().toLowerCase()));
        names.put(submittedAssignmentId.toString(), "submitted-assignment");
        names.put(openAssignmentId.toString(), "open-assignment");
        names.put(submittedAnswerId.toString(), "answer");
        names.put(feedbackId.toString(), "feedback");
        names.put(sharedEntryId.toString(), "shared-entry");
        names.put(privateEntryId.toString(), "private-entry");
        names.put(measureScheduleId.toString(), "measure-schedule");
        names.put(openMeasureId.toString(), "open-measure");
        names.put(submittedMeasureId.toString(), "submitted-measure");
        names.put(programId.toString(), "program");
        names.put(programEnrolmentId.toString(), "program-enrolment");
        names.put(recordExportId.toString(), "record-export");
        return names;
    }

    // ------------------------------------------------------------------------------------------ throwaways

    @Override
    public String freshDraft() {
        String slug = uniqueSlug();
        call(Caller.OWN_THERAPIST, ApiService.CONTENT, "POST", "/api/content/articles", AccessRules.newArticle(slug))
                .expect(201);
        return slug;
    }

    @Override
    public String freshPublishedArticle() {
        String slug = freshDraft();
        call(Caller.OWN_THERAPIST, ApiService.CONTENT, "POST", "/api/content/articles/" + slug + "/publish", null)
                .expect(200);
        return slug;
    }

    @Override
    public UUID freshAnsweredAssignment() {
        UUID assignment = assign(seedArticleId);
        answer(assignment, firstPromptOf(assignment));
        return assignment;
    }

    @Override
    public UUID freshProgram() {
        return program();
    }

    @Override
    public UUID freshProgramEnrolment() {
        return enrol(program());
    }

    @Override
    public UUID freshMeasureSchedule() {
        return schedulePhq9(null);
    }

    @Override
    public UUID freshAnsweredMeasure() {
        return answerPhq9(openInstanceOf(schedulePhq9(null)), 0);
    }

    @Override
    public UUID freshAttentionMeasure() {
        UUID instance = answerPhq9(openInstanceOf(schedulePhq9(null)), 1);
        call(Caller.OWNER_CLIENT, ApiService.JOURNAL, "POST", "/api/journal/measures/" + instance + "/submit", null)
                .expect(200);
        return instance;
    }

    @Override
    public UUID freshEntry(boolean shared) {
        UUID entry = entry(AccessRules.clinicalEntry());
        if (shared) {
            call(Caller.OWNER_CLIENT, ApiService.JOURNAL, "POST", "/api/journal/entries/" + entry + "/share", null)
                    .expect(200);
        }
        return entry;
    }

    @Override
    public UUID freshInvitedClient() {
        return UUID.fromString(call(Caller.ADMIN, ApiService.ACCOUNTS, "POST", "/api/accounts",
                AccessRules.invitation(uniqueEmail())).expect(201).json().path("id").asString());
    }

    @Override
    public UUID freshKnownClient() {
        // Made in Keycloak and met through a first call, not invited: invitations are limited per admin and hour.
        String email = "closing." + run + "." + made.incrementAndGet() + "@example.org";
        stack.keycloakAdmin().createUser(email, "Cleo", "Closing" + run, stack.demoPassword(), "client", "mfa-exempt");
        String token = stack.portal().login(email, stack.demoPassword()).accessToken();
        return UUID.fromString(http.send("GET", stack.serviceUrl(ApiService.ACCOUNTS) + "/api/accounts/me", token, null,
                Map.of()).expect(200).json().path("id").asString());
    }

    @Override
    public UUID freshErasableClient() {
        UUID client = freshKnownClient();
        call(Caller.ADMIN, ApiService.ACCOUNTS, "POST", "/api/accounts/" + client + "/closure", null).expect(200);
        stack.closedLongAgo(client);
        return client;
    }

    @Override
    public UUID freshLegalHold() {
        return UUID.fromString(call(Caller.ADMIN, ApiService.ACCOUNTS, "POST",
                "/api/accounts/" + ownerClientId() + "/legal-holds", Map.of("reason", "Matrix matter " + run))
                .expect(201).json().path("id").asString());
    }

    @Override
    public UUID freshDeactivatedClient() {
        UUID client = freshInvitedClient();
        call(Caller.ADMIN, ApiService.ACCOUNTS, "POST", "/api/accounts/" + client + "/deactivation", null).expect(200);
        return client;
    }

    String uniqueSlug() {
        return "matrix-" + run + "-" + made.incrementAndGet();
    }

    String uniqueEmail() {
        return "invitee." + run + "." + made.incrementAndGet() + "@example.org";
    }

    // ------------------------------------------------------------------------------------------ the objects

    @Override
    public UUID ownerClientId() {
        return ids.get(Caller.OWNER_CLIENT);
    }

    @Override
    public UUID otherClientId() {
        return ids.get(Caller.OTHER_CLIENT);
    }

    @Override
    public UUID ownTherapistId() {
        return ids.get(Caller.OWN_THERAPIST);
    }

    @Override
    public UUID otherTherapistId() {
        return ids.get(Caller.OTHER_THERAPIST);
    }

    @Override
    public UUID seedArticleId() {
        return seedArticleId;
    }

    @Override
    public String seedSlug() {
        return SEED_SLUG;
    }

    @Override
    public String draftSlug() {
        return draftSlug;
    }

    @Override
    public String publishedSlug() {
        return publishedSlug;
    }

    @Override
    public String retractedPinnedSlug() {
        return retractedPinnedSlug;
    }

    @Override
    public UUID submittedAssignmentId() {
        return submittedAssignmentId;
    }

    @Override
    public UUID submittedAnswerId() {
        return submittedAnswerId;
    }

    @Override
    public UUID feedbackId() {
        return feedbackId;
    }

    @Override
    public UUID openAssignmentId() {
        return openAssignmentId;
    }

    @Override
    public UUID openPromptId() {
        return openPromptId;
    }

    @Override
    public UUID measureScheduleId() {
        return measureScheduleId;
    }

    @Override
    public UUID openMeasureId() {
        return openMeasureId;
    }

    @Override
    public UUID submittedMeasureId() {
        return submittedMeasureId;
    }

    @Override
    public UUID programId() {
        return programId;
    }

    @Override
    public UUID programEnrolmentId() {
        return programEnrolmentId;
    }

    @Override
    public UUID recordExportId() {
        return recordExportId;
    }

    @Override
    public UUID legalHoldId() {
        return legalHoldId;
    }

    @Override
    public UUID sharedEntryId() {
        return sharedEntryId;
    }

    @Override
    public UUID privateEntryId() {
        return privateEntryId;
    }

    @Override
    public String articleEtag(String slug) {
        return call(Caller.OWN_THERAPIST, ApiService.CONTENT, "GET", "/api/content/articles/" + slug, null)
                .expect(200).etag();
    }
}
