package org.securebase.journal.assignment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.securebase.journal.catalog.ArticleCatalog;
import org.securebase.journal.catalog.AssignableArticle;
import org.securebase.journal.web.JournalTime;
import org.securebase.journal.web.TextLimits;
import org.securebase.platform.events.outbox.IntegrationEvents;
import org.securebase.platform.web.problem.BadRequestException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Homework made by something other than a therapist's assign form (a program's step): the same checks as assigning
 * when the homework is prepared, the same assignment, events and pinning when it is issued. A prepared homework pins
 * the article version current when it was prepared, as an assignment does when made.
 */
@Component
public class AssignmentIssuing {

    private final AssignmentRepository repository;
    private final ArticleCatalog catalog;
    private final IntegrationEvents events;
    private final Clock clock;

    AssignmentIssuing(AssignmentRepository repository, ArticleCatalog catalog, IntegrationEvents events, Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    /** A prompt of prepared homework; for a checklist, the list and its item ids at the pinned version. */
    public record PreparedPrompt(PromptKind kind, String question, String listId, List<String> itemIds) {

        public PreparedPrompt {
            itemIds = itemIds == null ? null : List.copyOf(itemIds);
        }

        @Override
        public String toString() {
            return "PreparedPrompt[kind=" + kind + "]";
        }
    }

    /** A prompt as asked for: kind, question, and for a checklist the id of one of the article's lists. */
    public record PromptSpec(PromptKind kind, String question, String listId) {

        @Override
        public String toString() {
            return "PromptSpec[kind=" + kind + "]";
        }
    }

    /** Homework ready to issue: the pinned article version and the checked prompts. */
    public record Prepared(UUID articleId, int articleVersion, String articleSlug, String articleTitle,
                           List<PreparedPrompt> prompts) {

        public Prepared {
            prompts = List.copyOf(prompts);
        }
    }

    /**
     * Checks the article (published) and the prompts (1 to 20, as when assigning) and pins the article's current
     * version. Field names in the 400 start with {@code fieldPrefix}, e.g. {@code steps[1].}.
     */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public Prepared prepare(UUID articleId, List<PromptSpec> prompts, String fieldPrefix) {
        if (articleId == null) {
            throw BadRequestException.forField(fieldPrefix + "articleId", "is required");
        }
        if (prompts == null || prompts.isEmpty() || prompts.size() > Assignments.MAX_PROMPTS) {
            throw BadRequestException.forField(fieldPrefix + "prompts",
                    "must hold between 1 and " + Assignments.MAX_PROMPTS + " prompts");
        }
        AssignableArticle article = catalog.assignable(articleId).orElseThrow(() ->
                BadRequestException.forField(fieldPrefix + "articleId", "does not name a published article"));
        List<PreparedPrompt> prepared = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            PromptSpec spec = prompts.get(i);
            Prompt prompt = Assignments.buildPrompt(i + 1, spec == null ? null
                    : new AssignmentViews.PromptRequest(spec.kind(), spec.question(), spec.listId()), article,
                    fieldPrefix + "prompts[" + i + "]");
            prepared.add(new PreparedPrompt(prompt.kind(), prompt.question(), prompt.listId(), prompt.itemIds()));
        }
        return new Prepared(article.articleId(), article.version(), article.slug(), article.title(), prepared);
    }

    /**
     * Issues prepared homework to a client as their therapist, due {@code dueAt}, with {@code reason} on its card;
     * announced like any assignment. The caller has checked the caseload. Returns the new assignment's id.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID issue(UUID therapistId, UUID clientId, Prepared homework, String reason, Instant dueAt) {
        Instant now = JournalTime.now(clock);
        Assignment.Step assigned = Assignment.assign(clientId, therapistId,
                new Assignment.PinnedArticle(homework.articleId(), homework.articleVersion(), homework.articleSlug(),
                        homework.articleTitle()),
                null, Assignment.Card.of(TextLimits.optional("reason", reason, TextLimits.REASON), null), dueAt, now);
        List<Prompt> prompts = new ArrayList<>();
        for (int i = 0; i < homework.prompts().size(); i++) {
            PreparedPrompt prompt = homework.prompts().get(i);
            prompts.add(new Prompt(UUID.randomUUID(), i + 1, prompt.kind(), prompt.question(), prompt.listId(),
                    prompt.itemIds()));
        }
        repository.insert(assigned.next(), prompts);
        assigned.event().ifPresent(event -> events.publish(event, now));
        return assigned.next().id();
    }
}
