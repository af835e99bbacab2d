package org.securebase.systemtests.xss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.securebase.localstack.SecureBaseStack;
import org.securebase.systemtests.RunningStack;
import org.securebase.systemtests.authorization.StackAccess;
import org.securebase.systemtests.xss.HostilePractice.Assignment;
import org.securebase.systemtests.xss.Payloads.Payload;

/**
 * Every payload of {@link Payloads} is stored through the gateway as an article (title, summary, Markdown body), a
 * journal entry (title, body), a homework question, answer, feedback and reply, then read in the portal by the
 * client, the therapist and the admin in their own Chromium. Plain-text places must show the payload literally
 * (escaped, never interpreted, no server-side expression evaluated); Markdown places are sanitized twice. The
 * {@link ScriptProbe} must record no execution, no CSP violation and nothing in the DOM that could run script.
 *
 * <p>Short by design: lists show many payloads per page, every payload's own article is opened by the client
 * (library) and the therapist (editor with preview), the admin opens the articles holding a whole payload family;
 * of the journal entries, the one holding every payload and a sample of single ones are opened by both readers.
 */
@ExtendWith(RunningStack.class)
class StoredXssIT {

    private static final int SAMPLE_EVERY = 10;

    private final List<PortalReader> readers = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        readers.forEach(PortalReader::close);
    }

    @Test
    void storedPayloadsNeverRunForAnyRole() {
        SecureBaseStack stack = RunningStack.get();
        List<Payload> payloads = Payloads.all();
        assertThat(payloads).hasSizeGreaterThanOrEqualTo(100);
        HostilePractice practice = HostilePractice.setUp(StackAccess.of(stack), payloads);
        practice.assignAndAnswer();
        String base = stack.publicUrl();

        // The client while the homework is open: questions as labels, answers inside the form's text areas.
        PortalReader client = open(base, "client", practice.client().email(), stack.demoPassword());
        for (Assignment assignment : practice.assignments) {
            List<String> literals = new ArrayList<>();
            literals.add(assignment.payloads().get(0).text());
            assignment.payloads().forEach(p -> {
                literals.add(p.line());
                literals.add(p.text());
            });
            client.visit("/assignments/" + assignment.id(), "#homework-form", literals, never(assignment.payloads()));
        }

        practice.submitReviewAndReply();
        PortalReader therapist = open(base, "therapist", practice.therapist().email(), stack.demoPassword());
        PortalReader admin = open(base, "admin", HostilePractice.ADMIN_EMAIL, stack.demoPassword());

        // Submitted homework, with feedback and replies: the client and the therapist.
        for (Assignment assignment : practice.assignments) {
            List<String> literals = new ArrayList<>();
            assignment.payloads().forEach(p -> {
                literals.add(p.line());
                literals.add(p.text());
                literals.add(HostilePractice.FEEDBACK + p.text());
                literals.add(HostilePractice.REPLY + p.text());
            });
            for (PortalReader reader : List.of(client, therapist)) {
                reader.visit("/assignments/" + assignment.id(), "#answers", literals, never(assignment.payloads()));
            }
        }
        client.visit("/", "#greeting", List.of(practice.client().firstName()), List.of());
        therapist.visit("/", "#greeting", List.of(practice.therapist().firstName(), practice.client().displayName()),
                List.of());

        // Journal: every title in the lists, every payload in the entry holding them all, a sample of single ones.
        String clientJournal = String.join("\n", client.visitAllPages("/journal", "#entries", "older-entries"));
        String sharedList = String.join("\n", therapist.visitAllPages("/shared-entries?client=" + practice.client().id(),
                "#main", "older-shared"));
        for (Payload payload : payloads) {
            assertThat(clientJournal).as("the client's journal lists " + payload.id()).contains(payload.line());
            assertThat(sharedList).as("the therapist's shared entries list " + payload.id()).contains(payload.line());
        }
        String everything = practice.bundle("journal", payloads);
        client.visit("/journal/" + practice.everyPayloadEntry, "#entry-body", List.of(everything), never(payloads));
        therapist.visit("/shared-entries/" + practice.everyPayloadEntry, "#entry-body", List.of(everything),
                never(payloads));
        for (int i = 0; i < payloads.size(); i += SAMPLE_EVERY) {
            Payload payload = payloads.get(i);
            List<String> literals = List.of(payload.line(), payload.text());
            client.visit("/journal/" + practice.entries.get(payload.id()), "#entry-body", literals, never(List.of(payload)));
            therapist.visit("/shared-entries/" + practice.entries.get(payload.id()), "#entry-body", literals,
                    never(List.of(payload)));
        }

        // Articles: every title and summary in the library, every body by the client (content-service's renderer
        // and the portal's gate) and the therapist (the editor: the portal's own renderer, the text in the form).
        StringBuilder library = new StringBuilder();
        for (int page = 0; ; page++) {
            String text = client.visit("/library?q=" + practice.searchWord() + "&page=" + page, "#main", List.of(), List.of());
            // The search field holds the word too; a result's summary has it followed by its text.
            if (!text.contains(practice.searchWord() + " ")) {
                break;
            }
            library.append(text);
        }
        for (Payload payload : payloads) {
            assertThat(library).as("the library lists " + payload.id()).contains(payload.line())
                    .contains(practice.searchWord() + " " + payload.line());
            String slug = practice.articleSlugs.get(payload.id());
            client.visit("/library/" + slug, ".reading-body", List.of(payload.line()), never(List.of(payload)));
            therapist.visit("/writing/" + slug, "#preview", List.of(payload.line(), payload.text()),
                    never(List.of(payload)));
        }
        for (String slug : practice.familySlugs.values()) {
            admin.visit("/library/" + slug, ".reading-body", List.of(), never(payloads));
            // Not the admin's article: the page without the editor, which offers withdrawing it.
            admin.visit("/writing/" + slug, "#others-article", List.of(), never(payloads));
            therapist.visit("/assignments/new?article=" + slug + "&client=" + practice.client().id(), ".preview",
                    List.of(), never(payloads));
        }
        for (int i = 0; i < payloads.size(); i += SAMPLE_EVERY) {
            admin.visit("/library/" + practice.articleSlugs.get(payloads.get(i).id()), ".reading-body",
                    List.of(payloads.get(i).line()), never(List.of(payloads.get(i))));
        }
        therapist.visit("/writing", "#main", List.of(), List.of());
        admin.visit("/writing", "#main", List.of(), List.of());
        therapist.livePreview(practice.bundle("live", payloads), "Bundle live");

        // The admin's pages with what people wrote about themselves: names (apostrophes, accents) and emails.
        admin.visit("/?name=" + practice.run(), "#accounts",
                List.of(practice.client().displayName(), practice.therapist().displayName()), List.of());
        admin.visit("/accounts/" + practice.client().id() + "/therapist", "#therapistId",
                List.of(practice.therapist().displayName()), List.of());
        admin.visit("/audit", "#main", List.of(), List.of());
        client.visit("/audit", "#reads", List.of(practice.therapist().displayName()), List.of());

        readers.forEach(PortalReader::finish);
        List<String> findings = readers.stream().flatMap(reader -> reader.probe().findings().stream()).toList();
        long executions = readers.stream().mapToLong(reader -> reader.probe().executions()).sum();
        long violations = readers.stream().mapToLong(reader -> reader.probe().cspViolations()).sum();
        long domProblems = readers.stream().mapToLong(reader -> reader.probe().domProblems()).sum();
        int pages = readers.stream().mapToInt(PortalReader::pages).sum();
        int links = readers.stream().mapToInt(reader -> reader.probe().linksActivated()).sum();
        System.out.printf("stored-xss payloads=%d placements=%d pages=%d links-clicked=%d executions=%d "
                        + "csp-violations=%d dom-findings=%d%n", payloads.size(), practice.placements(), pages, links,
                executions, violations, domProblems);
        assertThat(findings).as("script executions, CSP violations and script-capable markup in the portal").isEmpty();
    }

    private PortalReader open(String base, String role, String email, String password) {
        PortalReader reader = PortalReader.logIn(base, role, email, password);
        readers.add(reader);
        return reader;
    }

    /** What a page would show had a template evaluated a stored expression. */
    private static List<String> never(List<Payload> payloads) {
        return payloads.stream().map(Payload::evaluated).filter(Objects::nonNull).toList();
    }
}
