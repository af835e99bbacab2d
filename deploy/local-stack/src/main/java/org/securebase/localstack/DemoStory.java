package org.securebase.localstack;

import org.securebase.platform.embedded.keycloak.OidcBrowserlessLogin;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The local stack's demo data (dev only: the launcher writes it through the public APIs, nothing of it is in a realm
 * import or a migration): a client on a therapist's caseload with a lived-in home. The seed article was assigned
 * twice: a first reflection, handed in, with the therapist's feedback on it; and this week's homework, due in six
 * days, with two questions, a 0-10 scale and a checklist of the article's own list. The client also wrote a journal
 * entry and shared it. Everything is written by the people themselves (the therapist assigns and gives feedback, the
 * client answers, hands in and writes), so events, notifications and the audit are those of real use.
 *
 * <p>Told once: when the client already has homework from anyone, nothing is written, so a restart changes nothing
 * and {@code ./run.sh --reset} (a fresh data folder) tells it again.
 */
public final class DemoStory {

    private static final String SEED_ARTICLE = "attachment-and-healing";
    private static final String SEED_LIST_SECTION = "How Attachment Wounds Show Up";
    private static final Duration PROJECTION_TIMEOUT = Duration.ofMinutes(2);

    private static final String FIRST_ANSWER = "The part about pushing people away. When someone gets close I find a "
            + "reason to pull back first, so it hurts less if they leave.";
    private static final String FEEDBACK = "Thank you for writing this so honestly. Pulling back first makes sense: it "
            + "has protected you. Next session, let's look at one relationship where you could try staying a little "
            + "longer, and notice what happens.";
    private static final String JOURNAL_ENTRY = "I noticed I wanted to cancel the next appointment as soon as I left. "
            + "I didn't. Writing it down so I remember that I stayed.";

    /** The clinical texts the story writes (an answer, feedback, a journal entry), for scans that must not find them. */
    public static List<String> clinicalTexts() {
        return List.of(FIRST_ANSWER, FEEDBACK, JOURNAL_ENTRY);
    }

    /** Who plays in it: the admin who puts the client on the therapist's caseload, the therapist, the client. */
    public record Cast(String admin, String therapist, String client) {

        /** The demo logins the dev realm import creates. */
        public static final Cast DEMO = new Cast(DemoCaseload.ADMIN, DemoCaseload.THERAPIST, DemoCaseload.CLIENT);
    }

    /** The services' base URLs, inside the stack. */
    public record Services(String accounts, String content, String journal) {
    }

    /**
     * What the client's home shows after the story.
     *
     * @param told       false when the client already had homework, so nothing was written
     * @param dueId      this week's homework (null when not told)
     * @param handedInId the handed-in reflection with feedback (null when not told)
     * @param sharedEntryId the shared journal entry (null when not told)
     */
    public record Outcome(boolean told, UUID clientId, UUID dueId, UUID handedInId, UUID sharedEntryId) {
    }

    private final DemoApi api;
    private final Services services;
    private final Clock clock;
    private final String therapistToken;
    private final String clientToken;

    private DemoStory(DemoApi api, Services services, Clock clock, String therapistToken, String clientToken) {
        this.api = api;
        this.services = services;
        this.clock = clock;
        this.therapistToken = therapistToken;
        this.clientToken = clientToken;
    }

    /** Puts the client on the therapist's caseload, then tells the story unless the client already has homework. */
    public static Outcome tell(OidcBrowserlessLogin login, String password, Services services, Cast cast, Clock clock) {
        DemoApi api = new DemoApi();
        String adminToken = login.login(cast.admin(), password).accessToken();
        UUID clientId = UUID.fromString(new DemoCaseload(api, services.accounts(), adminToken)
                .assign(cast.client(), cast.therapist()));
        DemoStory story = new DemoStory(api, services, clock, login.login(cast.therapist(), password).accessToken(),
                login.login(cast.client(), password).accessToken());
        return story.tellFor(clientId);
    }

    private Outcome tellFor(UUID clientId) {
        JsonNode existing = api.call(clientToken, "GET", services.journal() + "/api/journal/assignments?limit=1", null, 200);
        if (!existing.path("items").isEmpty()) {
            return new Outcome(false, clientId, null, null, null);
        }
        JsonNode article = api.call(therapistToken, "GET", services.content() + "/api/content/articles/" + SEED_ARTICLE,
                null, 200);
        UUID articleId = UUID.fromString(article.path("id").asString());
        JsonNode list = seedList(article);

        UUID handedIn = handInFirstReflection(clientId, articleId);
        UUID due = assignThisWeek(clientId, articleId, list.path("id").asString());
        UUID entry = shareJournalEntry();
        return new Outcome(true, clientId, due, handedIn, entry);
    }

    /** The list of the section that names how attachment wounds show up; a checklist prompt is built from it. */
    private static JsonNode seedList(JsonNode article) {
        for (JsonNode section : article.path("sections")) {
            if (SEED_LIST_SECTION.equals(section.path("heading").asString()) && !section.path("lists").isEmpty()) {
                return section.path("lists").path(0);
            }
        }
        throw new IllegalStateException("the seed article has no list under '" + SEED_LIST_SECTION + "'");
    }

    private UUID handInFirstReflection(UUID clientId, UUID articleId) {
        UUID assignment = assign(Map.of(
                "clientId", clientId,
                "articleId", articleId,
                "prompts", List.of(Map.of("kind", "TEXT",
                        "question", "Which part of the article felt closest to your own experience?")),
                "note", "A first look at the article, before our next session.",
                "dueAt", clock.instant().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS)));
        JsonNode view = api.call(clientToken, "GET", assignmentUrl(assignment), null, 200);
        String promptId = view.path("prompts").path(0).path("id").asString();
        JsonNode answer = api.call(clientToken, "PUT", assignmentUrl(assignment) + "/answers/" + promptId, Map.of(
                "text", FIRST_ANSWER), 200);
        api.call(clientToken, "POST", assignmentUrl(assignment) + "/submit", null, 200);
        api.call(therapistToken, "POST", assignmentUrl(assignment) + "/answers/" + answer.path("id").asString()
                + "/feedback", Map.of("body", FEEDBACK), 201);
        return assignment;
    }

    private UUID assignThisWeek(UUID clientId, UUID articleId, String listId) {
        return assign(Map.of(
                "clientId", clientId,
                "articleId", articleId,
                "prompts", List.of(
                        Map.of("kind", "TEXT", "question", "When did you last feel safe with someone? What made it feel safe?"),
                        Map.of("kind", "TEXT", "question", "What is one small step you could take this week to let someone a little closer?"),
                        Map.of("kind", "SCALE", "question", "How safe do you feel in our sessions right now? (0 = not at all, 10 = completely)"),
                        Map.of("kind", "CHECKLIST", "question", "Which of these do you recognise in yourself?", "listId", listId)),
                "reason", "We talked about how hard it is to trust that people will stay. This reading is about "
                        + "exactly that, and about how a safe relationship can change it.",
                "dueAt", clock.instant().plus(6, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS)));
    }

    private UUID shareJournalEntry() {
        JsonNode entry = api.call(clientToken, "POST", services.journal() + "/api/journal/entries", Map.of(
                "title", "After Tuesday's session",
                "body", JOURNAL_ENTRY,
                "mood", 4), 201);
        String id = entry.path("id").asString();
        api.call(clientToken, "POST", services.journal() + "/api/journal/entries/" + id + "/share", null, 200);
        return UUID.fromString(id);
    }

    /** journal-service accepts an assignment once its projections know the caseload and the article (events). */
    private UUID assign(Map<String, Object> request) {
        JsonNode created = api.awaitCall(therapistToken, "POST", services.journal() + "/api/journal/assignments", request,
                201, PROJECTION_TIMEOUT);
        return UUID.fromString(created.path("id").asString());
    }

    private String assignmentUrl(UUID assignment) {
        return services.journal() + "/api/journal/assignments/" + assignment;
    }
}
