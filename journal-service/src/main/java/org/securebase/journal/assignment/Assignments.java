package org.securebase.journal.assignment;

import org.securebase.platform.contracts.JournalLimits;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.securebase.journal.audit.AccessAudit;
import org.securebase.journal.audit.AuditAction;
import org.securebase.journal.audit.AuditedResource;
import org.securebase.journal.caseload.Caseloads;
import org.securebase.journal.catalog.ArticleCatalog;
import org.securebase.journal.catalog.AssignableArticle;
import org.securebase.journal.web.Cursors;
import org.securebase.journal.web.JournalTime;
import org.securebase.journal.web.Page;
import org.securebase.journal.web.PageRequest;
import org.securebase.journal.web.TextLimits;
import org.securebase.platform.events.journal.AssignmentReminderChosen;
import org.securebase.platform.events.outbox.IntegrationEvents;
import org.securebase.platform.security.Caller;
import org.securebase.platform.security.Role;
import org.securebase.platform.web.problem.BadRequestException;
import org.securebase.platform.web.problem.ConflictException;
import org.securebase.platform.web.problem.FieldViolation;
import org.securebase.platform.web.problem.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assignment workflow. The caller's role is settled by the URL rules; who may see which assignment is
 * settled here, and an assignment the caller may not see is "not found".
 */
@Service
class Assignments {

    static final int MAX_PROMPTS = JournalLimits.PROMPTS;
    /** How many of the latest quality ratings the adherence summary lists per client. */
    static final int RECENT_RATINGS = 5;
    /**
     * The last due date stored: PostgreSQL's timestamp ends in the year 294276 and Timestamp.from wraps far-off
     * instants, so without a bound a due date of year 999999999 failed the insert with a 500 instead of a 400.
     */
    static final Instant LATEST_DUE_AT = Instant.parse("9999-12-31T23:59:59Z");

    private final AssignmentRepository repository;
    private final AssignmentReaders readers;
    private final ArticleCatalog catalog;
    private final Caseloads caseloads;
    private final AccessAudit audit;
    private final IntegrationEvents events;
    private final ApplicationEventPublisher inProcess;
    private final Clock clock;

    Assignments(AssignmentRepository repository, AssignmentReaders readers, ArticleCatalog catalog, Caseloads caseloads,
                AccessAudit audit, IntegrationEvents events, ApplicationEventPublisher inProcess, Clock clock) {
        this.repository = repository;
        this.readers = readers;
        this.catalog = catalog;
        this.caseloads = caseloads;
        this.audit = audit;
        this.events = events;
        this.inProcess = inProcess;
        this.clock = clock;
    }

    /** Validates everything before writing anything: bad input changes nothing. */
    @Transactional
    Assignment create(Caller therapist, AssignmentViews.CreateRequest request) {
        Instant now = JournalTime.now(clock);
        if (request == null) {
            throw new BadRequestException("The request body is missing.");
        }
        List<FieldViolation> violations = new ArrayList<>();
        if (request.clientId() == null) {
            violations.add(new FieldViolation("clientId", "is required"));
        }
        if (request.articleId() == null) {
            violations.add(new FieldViolation("articleId", "is required"));
        }
        if (request.dueAt() == null) {
            violations.add(new FieldViolation("dueAt", "is required"));
        } else if (!request.dueAt().isAfter(now)) {
            violations.add(new FieldViolation("dueAt", "must be in the future"));
        } else if (request.dueAt().isAfter(LATEST_DUE_AT)) {
            violations.add(new FieldViolation("dueAt", "must be before the year 10000"));
        }
        List<AssignmentViews.PromptRequest> prompts = request.prompts() == null ? List.of() : request.prompts();
        if (prompts.isEmpty() || prompts.size() > MAX_PROMPTS) {
            violations.add(new FieldViolation("prompts", "must hold between 1 and " + MAX_PROMPTS + " prompts"));
        }
        if (!violations.isEmpty()) {
            throw new BadRequestException("The request has invalid fields.", violations);
        }
        if (!caseloads.isCurrentTherapist(therapist.id(), request.clientId())) {
            throw BadRequestException.forField("clientId", "is not a client of your current caseload");
        }
        AssignableArticle article = catalog.assignable(request.articleId()).orElseThrow(() ->
                BadRequestException.forField("articleId", "does not name a published article"));
        String note = TextLimits.optional("note", request.note(), TextLimits.NOTE);
        Assignment.Card card = Assignment.Card.of(TextLimits.optional("reason", request.reason(), TextLimits.REASON),
                TextLimits.optional("obstacle", request.obstacle(), TextLimits.OBSTACLE));

        Assignment.Step assigned = Assignment.assign(request.clientId(), therapist.id(),
                new Assignment.PinnedArticle(article.articleId(), article.version(), article.slug(), article.title()),
                note, card, request.dueAt(), now);
        List<Prompt> built = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            built.add(buildPrompt(i + 1, prompts.get(i), article, "prompts[" + i + "]"));
        }
        repository.insert(assigned.next(), built);
        announce(assigned, now);
        return assigned.next();
    }

    /** A prompt as requested, checked; {@code field} names it in a 400 (e.g. {@code prompts[0]}). */
    static Prompt buildPrompt(int position, AssignmentViews.PromptRequest request, AssignableArticle article,
                              String field) {
        if (request == null || request.kind() == null) {
            throw BadRequestException.forField(field + ".kind", "must be TEXT, CHECKLIST or SCALE");
        }
        String question = TextLimits.required(field + ".question", request.question(), TextLimits.QUESTION);
        if (request.kind() == PromptKind.CHECKLIST) {
            if (request.listId() == null || request.listId().isBlank()) {
                throw BadRequestException.forField(field + ".listId", "is required for a checklist");
            }
            AssignableArticle.ArticleList list = article.list(request.listId()).orElseThrow(() ->
                    BadRequestException.forField(field + ".listId", "is not a list of the article's current version"));
            return new Prompt(UUID.randomUUID(), position, PromptKind.CHECKLIST, question, list.id(), list.itemIds());
        }
        if (request.listId() != null) {
            throw BadRequestException.forField(field + ".listId", "is only allowed for a checklist");
        }
        return new Prompt(UUID.randomUUID(), position, request.kind(), question, null, null);
    }

    /**
     * The whole assignment. The client's first read marks it opened (and announces it); a therapist's read is
     * audited, and shows answers only once the client submitted.
     */
    @Transactional
    AssignmentViews.AssignmentView read(Caller caller, UUID id) {
        Assignment assignment = readable(caller, id, caller.is(Role.CLIENT));
        Instant now = JournalTime.now(clock);
        if (caller.is(Role.CLIENT)) {
            assignment = assignment.readByClient(now).map(opened -> apply(opened, now)).orElse(assignment);
        }
        if (!caller.is(Role.CLIENT)) {
            audit.recordRead(caller, assignment.clientId(), AuditedResource.ASSIGNMENT, id, AuditAction.READ);
        }
        List<Answer> answers = caller.is(Role.CLIENT) || assignment.status().isSubmitted()
                ? repository.answers(assignment) : List.of();
        AssignmentRepository.Additions additions = repository.additions(assignment);
        return AssignmentViews.AssignmentView.of(assignment, repository.prompts(assignment), answers, additions.plan(),
                additions.quality(), now);
    }

    /** The therapist rates how well a handed-in homework was done; rating it again replaces the rating. */
    @Transactional
    AssignmentViews.QualityView rateQuality(Caller therapist, UUID id, AssignmentViews.QualityRequest request) {
        Assignment assignment = readable(therapist, id, true);
        if (request == null || request.rating() == null || request.rating() < Quality.LOWEST
                || request.rating() > Quality.HIGHEST) {
            throw BadRequestException.forField("rating", "must be a whole number from " + Quality.LOWEST + " to "
                    + Quality.HIGHEST);
        }
        if (!assignment.status().isSubmitted()) {
            throw new ConflictException("Homework can be rated once the client has handed it in.");
        }
        return AssignmentViews.QualityView.of(repository.rateQuality(assignment, request.rating(),
                JournalTime.now(clock)));
    }

    /**
     * The client's plan for their homework: made or changed until it is handed in, then it is part of what was
     * handed in. Saving the same plan again leaves the same plan.
     */
    @Transactional
    AssignmentViews.PlanView makePlan(Caller client, UUID id, AssignmentViews.PlanRequest request) {
        Assignment assignment = readable(client, id, true);
        if (request == null) {
            throw new BadRequestException("The request body is missing.");
        }
        Instant now = JournalTime.now(clock);
        Plan.Sealed plan = new Plan.Sealed(
                TextLimits.required("whenWhere", request.whenWhere(), TextLimits.PLAN_PART),
                TextLimits.optional("obstacle", request.obstacle(), TextLimits.PLAN_PART),
                TextLimits.optional("coping", request.coping(), TextLimits.PLAN_PART));
        Instant remindAt = request.remindAt() == null ? null : request.remindAt().truncatedTo(ChronoUnit.MICROS);
        if (remindAt != null && !remindAt.isAfter(now)) {
            throw BadRequestException.forField("remindAt", "must be in the future");
        } else if (remindAt != null && !remindAt.isBefore(assignment.dueAt())) {
            throw BadRequestException.forField("remindAt", "must be before the homework is due");
        }
        if (assignment.status().isSubmitted()) {
            throw new ConflictException("The homework is handed in; its plan can no longer change.");
        }
        Instant before = repository.planReminder(assignment.id()).orElse(null);
        Plan saved = repository.savePlan(assignment, plan, remindAt, now);
        if (!Objects.equals(before, remindAt)) {
            // Only the times travel: the plan's words stay sealed here.
            events.publish(new AssignmentReminderChosen(assignment.id(), assignment.clientId(), assignment.therapistId(),
                    assignment.dueAt(), remindAt), now);
        }
        return AssignmentViews.PlanView.of(saved);
    }

    @Transactional(readOnly = true)
    Page<AssignmentViews.AssignmentSummary> list(Caller caller, UUID clientFilter, AssignmentRepository.ListFilter filter,
                                                 PageRequest page) {
        Cursors.TimeAndId after = page.cursor() == null ? null : Cursors.decodeTimeAndId(page.cursor());
        List<Assignment> rows;
        if (caller.is(Role.CLIENT)) {
            if (clientFilter != null && !clientFilter.equals(caller.id())) {
                throw BadRequestException.forField("client", "a client sees their own assignments only");
            }
            rows = repository.listForClient(caller.id(), filter, after, page.fetchSize());
        } else {
            List<UUID> clients = caseloads.allClientsOf(caller.id());
            if (clientFilter != null) {
                clients = clients.contains(clientFilter) ? List.of(clientFilter) : List.of();
            }
            rows = repository.listForTherapist(caller.id(), clients, filter, after, page.fetchSize());
        }
        Instant now = JournalTime.now(clock);
        return Page.of(rows, page.limit(), a -> Cursors.encode(a.lifecycle().createdAt(), a.id()))
                .map(a -> AssignmentViews.AssignmentSummary.of(a, now));
    }

    /** Saves (or replaces) the draft answer to one prompt. Repeating the same request leaves the same state. */
    @Transactional
    AssignmentViews.AnswerView saveAnswer(Caller client, UUID id, UUID promptId, AssignmentViews.AnswerRequest request) {
        Assignment assignment = readable(client, id, true);
        Prompt prompt = repository.prompt(assignment, promptId).orElseThrow(NotFoundException::new);
        Instant now = JournalTime.now(clock);
        Assignment.Step answered = assignment.answered(now);
        AnswerValue value = validatedAnswer(prompt, request);
        Answer answer = repository.saveAnswer(assignment, promptId, value, now);
        apply(answered, now);
        return AssignmentViews.AnswerView.of(answer);
    }

    /** Submits the answers; every prompt must be answered. A second submit is a conflict and changes nothing. */
    @Transactional
    AssignmentViews.AssignmentView submit(Caller client, UUID id) {
        Assignment assignment = readable(client, id, true);
        Instant now = JournalTime.now(clock);
        Assignment.Step submitted = assignment.submitted(now);
        List<Prompt> prompts = repository.prompts(assignment);
        Set<UUID> answered = repository.answers(assignment).stream().map(Answer::promptId).collect(Collectors.toSet());
        if (!answered.containsAll(prompts.stream().map(Prompt::id).toList())) {
            throw new ConflictException("Answer every prompt before submitting.");
        }
        Assignment handedIn = apply(submitted, now);
        inProcess.publishEvent(new AssignmentHandedIn(handedIn.id(), handedIn.clientId(), handedIn.therapistId(), now));
        AssignmentRepository.Additions additions = repository.additions(handedIn);
        return AssignmentViews.AssignmentView.of(handedIn, prompts, repository.answers(handedIn), additions.plan(),
                additions.quality(), now);
    }

    /**
     * Moves the due time of an assignment of the therapist's current caseload that is not handed in yet, and announces
     * it so reminders move too. The same time again is no change and announces nothing.
     */
    @Transactional
    AssignmentViews.AssignmentSummary moveDue(Caller therapist, UUID id, AssignmentViews.DueRequest request) {
        Instant now = JournalTime.now(clock);
        if (request == null) {
            throw new BadRequestException("The request body is missing.");
        }
        validDueAt(request.dueAt(), now);
        Assignment assignment = readable(therapist, id, true);
        if (assignment.dueAt().equals(request.dueAt().truncatedTo(ChronoUnit.MICROS))) {
            return AssignmentViews.AssignmentSummary.of(assignment, now);
        }
        Assignment moved = apply(assignment.dueMovedTo(request.dueAt()), now);
        // A reminder time the client chose for the old due time stays only while it is still before the new one;
        // account-service, reading the same event, keeps or drops its reminder by the same rule.
        repository.clearPlanReminderNotBefore(id, moved.dueAt());
        return AssignmentViews.AssignmentSummary.of(moved, now);
    }

    private static void validDueAt(Instant dueAt, Instant now) {
        if (dueAt == null) {
            throw BadRequestException.forField("dueAt", "is required");
        } else if (!dueAt.isAfter(now)) {
            throw BadRequestException.forField("dueAt", "must be in the future");
        } else if (dueAt.isAfter(LATEST_DUE_AT)) {
            throw BadRequestException.forField("dueAt", "must be before the year 10000");
        }
    }

    /** Per client of the therapist's current caseload, ordered by client id: counts and last activity. */
    @Transactional(readOnly = true)
    Page<AssignmentViews.AdherenceSummary> adherence(Caller therapist, PageRequest page) {
        UUID after = page.cursor() == null ? null : Cursors.decodeUuid(page.cursor());
        List<UUID> clients = caseloads.clientsOf(therapist.id(), after, page.fetchSize());
        Page<UUID> clientPage = Page.of(clients, page.limit(), Cursors::encode);
        Instant now = JournalTime.now(clock);
        Map<UUID, AssignmentRepository.AdherenceRow> rows = repository.adherence(therapist.id(), clientPage.items(), now)
                .stream().collect(Collectors.toMap(AssignmentRepository.AdherenceRow::clientId, Function.identity()));
        Map<UUID, List<Integer>> ratings = repository.ratings(therapist.id(), clientPage.items()).stream()
                .collect(Collectors.groupingBy(AssignmentRepository.RatedRow::clientId,
                        Collectors.mapping(AssignmentRepository.RatedRow::rating, Collectors.toList())));
        return clientPage.map(client -> {
            AssignmentRepository.AdherenceRow row = rows.get(client);
            String name = caseloads.displayName(client).orElse(null);
            List<Integer> rated = ratings.getOrDefault(client, List.of());
            Double average = rated.isEmpty() ? null
                    : Math.round(rated.stream().mapToInt(Integer::intValue).average().orElseThrow() * 10) / 10.0;
            List<Integer> recent = List.copyOf(rated.subList(Math.max(0, rated.size() - RECENT_RATINGS), rated.size()));
            return row == null
                    ? new AssignmentViews.AdherenceSummary(client, name, 0, 0, 0, 0, null, 0, null, List.of())
                    : new AssignmentViews.AdherenceSummary(client, name, row.assigned(), row.opened(), row.submitted(),
                    row.overdue(), row.lastActivityAt(), rated.size(), average, recent);
        });
    }

    private Assignment readable(Caller caller, UUID id, boolean forUpdate) {
        return readers.find(caller, id, forUpdate).orElseThrow(NotFoundException::new);
    }

    /** Stores a step of the workflow and publishes its event in this transaction; returns the assignment after it. */
    private Assignment apply(Assignment.Step step, Instant now) {
        repository.update(step.next());
        announce(step, now);
        return step.next();
    }

    private void announce(Assignment.Step step, Instant now) {
        step.event().ifPresent(event -> events.publish(event, now));
    }

    private static AnswerValue validatedAnswer(Prompt prompt, AssignmentViews.AnswerRequest request) {
        if (request == null) {
            throw new BadRequestException("The request body is missing.");
        }
        switch (prompt.kind()) {
            case TEXT -> {
                if (request.checkedItemIds() != null || request.value() != null) {
                    throw BadRequestException.forField("text", "is the only answer a free-text prompt takes");
                }
                return new AnswerValue(TextLimits.required("text", request.text(), TextLimits.ANSWER), null, null);
            }
            case CHECKLIST -> {
                if (request.text() != null || request.value() != null || request.checkedItemIds() == null) {
                    throw BadRequestException.forField("checkedItemIds",
                            "is the only answer a checklist takes (an empty list checks nothing)");
                }
                Set<String> unique = new HashSet<>(request.checkedItemIds());
                if (unique.size() != request.checkedItemIds().size() || !prompt.itemIds().containsAll(unique)) {
                    throw BadRequestException.forField("checkedItemIds", "must be distinct items of this checklist");
                }
                return new AnswerValue(null, List.copyOf(request.checkedItemIds()), null);
            }
            case SCALE -> {
                if (request.text() != null || request.checkedItemIds() != null || request.value() == null
                        || request.value() < PromptKind.SCALE_MIN || request.value() > PromptKind.SCALE_MAX) {
                    throw BadRequestException.forField("value", "must be a whole number from "
                            + PromptKind.SCALE_MIN + " to " + PromptKind.SCALE_MAX);
                }
                return new AnswerValue(null, null, request.value());
            }
            default -> throw new IllegalStateException("unknown prompt kind");
        }
    }
}
