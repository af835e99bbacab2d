package org.securebase.systemtests.xss;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.securebase.platform.contracts.JournalLimits;
import org.securebase.systemtests.WrittenTexts;
import org.securebase.platform.embedded.keycloak.KeycloakAdmin;
import org.securebase.systemtests.StackClock;
import org.securebase.systemtests.authorization.Http;
import org.securebase.systemtests.authorization.RenewedToken;
import org.securebase.systemtests.authorization.StackAccess;
import org.securebase.systemtests.xss.Payloads.Payload;

/**
 * A practice whose every text is hostile, written through the gateway with each person's own token, as the portal
 * would: a client and a therapist of this run (names with apostrophes and accents, the most account-service
 * allows in a name), the client on the therapist's caseload; one article per payload (title, summary and Markdown
 * body) plus one article per payload family holding the whole family; one journal entry per payload, all shared,
 * plus one entry holding every payload; assignments whose questions, note, answers, feedback and replies are the
 * payloads.
 */
final class HostilePractice {

    static final String ADMIN_EMAIL = "admin@securebase.test";
    private static final Duration PROJECTION_TIMEOUT = Duration.ofSeconds(90);
    private static final int PROMPTS_PER_ASSIGNMENT = 20;
    /** Before the payload in feedback and replies, so that a page shows which place each copy came from. */
    static final String FEEDBACK = "Feedback: ";
    static final String REPLY = "Reply: ";

    private final StackAccess stack;
    private final List<Payload> payloads;
    private final String run;
    private final Http http = new Http();

    final Person client;
    final Person therapist;
    final Person admin;

    /** Per payload id: the article's slug. */
    final Map<String, String> articleSlugs = new LinkedHashMap<>();
    /** Per family: the slug of the article holding every payload of the family. */
    final Map<String, String> familySlugs = new LinkedHashMap<>();
    /** Per payload id: the client's journal entry. */
    final Map<String, UUID> entries = new LinkedHashMap<>();
    UUID everyPayloadEntry;
    final List<Assignment> assignments = new ArrayList<>();

    /** One person of the run, with the token the APIs accept. */
    record Person(String email, String firstName, String lastName, RenewedToken token, UUID id) {

        String displayName() {
            return firstName + " " + lastName;
        }
    }

    /** An assignment whose prompts are a slice of the payloads, in order. */
    record Assignment(UUID id, String articleSlug, List<Payload> payloads, List<UUID> promptIds, List<UUID> answerIds) {
    }

    private HostilePractice(StackAccess stack, List<Payload> payloads, String run, Person client, Person therapist,
                            Person admin) {
        this.stack = stack;
        this.payloads = payloads;
        this.run = run;
        this.client = client;
        this.therapist = therapist;
        this.admin = admin;
    }

    /** The people, the caseload, the articles and the journal; the homework comes in two steps of its own. */
    static HostilePractice setUp(StackAccess stack, List<Payload> payloads) {
        // Keycloak and account-service take names of letters only (plus apostrophes, hyphens, dots), so the run's
        // mark is the clock's digits spelled as letters.
        String run = Long.toString(System.nanoTime() % 1_000_000_000L).chars()
                .mapToObj(digit -> String.valueOf((char) ('a' + digit - '0'))).collect(Collectors.joining());
        KeycloakAdmin keycloak = stack.keycloakAdmin();
        String clientEmail = "zoe.xss." + run + "@example.org";
        String therapistEmail = "theo.xss." + run + "@example.org";
        // mfa-exempt as the demo users have it, so that a password alone logs them in, in the browser too.
        keycloak.createUser(clientEmail, "Zoë", "D'Xss-" + run, stack.demoPassword(), "client", "mfa-exempt");
        keycloak.createUser(therapistEmail, "Théo", "O'Xss-" + run, stack.demoPassword(), "therapist", "mfa-exempt");
        Http http = new Http();
        Person client = meet(stack, http, clientEmail, "Zoë", "D'Xss-" + run);
        Person therapist = meet(stack, http, therapistEmail, "Théo", "O'Xss-" + run);
        Person admin = meet(stack, http, ADMIN_EMAIL, null, null);

        HostilePractice practice = new HostilePractice(stack, payloads, run, client, therapist, admin);
        practice.send(admin, "PUT", "/api/accounts/" + client.id() + "/therapist", Map.of("therapistId", therapist.id()))
                .expect(200);
        practice.writeArticles();
        practice.writeJournal();
        return practice;
    }

    /** Everyone's first call to account-service, which learns of people created in Keycloak when they first show up. */
    private static Person meet(StackAccess stack, Http http, String email, String firstName, String lastName) {
        RenewedToken token = new RenewedToken(() -> stack.portal().login(email, stack.demoPassword()));
        UUID id = UUID.fromString(http.get(stack.gatewayUrl() + "/api/accounts/me", token.get()).expect(200).json()
                .path("id").asString());
        return new Person(email, firstName, lastName, token, id);
    }

    Person client() {
        return client;
    }

    Person therapist() {
        return therapist;
    }

    /** How many stored fields hold a payload: each payload's places, the bundles and the notes. */
    int placements() {
        // article title, summary, body, its family's body; entry title, body, the all-payloads entry; question,
        // answer, feedback, reply; per assignment its note, reason and obstacle and the client's plan (when and where,
        // what then); the live preview is not stored.
        return payloads.size() * 11 + assignments.size() * 5;
    }

    String run() {
        return run;
    }

    /** The word every article summary of this run holds, to find them in the library. */
    String searchWord() {
        return "xss" + run;
    }

    private void writeArticles() {
        // Every script payload calls __xss: no mail may carry one.
        WrittenTexts.wrote("__xss(", searchWord());
        for (Payload payload : payloads) {
            String slug = "xss-" + run + "-" + payload.id();
            // A paragraph of plain text first: content-service refuses to publish a body that sanitizes to nothing,
            // which a lone script element does.
            publish(slug, payload.line(), searchWord() + " " + payload.line(),
                    "Payload " + payload.id() + ":\n\n" + payload.text() + "\n");
            articleSlugs.put(payload.id(), slug);
        }
        Map<String, List<Payload>> families = payloads.stream()
                .collect(Collectors.groupingBy(Payload::category, LinkedHashMap::new, Collectors.toList()));
        int n = 0;
        for (Map.Entry<String, List<Payload>> family : families.entrySet()) {
            String slug = "xss-" + run + "-family-" + (++n);
            publish(slug, "Every " + family.getKey() + " payload " + run, searchWord() + " family " + n,
                    bundle("family-" + n, family.getValue()));
            familySlugs.put(family.getKey(), slug);
        }
    }

    private void publish(String slug, String title, String summary, String markdown) {
        // The therapist writes them, so the therapist's editor shows every one (only an author gets the editor).
        send(therapist, "POST", "/api/content/articles", Map.of("slug", slug, "title", title, "summary", summary,
                "markdown", markdown, "tags", List.of("xss"))).expect(201);
        send(therapist, "POST", "/api/content/articles/" + slug + "/publish", null).expect(200);
    }

    /** The payloads one after another, each its own paragraph, after a heading that names the bundle. */
    String bundle(String name, List<Payload> some) {
        return "# Bundle " + name + " " + run + "\n\n"
                + some.stream().map(Payload::text).collect(Collectors.joining("\n\n")) + "\n";
    }

    private void writeJournal() {
        for (Payload payload : payloads) {
            UUID entry = UUID.fromString(send(client, "POST", "/api/journal/entries",
                    Map.of("title", payload.line(), "body", payload.text(), "mood", 3)).expect(201).json()
                    .path("id").asString());
            send(client, "POST", "/api/journal/entries/" + entry + "/share", null).expect(200);
            entries.put(payload.id(), entry);
        }
        everyPayloadEntry = UUID.fromString(send(client, "POST", "/api/journal/entries",
                Map.of("title", "Every payload " + run, "body", bundle("journal", payloads), "mood", 2)).expect(201)
                .json().path("id").asString());
        send(client, "POST", "/api/journal/entries/" + everyPayloadEntry + "/share", null).expect(200);
    }

    /**
     * The therapist assigns the payloads' articles with the payloads as questions and note; the client answers every
     * prompt with its payload. The assignments stay open, so the client's page shows the answers in the form.
     */
    void assignAndAnswer() {
        for (int from = 0; from < payloads.size(); from += PROMPTS_PER_ASSIGNMENT) {
            List<Payload> slice = payloads.subList(from, Math.min(from + PROMPTS_PER_ASSIGNMENT, payloads.size()));
            String slug = articleSlugs.get(slice.get(0).id());
            UUID articleId = UUID.fromString(send(therapist, "GET", "/api/content/articles/" + slug, null).expect(200)
                    .json().path("id").asString());
            Map<String, Object> body = Map.of("clientId", client.id(), "articleId", articleId,
                    "prompts", slice.stream().map(p -> Map.of("kind", "TEXT", "question", p.line())).toList(),
                    "note", slice.get(0).text(),
                    "reason", slice.get(slice.size() - 1).text(), "obstacle", slice.get(0).line(),
                    "dueAt", StackClock.journalNow().plus(7, ChronoUnit.DAYS).toString());
            UUID id = UUID.fromString(Http.awaitStatus("journal-service knowing the caseload and the article", 201,
                    PROJECTION_TIMEOUT,
                    () -> send(therapist, "POST", "/api/journal/assignments", body)).json().path("id").asString());
            List<UUID> promptIds = new ArrayList<>();
            send(client, "GET", "/api/journal/assignments/" + id, null).expect(200).json().path("prompts")
                    .forEach(prompt -> promptIds.add(UUID.fromString(prompt.path("id").asString())));
            if (promptIds.size() != slice.size()) {
                throw new IllegalStateException("assignment " + id + " has " + promptIds.size() + " prompts, not "
                        + slice.size());
            }
            List<UUID> answerIds = new ArrayList<>();
            for (int i = 0; i < slice.size(); i++) {
                answerIds.add(UUID.fromString(send(client, "PUT", "/api/journal/assignments/" + id + "/answers/"
                        + promptIds.get(i), Map.of("text", slice.get(i).text())).expect(200).json().path("id")
                        .asString()));
            }
            send(client, "PUT", "/api/journal/assignments/" + id + "/plan", Map.of(
                    "whenWhere", fit(slice.get(0).text(), JournalLimits.PLAN_PART),
                    "coping", fit(slice.get(slice.size() - 1).line(), JournalLimits.PLAN_PART))).expect(200);
            assignments.add(new Assignment(id, slug, List.copyOf(slice), promptIds, answerIds));
        }
    }

    private static String fit(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit);
    }

    /** The client submits; the therapist gives a payload as feedback on every answer; the client replies with it. */
    void submitReviewAndReply() {
        for (Assignment assignment : assignments) {
            send(client, "POST", "/api/journal/assignments/" + assignment.id() + "/submit", null).expect(200);
            for (int i = 0; i < assignment.payloads().size(); i++) {
                String text = assignment.payloads().get(i).text();
                UUID feedback = UUID.fromString(send(therapist, "POST", "/api/journal/assignments/" + assignment.id()
                        + "/answers/" + assignment.answerIds().get(i) + "/feedback", Map.of("body", FEEDBACK + text)).expect(201)
                        .json().path("id").asString());
                Http.Response reply = send(client, "POST", "/api/journal/assignments/" + assignment.id()
                        + "/feedback/" + feedback + "/replies", Map.of("body", REPLY + text));
                if (!reply.isSuccess()) {
                    throw new IllegalStateException("the reply was refused: " + reply);
                }
            }
        }
    }

    /**
     * Through the gateway with the person's token; a 429 of the gateway's rate limit is waited out, since this suite
     * writes far faster than a person does.
     */
    private Http.Response send(Person who, String method, String path, Object body) {
        AtomicReference<Http.Response> last = new AtomicReference<>();
        await(method + " " + path + " past the rate limit").atMost(Duration.ofMinutes(2))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    last.set(http.send(method, stack.gatewayUrl() + path, who.token().get(), body, Map.of()));
                    return last.get().status() != 429;
                });
        return last.get();
    }
}
