package org.securebase.systemtests.authorization;

import static org.securebase.systemtests.authorization.ApiService.ACCOUNTS;
import static org.securebase.systemtests.authorization.ApiService.CONTENT;
import static org.securebase.systemtests.authorization.ApiService.JOURNAL;
import static org.securebase.systemtests.authorization.Caller.ADMIN;
import static org.securebase.systemtests.authorization.Caller.OTHER_CLIENT;
import static org.securebase.systemtests.authorization.Caller.OTHER_THERAPIST;
import static org.securebase.systemtests.authorization.Caller.OWNER_CLIENT;
import static org.securebase.systemtests.authorization.Caller.OWN_THERAPIST;
import static org.securebase.systemtests.authorization.PracticeObjects.CLINICAL_MARKER;
import static org.securebase.systemtests.authorization.PracticeObjects.PRIVATE_MARKER;
import static org.securebase.systemtests.authorization.Rule.rule;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.securebase.systemtests.StackClock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * docs/architecture.md's "Authorization" as a table: for each endpoint of the OpenAPI documents, what each person may do with the
 * owner's objects. Read a rule as "the owner client and the own therapist may; the other client and the other
 * therapist get 404, as if it did not exist; the admin's role never may (403)". The table must name every
 * documented endpoint and nothing else, so a new endpoint cannot ship without a decision here.
 */
final class AccessRules {

    private static final Caller[] EVERYONE = Caller.PEOPLE.toArray(Caller[]::new);
    private static final Caller[] CLIENTS = { OWNER_CLIENT, OTHER_CLIENT };
    private static final Caller[] THERAPISTS = { OWN_THERAPIST, OTHER_THERAPIST };
    /**
     * Who writes articles and reads the library's drafts. An article is then changed by its author only (the fixture's
     * articles are the own therapist's); an admin may also retract it.
     */
    private static final Caller[] AUTHORS = { OWN_THERAPIST, OTHER_THERAPIST, ADMIN };
    private static final Caller[] ALL_BUT_ADMIN = { OWNER_CLIENT, OTHER_CLIENT, OWN_THERAPIST, OTHER_THERAPIST };

    private static final AtomicLong UNIQUE = new AtomicLong(System.nanoTime());

    private AccessRules() {
    }

    static List<Rule> table() {
        List<Rule.Builder> rules = new ArrayList<>();
        rules.addAll(articles());
        rules.addAll(assignments());
        rules.addAll(journal());
        rules.addAll(measures());
        rules.addAll(programs());
        rules.addAll(records());
        rules.addAll(accounts());
        Stream.of(ApiService.values()).forEach(service -> rules.addAll(errorPage(service)));
        return rules.stream().map(Rule.Builder::build).toList();
    }

    /**
     * Read published articles: everyone. Write, import and export: therapists and admins. Change and publish: the
     * author. Retract: the author and admins.
     */
    private static List<Rule.Builder> articles() {
        return List.of(
                rule(CONTENT, "GET", "/api/content/articles").variant("the library")
                        .allowed(EVERYONE),
                rule(CONTENT, "GET", "/api/content/articles").variant("drafts")
                        .query(objects -> "status=draft")
                        .allowed(AUTHORS).forbidden(CLIENTS),
                rule(CONTENT, "POST", "/api/content/articles")
                        .body(objects -> newArticle("matrix-new-" + Long.toString(UNIQUE.incrementAndGet(), 36)))
                        .allowed(AUTHORS).forbidden(CLIENTS),
                rule(CONTENT, "GET", "/api/content/articles/{slug}").variant("published")
                        .path(objects -> Map.of("slug", objects.seedSlug()))
                        .allowed(EVERYONE),
                rule(CONTENT, "GET", "/api/content/articles/{slug}").variant("draft")
                        .path(objects -> Map.of("slug", objects.draftSlug()))
                        .allowed(AUTHORS).notFound(CLIENTS),
                rule(CONTENT, "PUT", "/api/content/articles/{slug}").variant("draft")
                        .path(objects -> Map.of("slug", objects.draftSlug()))
                        .header("If-Match", objects -> objects.articleEtag(objects.draftSlug()))
                        .body(objects -> articleContent())
                        .allowed(OWN_THERAPIST).notFound(OTHER_THERAPIST, ADMIN).forbidden(CLIENTS),
                rule(CONTENT, "POST", "/api/content/articles/{slug}/publish")
                        .path(objects -> Map.of("slug", objects.draftSlug()))
                        .allowedPeopleActOnThrowaways(fresh -> Map.of("slug", fresh.freshDraft()))
                        .allowed(OWN_THERAPIST).notFound(OTHER_THERAPIST, ADMIN).forbidden(CLIENTS),
                rule(CONTENT, "POST", "/api/content/articles/{slug}/retract")
                        .path(objects -> Map.of("slug", objects.publishedSlug()))
                        .allowedPeopleActOnThrowaways(fresh -> Map.of("slug", fresh.freshPublishedArticle()))
                        .allowed(OWN_THERAPIST, ADMIN).notFound(OTHER_THERAPIST).forbidden(CLIENTS),
                rule(CONTENT, "GET", "/api/content/articles/{slug}/versions").variant("published")
                        .path(objects -> Map.of("slug", objects.seedSlug()))
                        .allowed(EVERYONE),
                rule(CONTENT, "GET", "/api/content/articles/{slug}/versions").variant("retracted")
                        .path(objects -> Map.of("slug", objects.retractedPinnedSlug()))
                        .allowed(AUTHORS).notFound(CLIENTS),
                rule(CONTENT, "GET", "/api/content/articles/{slug}/versions/{version}").variant("published")
                        .path(objects -> Map.of("slug", objects.seedSlug(), "version", "1"))
                        .allowed(EVERYONE),
                // A retracted article's version stays readable for the client it was assigned to, for nobody else.
                rule(CONTENT, "GET", "/api/content/articles/{slug}/versions/{version}").variant("retracted, pinned to the owner")
                        .path(objects -> Map.of("slug", objects.retractedPinnedSlug(), "version", "1"))
                        .allowed(OWNER_CLIENT).allowed(AUTHORS).notFound(OTHER_CLIENT),
                // Bringing a library in and taking it out (with its drafts) is writing the library: authors only.
                rule(CONTENT, "POST", "/api/content/library/import")
                        .body(objects -> libraryFiles("matrix-import-" + Long.toString(UNIQUE.incrementAndGet(), 36)))
                        .allowed(AUTHORS).forbidden(CLIENTS),
                // A zip, so the request asks for one (as a browser's download does); refusals stay problem+json.
                rule(CONTENT, "GET", "/api/content/library/export")
                        .header("Accept", objects -> "application/zip, application/problem+json")
                        .allowed(AUTHORS).forbidden(CLIENTS));
    }

    /**
     * Create: the therapist, for their own caseload. Read: the client their own, the therapist their caseload's.
     * Answer: the client. Feedback: the therapist of the caseload. Admins never see clinical content.
     */
    private static List<Rule.Builder> assignments() {
        return List.of(
                rule(JOURNAL, "POST", "/api/journal/assignments")
                        .body(objects -> assignment(objects.ownerClientId(), objects.seedArticleId()))
                        .allowed(OWN_THERAPIST).rejected(OTHER_THERAPIST).forbidden(CLIENTS).forbidden(ADMIN),
                rule(JOURNAL, "GET", "/api/journal/assignments").variant("own")
                        .allowed(ALL_BUT_ADMIN).forbidden(ADMIN),
                rule(JOURNAL, "GET", "/api/journal/assignments").variant("filtered by the owner")
                        .query(objects -> "client=" + objects.ownerClientId())
                        // The other therapist's filter simply matches nothing on their caseload.
                        .allowed(OWNER_CLIENT, OWN_THERAPIST, OTHER_THERAPIST).rejected(OTHER_CLIENT).forbidden(ADMIN),
                rule(JOURNAL, "GET", "/api/journal/assignments/{id}")
                        .path(objects -> Map.of("id", objects.submittedAssignmentId().toString()))
                        .allowed(OWNER_CLIENT, OWN_THERAPIST).notFound(OTHER_CLIENT, OTHER_THERAPIST).forbidden(ADMIN),
                rule(JOURNAL, "PUT", "/api/journal/assignments/{id}/answers/{promptId}")
                        .path(objects -> Map.of("id", objects.openAssignmentId().toString(),
                                "promptId", objects.openPromptId().toString()))
                        .body(objects -> answer())
                        .allowed(OWNER_CLIENT).notFound(OTHER_CLIENT).forbidden(THERAPISTS).forbidden(ADMIN),
                rule(JOURNAL, "PUT", "/api/journal/assignments/{id}/quality")
                        .path(objects -> Map.of("id", objects.submittedAssignmentId().toString()))
                        .body(objects -> Map.of("rating", 2))
                        .allowed(OWN_THERAPIST).notFound(OTHER_THERAPIST).forbidden(CLIENTS).forbidden(ADMIN),
                rule(JOURNAL, "PUT", "/api/journal/assignments/{id}/plan")
                        .path(objects -> Map.of("id", objects.openAssignmentId().toString()))
                        .body(objects -> Map.of("whenWhere", "After dinner on Tuesday, at the kitchen table",
                                "coping", "Start with the first question",
                                "remindAt", StackClock.journalNow().plus(1, ChronoUnit.DAYS).toString()))
                        .allowed(OWNER_CLIENT).notFound(OTHER_CLIENT).forbidden(THERAPISTS).forbidden(ADMIN),
                // Later than it was, so the open assignment stays open and not overdue for the suites after this one.
                rule(JOURNAL, "PUT", "/api/journal/assignments/{id}/due")
                        .path(objects -> Map.of("id", objects.openAssignmentId().toString()))
                        .body(objects -> Map.of("dueAt", StackClock.journalNow().plus(8, ChronoUnit.DAYS).toString()))
                        .allowed(OWN_THERAPIST).notFound(OTHER_THERAPIST).forbidden(CLIENTS).forbidden(ADMIN),
                rule(JOURNAL, "POST", "/api/journal/assignments/{id}/submit")
                        .path(objects -> Map.of("id", objects.openAssignmentId().toString()))
                        .allowedPeopleActOnThrowaways(fresh -> Map.of("id", fresh.freshAnsweredAssignment().toString()))
                        .allowed(OWNER_CLIENT).notFound(OTHER_CLIENT).forbidden(THERAPISTS).forbidden(ADMIN),
                rule(JOURNAL, "POST", "/api/journal/assignments/{id}/answers/{answerId}/feedback")
                        .path(objects -> Map.of("id", objects.submittedAssignmentId().toString(),
                                "answerId", objects.submittedAnswerId().toString()))
                        .body(objects -> feedback())
                        .allowed(OWN_THERAPIST).notFound(OTHER_THERAPIST).forbidden(CLIENTS).forbidden(ADMIN),
                rule(JOURNAL, "GET", "/api/journal/assignments/{id}/feedback")
                        .path(objects -> Map.of("id", objects.submittedAssignmentId().toString()))
                        .allowed(OWNER_CLIENT, OWN_THERAPIST).notFound(OTHER_CLIENT, OTHER_THERAPIST).forbidden(ADMIN),
                rule(JOURNAL, "POST", "/api/journal/assignments/{id}/feedback/{feedbackId}/replies")
                        .path(objects -> Map.of("id", objects.submittedAssignmentId().toString(),
                                "feedbackId", objects.feedbackId().toString()))
                        .body(objects -> reply())
                        .allowed(OWNER_CLIENT).notFound(OTHER_CLIENT).forbidden(THERAPISTS).forbidden(ADMIN),
                rule(JOURNAL, "GET", "/api/journal/adherence")
                        .allowed(THERAPISTS).forbidden(CLIENTS).forbidden(ADMIN),
                // The review agenda: the therapist of the caseload only; for anyone else's client it does not exist.
                rule(JOURNAL, "GET", "/api/journal/agenda/{clientId}")
                        .path(objects -> Map.of("clientId", objects.ownerClientId().toString()))
                        .allowed(OWN_THERAPIST).notFound(OTHER_THERAPIST).forbidden(CLIENTS).forbidden(ADMIN),
                rule(JOURNAL, "GET", "/api/journal/agenda/{clientId}/reviews")
                        .path(objects -> Map.of("clientId", objects.ownerClientId().toString()))
                        .allowed(OWN_THERAPIST).notFound(OTHER_THERAPIST).forbidden(CLIENTS).forbidden(ADMIN),
                rule(JOURNAL, "POST", "/api/journal/agenda/{clientId}/reviewed")
                        .path(objects -> Map.of("clientId", objects.ownerClientId().toString()))
                        .body(objects -> Map.of("through", StackClock.journalNow().toString()))
                        .allowed(OWN_THERAPIST).notFound(OTHER_THERAPIST).forbidden(CLIENTS).forbidden(ADMIN));
    }

    /**
     * Measures: the therapist assigns to their caseload and acknowledges; the client answers and submits their own;
     * both read the owner's results. Instruments are public to clients and therapists. Admins never see results.
     */
    private static List<Rule.Builder> measures() {
        return List.of(
                rule(JOURNAL, "GET", "/api/journal/measures/instruments")
                        .allowed(ALL_BUT_ADMIN).forbidden(ADMIN),
                rule(JOURNAL, "GET", "/api/journal/measures/instruments/{key}")
                        .path(objects -> Map.of("key", "phq-9.v1"))
                        .allowed(ALL_BUT_ADMIN).forbidden(ADMIN),
                rule(JOURNAL, "GET", "/api/journal/measures/instruments/{key}/fhir")
                        .path(objects -> Map.of("key", "phq-9.v1"))
                        .allowed(ALL_BUT_ADMIN).forbidden(ADMIN),
                rule(JOURNAL, "POST", "/api/journal/measures/schedules")
                        .body(objects -> Map.of("clientId", objects.ownerClientId().toString(), "instrument", "phq-9"))
                        .allowed(OWN_THERAPIST).rejected(OTHER_THERAPIST).forbidden(CLIENTS).forbidden(ADMIN),
                rule(JOURNAL, "GET", "/api/journal/measures/schedules")
                        .query(objects -> "client=" + objects.ownerClientId())
                        // The other therapist's filter matches nothing on their caseload.
                        .allowed(THERAPISTS).forbidden(CLIENTS).forbidden(ADMIN),
                rule(JOURNAL, "POST", "/api/journal/measures/schedules/{id}/end")
                        .path(objects -> Map.of("id", objects.measureScheduleId().toString()))
                        .allowedPeopleActOnThrowaways(fresh -> Map.of("id", fresh.freshMeasureSchedule().toString()))
                        .allowed(OWN_THERAPIST).notFound(OTHER_THERAPIST).forbidden(CLIENTS).forbidden(ADMIN),
                rule(JOURNAL, "GET", "/api/journal/measures").variant("own")
                        .allowed(ALL_BUT_ADMIN).forbidden(ADMIN),
                rule(JOURNAL, "GET", "/api/journal/measures").variant("filtered by the owner")
                        .query(objects -> "client=" + objects.ownerClientId())
                        .allowed(OWNER_CLIENT, OWN_THERAPIST, OTHER_THERAPIST).rejected(OTHER_CLIENT).forbidden(ADMIN),
                rule(JOURNAL, "GET", "/api/journal/measures/attention")
                        .allowed(THERAPISTS).forbidden(CLIENTS).forbidden(ADMIN),
                rule(JOURNAL, "GET", "/api/journal/measures/{id}")
                        .path(objects -> Map.of("id", objects.submittedMeasureId().toString()))
                        .allowed(OWNER_CLIENT, OWN_THERAPIST).notFound(OTHER_CLIENT, OTHER_THERAPIST).forbidden(ADMIN),
                rule(JOURNAL, "GET", "/api/journal/measures/{id}/fhir/questionnaire-response")
                        .path(objects -> Map.of("id", objects.submittedMeasureId().toString()))
                        .allowed(OWNER_CLIENT, OWN_THERAPIST).notFound(OTHER_CLIENT, OTHER_THERAPIST).forbidden(ADMIN),
                rule(JOURNAL, "GET", "/api/journal/measures/{id}/fhir/observation")
                        .path(objects -> Map.of("id", objects.submittedMeasureId().toString()))
                        .allowed(OWNER_CLIENT, OWN_THERAPIST).notFound(OTHER_CLIENT, OTHER_THERAPIST).forbidden(ADMIN),
                rule(JOURNAL, "PUT", "/api/journal/measures/{id}/answers/{item}")
                        .path(objects -> Map.of("id", objects.openMeasureId().toString(), "item", "1"))
                        .body(objects -> Map.of("value", 1))
                        .allowed(OWNER_CLIENT).notFound(OTHER_CLIENT).forbidden(THERAPISTS).forbidden(ADMIN),
                rule(JOURNAL, "POST", "/api/journal/measures/{id}/submit")
                        .path(objects -> Map.of("id", objects.openMeasureId().toString()))
                        .allowedPeopleActOnThrowaways(fresh -> Map.of("id", fresh.freshAnsweredMeasure().toString()))
                        .allowed(OWNER_CLIENT).notFound(OTHER_CLIENT).forbidden(THERAPISTS).forbidden(ADMIN),
                rule(JOURNAL, "POST", "/api/journal/measures/{id}/acknowledge")
                        .path(objects -> Map.of("id", objects.submittedMeasureId().toString()))
                        .allowedPeopleActOnThrowaways(fresh -> Map.of("id", fresh.freshAttentionMeasure().toString()))
                        .allowed(OWN_THERAPIST).notFound(OTHER_THERAPIST).forbidden(CLIENTS).forbidden(ADMIN));
    }

    /**
     * Programs are the practice's content: therapists and admins build and read them; only the client's therapist
     * enrols a client of their caseload and pauses, resumes or ends the enrolment. Clients see their own enrolments.
     */
    private static List<Rule.Builder> programs() {
        return List.of(
                rule(JOURNAL, "POST", "/api/journal/programs")
                        .body(objects -> program(objects.seedArticleId()))
                        .allowed(OWN_THERAPIST, OTHER_THERAPIST, ADMIN).forbidden(CLIENTS),
                rule(JOURNAL, "GET", "/api/journal/programs")
                        .allowed(OWN_THERAPIST, OTHER_THERAPIST, ADMIN).forbidden(CLIENTS),
                rule(JOURNAL, "GET", "/api/journal/programs/{id}")
                        .path(objects -> Map.of("id", objects.programId().toString()))
                        .allowed(OWN_THERAPIST, OTHER_THERAPIST, ADMIN).forbidden(CLIENTS),
                rule(JOURNAL, "POST", "/api/journal/programs/{id}/enrolments")
                        .path(objects -> Map.of("id", objects.programId().toString()))
                        .body(objects -> enrolment(objects.ownerClientId()))
                        // The owner is enrolled in the program already (409): the own therapist enrols in a fresh one.
                        .allowedPeopleActOnThrowaways(fresh -> Map.of("id", fresh.freshProgram().toString()))
                        .allowed(OWN_THERAPIST).rejected(OTHER_THERAPIST).forbidden(CLIENTS).forbidden(ADMIN),
                rule(JOURNAL, "GET", "/api/journal/program-enrolments").variant("own")
                        .allowed(ALL_BUT_ADMIN).forbidden(ADMIN),
                rule(JOURNAL, "GET", "/api/journal/program-enrolments").variant("filtered by the owner")
                        .query(objects -> "client=" + objects.ownerClientId())
                        .allowed(OWNER_CLIENT, OWN_THERAPIST, OTHER_THERAPIST).rejected(OTHER_CLIENT).forbidden(ADMIN),
                enrolmentChange("pause"),
                enrolmentChange("resume"),
                enrolmentChange("end"));
    }

    private static Rule.Builder enrolmentChange(String change) {
        return rule(JOURNAL, "POST", "/api/journal/program-enrolments/{id}/" + change)
                .path(objects -> Map.of("id", objects.programEnrolmentId().toString()))
                .allowedPeopleActOnThrowaways(fresh -> Map.of("id", fresh.freshProgramEnrolment().toString()))
                .allowed(OWN_THERAPIST).notFound(OTHER_THERAPIST).forbidden(CLIENTS).forbidden(ADMIN);
    }

    /** One step on the seed article whose rule waits 90 days, so nothing is delivered while the suites run. */
    static Map<String, Object> program(UUID articleId) {
        return Map.of("title", "Matrix program " + Long.toString(UNIQUE.incrementAndGet(), 36),
                "description", "Built by the authorization matrix.",
                "steps", List.of(Map.of("articleId", articleId.toString(),
                        "prompts", List.of(Map.of("kind", "TEXT", "question", "What did you notice?")),
                        "rule", Map.of("kind", "DAYS_AFTER", "days", 90), "dueDays", 7)));
    }

    static Map<String, Object> enrolment(UUID clientId) {
        return Map.of("clientId", clientId.toString(), "reason", CLINICAL_MARKER + " reason for the program");
    }

    /**
     * Journal entries: the client writes, edits, deletes and reads their own; the therapist reads those shared with
     * them while the client is on their caseload. The access audit: clients the reads of their own data, admins all (and only admins export it).
     */
    private static List<Rule.Builder> journal() {
        return List.of(
                rule(JOURNAL, "POST", "/api/journal/entries")
                        .body(objects -> neutralEntry())
                        .allowed(CLIENTS).forbidden(THERAPISTS).forbidden(ADMIN),
                rule(JOURNAL, "GET", "/api/journal/entries")
                        .allowed(CLIENTS).forbidden(THERAPISTS).forbidden(ADMIN),
                rule(JOURNAL, "GET", "/api/journal/entries/{id}").variant("shared")
                        .path(objects -> Map.of("id", objects.sharedEntryId().toString()))
                        .allowed(OWNER_CLIENT).notFound(OTHER_CLIENT).forbidden(THERAPISTS).forbidden(ADMIN),
                rule(JOURNAL, "GET", "/api/journal/entries/{id}").variant("private")
                        .path(objects -> Map.of("id", objects.privateEntryId().toString()))
                        .allowed(OWNER_CLIENT).notFound(OTHER_CLIENT).forbidden(THERAPISTS).forbidden(ADMIN),
                rule(JOURNAL, "PUT", "/api/journal/entries/{id}")
                        .path(objects -> Map.of("id", objects.privateEntryId().toString()))
                        .body(objects -> privateEntry())
                        .allowed(OWNER_CLIENT).notFound(OTHER_CLIENT).forbidden(THERAPISTS).forbidden(ADMIN),
                rule(JOURNAL, "DELETE", "/api/journal/entries/{id}")
                        .path(objects -> Map.of("id", objects.sharedEntryId().toString()))
                        .allowedPeopleActOnThrowaways(fresh -> Map.of("id", fresh.freshEntry(true).toString()))
                        .allowed(OWNER_CLIENT).notFound(OTHER_CLIENT).forbidden(THERAPISTS).forbidden(ADMIN),
                rule(JOURNAL, "POST", "/api/journal/entries/{id}/share")
                        .path(objects -> Map.of("id", objects.privateEntryId().toString()))
                        .allowedPeopleActOnThrowaways(fresh -> Map.of("id", fresh.freshEntry(false).toString()))
                        .allowed(OWNER_CLIENT).notFound(OTHER_CLIENT).forbidden(THERAPISTS).forbidden(ADMIN),
                rule(JOURNAL, "POST", "/api/journal/entries/{id}/unshare")
                        .path(objects -> Map.of("id", objects.sharedEntryId().toString()))
                        .allowedPeopleActOnThrowaways(fresh -> Map.of("id", fresh.freshEntry(true).toString()))
                        .allowed(OWNER_CLIENT).notFound(OTHER_CLIENT).forbidden(THERAPISTS).forbidden(ADMIN),
                rule(JOURNAL, "GET", "/api/journal/shared-entries").variant("own caseload")
                        .allowed(THERAPISTS).forbidden(CLIENTS).forbidden(ADMIN),
                rule(JOURNAL, "GET", "/api/journal/shared-entries").variant("filtered by the owner")
                        .query(objects -> "client=" + objects.ownerClientId())
                        .allowed(THERAPISTS).forbidden(CLIENTS).forbidden(ADMIN),
                rule(JOURNAL, "GET", "/api/journal/shared-entries/{id}").variant("shared")
                        .path(objects -> Map.of("id", objects.sharedEntryId().toString()))
                        .allowed(OWN_THERAPIST).notFound(OTHER_THERAPIST).forbidden(CLIENTS).forbidden(ADMIN),
                rule(JOURNAL, "GET", "/api/journal/shared-entries/{id}").variant("private")
                        .path(objects -> Map.of("id", objects.privateEntryId().toString()))
                        .notFound(THERAPISTS).forbidden(CLIENTS).forbidden(ADMIN),
                rule(JOURNAL, "GET", "/api/journal/audit").variant("own")
                        .allowed(CLIENTS).allowed(ADMIN).forbidden(THERAPISTS),
                rule(JOURNAL, "GET", "/api/journal/audit").variant("about the owner")
                        .query(objects -> "subject=" + objects.ownerClientId())
                        .allowed(OWNER_CLIENT, ADMIN).rejected(OTHER_CLIENT).forbidden(THERAPISTS),
                rule(JOURNAL, "GET", "/api/journal/audit/export").header("Accept", objects -> "text/csv")
                        .allowed(ADMIN).forbidden(ALL_BUT_ADMIN));
    }

    /**
     * Copies of a record: a client asks for their own, a therapist for a client of their caseload; anyone else's, and
     * any for an admin, is not found. Only the person who asked follows and downloads a copy; everyone lists their own
     * requests (an admin all of them, without content).
     */
    private static List<Rule.Builder> records() {
        return List.of(
                rule(JOURNAL, "POST", "/api/journal/record-exports").variant("own record")
                        .body(objects -> Map.of())
                        .allowed(CLIENTS).rejected(THERAPISTS).notFound(ADMIN),
                rule(JOURNAL, "POST", "/api/journal/record-exports").variant("the owner's record")
                        .body(objects -> Map.of("clientId", objects.ownerClientId().toString()))
                        .allowed(OWNER_CLIENT, OWN_THERAPIST).notFound(OTHER_CLIENT, OTHER_THERAPIST, ADMIN),
                rule(JOURNAL, "GET", "/api/journal/record-exports")
                        .allowed(EVERYONE),
                rule(JOURNAL, "GET", "/api/journal/record-exports/{id}")
                        .path(objects -> Map.of("id", objects.recordExportId().toString()))
                        .allowed(OWNER_CLIENT).notFound(OTHER_CLIENT).notFound(THERAPISTS).notFound(ADMIN),
                rule(JOURNAL, "GET", "/api/journal/record-exports/{id}/archive")
                        .header("Accept", objects -> "application/zip")
                        .path(objects -> Map.of("id", objects.recordExportId().toString()))
                        .allowed(OWNER_CLIENT).notFound(OTHER_CLIENT).notFound(THERAPISTS).notFound(ADMIN));
    }

    /** Invite, deactivate, assign caseloads: admins. Everyone reads their own account, therapists their caseload. */
    private static List<Rule.Builder> accounts() {
        return List.of(
                rule(ACCOUNTS, "GET", "/api/accounts")
                        .allowed(ADMIN).forbidden(ALL_BUT_ADMIN),
                rule(ACCOUNTS, "POST", "/api/accounts")
                        .body(objects -> invitation("matrix.invitee." + Long.toString(UNIQUE.incrementAndGet(), 36)
                                + "@example.org"))
                        .allowed(ADMIN).forbidden(ALL_BUT_ADMIN),
                rule(ACCOUNTS, "GET", "/api/accounts/{id}")
                        .path(objects -> Map.of("id", objects.ownerClientId().toString()))
                        .allowed(ADMIN).forbidden(ALL_BUT_ADMIN),
                rule(ACCOUNTS, "GET", "/api/accounts/security-events")
                        .allowed(ADMIN).forbidden(ALL_BUT_ADMIN),
                rule(ACCOUNTS, "POST", "/api/accounts/{id}/deactivation")
                        .path(objects -> Map.of("id", objects.ownerClientId().toString()))
                        .allowedPeopleActOnThrowaways(fresh -> Map.of("id", fresh.freshInvitedClient().toString()))
                        .allowed(ADMIN).forbidden(ALL_BUT_ADMIN),
                rule(ACCOUNTS, "POST", "/api/accounts/{id}/reactivation")
                        .path(objects -> Map.of("id", objects.ownerClientId().toString()))
                        .allowedPeopleActOnThrowaways(fresh -> Map.of("id", fresh.freshDeactivatedClient().toString()))
                        .allowed(ADMIN).forbidden(ALL_BUT_ADMIN),
                // Data rights on the account side: a client asks to close their own account; the rest is the admin's.
                rule(ACCOUNTS, "POST", "/api/accounts/me/closure-request")
                        .allowed(CLIENTS).forbidden(THERAPISTS).forbidden(ADMIN),
                rule(ACCOUNTS, "DELETE", "/api/accounts/me/closure-request")
                        .allowed(CLIENTS).forbidden(THERAPISTS).forbidden(ADMIN),
                rule(ACCOUNTS, "POST", "/api/accounts/{id}/closure")
                        .path(objects -> Map.of("id", objects.ownerClientId().toString()))
                        .allowedPeopleActOnThrowaways(fresh -> Map.of("id", fresh.freshKnownClient().toString()))
                        .allowed(ADMIN).forbidden(ALL_BUT_ADMIN),
                rule(ACCOUNTS, "POST", "/api/accounts/{id}/erasure")
                        .path(objects -> Map.of("id", objects.ownerClientId().toString()))
                        .allowedPeopleActOnThrowaways(fresh -> Map.of("id", fresh.freshErasableClient().toString()))
                        .allowed(ADMIN).forbidden(ALL_BUT_ADMIN),
                rule(ACCOUNTS, "GET", "/api/accounts/{id}/retention")
                        .path(objects -> Map.of("id", objects.ownerClientId().toString()))
                        .allowed(ADMIN).forbidden(ALL_BUT_ADMIN),
                rule(ACCOUNTS, "POST", "/api/accounts/{id}/legal-holds")
                        .path(objects -> Map.of("id", objects.ownerClientId().toString()))
                        .body(objects -> Map.of("reason", "Matrix matter"))
                        .allowed(ADMIN).forbidden(ALL_BUT_ADMIN),
                rule(ACCOUNTS, "POST", "/api/accounts/{id}/legal-holds/{holdId}/lifting")
                        .path(objects -> Map.of("id", objects.ownerClientId().toString(),
                                "holdId", objects.legalHoldId().toString()))
                        .allowedPeopleActOnThrowaways(fresh -> Map.of("id", fresh.ownerClientId().toString(),
                                "holdId", fresh.freshLegalHold().toString()))
                        .allowed(ADMIN).forbidden(ALL_BUT_ADMIN),
                rule(ACCOUNTS, "GET", "/api/accounts/rights-requests")
                        .allowed(ADMIN).forbidden(ALL_BUT_ADMIN),
                rule(ACCOUNTS, "POST", "/api/accounts/{id}/invitation")
                        .path(objects -> Map.of("id", objects.ownerClientId().toString()))
                        .allowedPeopleActOnThrowaways(fresh -> Map.of("id", fresh.freshInvitedClient().toString()))
                        .allowed(ADMIN).forbidden(ALL_BUT_ADMIN),
                rule(ACCOUNTS, "GET", "/api/accounts/{therapistId}/caseload")
                        .path(objects -> Map.of("therapistId", objects.ownTherapistId().toString()))
                        .allowed(ADMIN).forbidden(ALL_BUT_ADMIN),
                // The forbidden try to move the owner to the other therapist's caseload.
                rule(ACCOUNTS, "PUT", "/api/accounts/{clientId}/therapist")
                        .path(objects -> Map.of("clientId", objects.ownerClientId().toString()))
                        .body(objects -> Map.of("therapistId", objects.otherTherapistId()))
                        .allowedPeopleActOnThrowaways(fresh -> Map.of("clientId", fresh.freshInvitedClient().toString()))
                        .allowed(ADMIN).forbidden(ALL_BUT_ADMIN),
                rule(ACCOUNTS, "DELETE", "/api/accounts/{clientId}/therapist")
                        .path(objects -> Map.of("clientId", objects.ownerClientId().toString()))
                        .allowedPeopleActOnThrowaways(fresh -> Map.of("clientId", fresh.freshInvitedClient().toString()))
                        .allowed(ADMIN).forbidden(ALL_BUT_ADMIN),
                rule(ACCOUNTS, "GET", "/api/accounts/{clientId}/therapist-assignments")
                        .path(objects -> Map.of("clientId", objects.ownerClientId().toString()))
                        .allowed(ADMIN).forbidden(ALL_BUT_ADMIN),
                rule(ACCOUNTS, "GET", "/api/accounts/me")
                        .allowed(EVERYONE),
                rule(ACCOUNTS, "GET", "/api/accounts/caseload")
                        .allowed(THERAPISTS).forbidden(CLIENTS).forbidden(ADMIN),
                // The zone the client's homework is due in: their own therapist only.
                rule(ACCOUNTS, "GET", "/api/accounts/caseload/{clientId}/zone")
                        .path(objects -> Map.of("clientId", objects.ownerClientId().toString()))
                        .allowed(OWN_THERAPIST).notFound(OTHER_THERAPIST).forbidden(CLIENTS).forbidden(ADMIN),
                rule(ACCOUNTS, "GET", "/api/accounts/me/notifications")
                        .allowed(EVERYONE),
                // Everyone's own; the body is the defaults, so the people of the other suites keep theirs.
                rule(ACCOUNTS, "PUT", "/api/accounts/me/notifications")
                        .body(objects -> defaultNotificationPreferences())
                        .allowed(EVERYONE),
                // Which kinds someone has switched on, never what was sent: administration.
                rule(ACCOUNTS, "GET", "/api/accounts/{id}/notifications")
                        .path(objects -> Map.of("id", objects.ownerClientId().toString()))
                        .allowed(ADMIN).forbidden(ALL_BUT_ADMIN),
                // Public: the signed link is the proof, and a link that is not one changes nothing for anybody.
                rule(ACCOUNTS, "POST", "/api/accounts/notifications/unsubscribe")
                        .query(objects -> "token=" + objects.ownerClientId() + ".NEW_HOMEWORK.bm90LWEtc2lnbmF0dXJl")
                        .withoutToken(Access.REJECTED)
                        .rejected(EVERYONE));
    }

    /**
     * Every service's documents list the servlet error page under all methods. It is no API: a request of its own
     * finds nothing there (404). OPTIONS is answered by Spring MVC itself with the allowed methods, which tells
     * nothing the document does not.
     */
    private static List<Rule.Builder> errorPage(ApiService service) {
        return Stream.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
                .map(method -> "OPTIONS".equals(method)
                        ? rule(service, method, "/error").allowed(EVERYONE)
                        : rule(service, method, "/error").notFound(EVERYONE))
                .toList();
    }

    // ------------------------------------------------------------------------------------------ bodies

    static Map<String, Object> newArticle(String slug) {
        return Map.of("slug", slug, "title", "Matrix " + slug, "summary", "Written by the authorization matrix.",
                "markdown", "## Small steps\n\nTrust grows in small steps.\n", "tags", List.of("matrix"));
    }

    /** Two library files, a series of drafts: a multipart upload, as the portal's import page sends it. */
    static Http.RawBody libraryFiles(String slug) {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put(slug + ".md", ("---\ntitle: Matrix import " + slug + "\ntags: [matrix]\nnext: " + slug + "-next\n---\n"
                + "## Small steps\n\nImported by the authorization matrix.\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        files.put(slug + "-next.md", ("---\ntitle: Matrix import, next\n---\nThe next one.\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Http.RawBody.multipartFiles("files", files);
    }

    static Map<String, Object> articleContent() {
        return Map.of("title", "Matrix draft, edited", "summary", "Edited by the authorization matrix.",
                "markdown", "## Small steps\n\nTrust grows in small steps, again.\n", "tags", List.of("matrix"));
    }

    static Map<String, Object> assignment(UUID clientId, UUID articleId) {
        return Map.of("clientId", clientId, "articleId", articleId,
                "prompts", List.of(Map.of("kind", "TEXT", "question", "What stayed with you?")),
                "dueAt", StackClock.journalNow().plus(7, ChronoUnit.DAYS).toString());
    }

    static Map<String, Object> answer() {
        return Map.of("text", "Plans changing at the last minute. " + CLINICAL_MARKER);
    }

    static Map<String, Object> feedback() {
        return Map.of("body", "Thank you for noticing this. " + CLINICAL_MARKER);
    }

    static Map<String, Object> reply() {
        return Map.of("body", "I will bring an example. " + CLINICAL_MARKER);
    }

    /** What anyone may write in their own journal: nothing that marks it as the owner's. */
    static Map<String, Object> neutralEntry() {
        return Map.of("title", "A quiet day", "body", "Nothing much happened.", "mood", 3);
    }

    static Map<String, Object> clinicalEntry() {
        return Map.of("title", "A calmer Sunday " + CLINICAL_MARKER, "body", "Talked to my sister. " + CLINICAL_MARKER,
                "mood", 4);
    }

    static Map<String, Object> privateEntry() {
        return Map.of("title", "Only mine " + PRIVATE_MARKER, "body", "Not for anyone. " + PRIVATE_MARKER + " "
                + CLINICAL_MARKER, "mood", 2);
    }

    static Map<String, Object> defaultNotificationPreferences() {
        return Map.of("zone", "America/New_York", "language", "en", "dueLeadDays", 1, "reminderTime", "18:00",
                "quietHours", Map.of("start", "21:00", "end", "08:00"), "handedInDelivery", "DIGEST",
                "digestTime", "08:00");
    }

    static Map<String, Object> invitation(String email) {
        return Map.of("email", email, "firstName", "Ivy", "lastName", "Invitee", "role", "client");
    }
}
