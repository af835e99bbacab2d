package org.securebase.journal.program;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.securebase.journal.assignment.AssignmentHandedIn;
import org.securebase.journal.assignment.AssignmentIssuing;
import org.securebase.journal.caseload.Caseloads;
import org.securebase.journal.web.JournalTime;
import org.securebase.journal.web.TextLimits;
import org.securebase.platform.contracts.JournalLimits;
import org.securebase.platform.security.Caller;
import org.securebase.platform.security.Role;
import org.securebase.platform.web.problem.BadRequestException;
import org.securebase.platform.web.problem.ConflictException;
import org.securebase.platform.web.problem.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Building programs, enrolling clients, and delivering their steps. Who may do what is settled by the URL rules for the
 * role and here for the object: an enrolment is its therapist's while the client is on their caseload, else not found.
 */
@Service
class Programs {

    static final int LIST_LIMIT = 100;

    private final ProgramRepository repository;
    private final AssignmentIssuing issuing;
    private final Caseloads caseloads;
    private final Clock clock;
    private final ZoneId practiceZone;

    Programs(ProgramRepository repository, AssignmentIssuing issuing, Caseloads caseloads, Clock clock,
             @Value("${securebase.journal.practice-zone:UTC}") ZoneId practiceZone) {
        this.repository = repository;
        this.issuing = issuing;
        this.caseloads = caseloads;
        this.clock = clock;
        this.practiceZone = practiceZone;
    }

    /** Checks every step (published article, prompts, rule, days) before writing anything. */
    @Transactional
    ProgramViews.ProgramView create(Caller author, ProgramViews.ProgramRequest request) {
        if (request == null) {
            throw new BadRequestException("The request body is missing.");
        }
        String title = TextLimits.storable("title", TextLimits.required("title", request.title(), TextLimits.TITLE));
        String description = TextLimits.storable("description", TextLimits.optional("description",
                request.description(), JournalLimits.PROGRAM_DESCRIPTION));
        List<ProgramViews.StepRequest> requested = request.steps() == null ? List.of() : request.steps();
        if (requested.isEmpty() || requested.size() > JournalLimits.PROGRAM_STEPS) {
            throw BadRequestException.forField("steps", "must hold between 1 and " + JournalLimits.PROGRAM_STEPS
                    + " steps");
        }
        List<ProgramStep> steps = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            String field = "steps[" + i + "].";
            ProgramViews.StepRequest step = requested.get(i);
            if (step == null) {
                throw BadRequestException.forField("steps[" + i + "]", "is required");
            }
            ProgramViews.RuleRequest rule = step.rule();
            if (rule == null) {
                throw BadRequestException.forField(field + "rule", "is required");
            }
            DeliveryRule delivery = DeliveryRule.of(rule.kind(), rule.days(), rule.weekday(), field + "rule");
            if (step.dueDays() == null || step.dueDays() < 1 || step.dueDays() > JournalLimits.PROGRAM_DUE_DAYS) {
                throw BadRequestException.forField(field + "dueDays",
                        "must be a whole number of days from 1 to " + JournalLimits.PROGRAM_DUE_DAYS);
            }
            List<AssignmentIssuing.PromptSpec> prompts = step.prompts() == null ? null : step.prompts().stream()
                    .map(p -> p == null ? null : new AssignmentIssuing.PromptSpec(p.kind(), p.question(), p.listId()))
                    .toList();
            steps.add(new ProgramStep(i + 1, issuing.prepare(step.articleId(), prompts, field), delivery,
                    step.dueDays()));
        }
        UUID id = UUID.randomUUID();
        Instant now = JournalTime.now(clock);
        repository.insert(id, title, description == null ? "" : description, author.id(), now, steps);
        return view(repository.find(id).orElseThrow(), steps);
    }

    @Transactional(readOnly = true)
    List<ProgramViews.ProgramSummary> list() {
        return repository.list(LIST_LIMIT).stream()
                .map(head -> new ProgramViews.ProgramSummary(head.id(), head.title(), head.description(), head.steps(),
                        head.createdAt()))
                .toList();
    }

    @Transactional(readOnly = true)
    ProgramViews.ProgramView read(UUID id) {
        ProgramRepository.Head head = repository.find(id).orElseThrow(NotFoundException::new);
        return view(head, repository.steps(id));
    }

    /**
     * Enrols a client of the therapist's caseload (else 400, as when assigning). A first step due at once is delivered
     * in this transaction, so it is there when the therapist's page comes back.
     */
    @Transactional
    ProgramViews.EnrolmentView enrol(Caller therapist, UUID programId, ProgramViews.EnrolRequest request) {
        if (request == null) {
            throw new BadRequestException("The request body is missing.");
        }
        if (request.clientId() == null) {
            throw BadRequestException.forField("clientId", "is required");
        }
        String reason = TextLimits.optional("reason", request.reason(), TextLimits.REASON);
        ZoneId clientZone = zone(request.zone());
        // The client first: a therapist who may not enrol this client learns nothing about the program's id.
        if (!caseloads.isCurrentTherapist(therapist.id(), request.clientId())) {
            throw BadRequestException.forField("clientId", "is not a client of your current caseload");
        }
        ProgramRepository.Head head = repository.find(programId).orElseThrow(NotFoundException::new);
        if (repository.hasRunningEnrolment(programId, request.clientId())) {
            throw new ConflictException("The client is already enrolled in this program.");
        }
        List<ProgramStep> steps = repository.steps(programId);
        Instant now = JournalTime.now(clock);
        ProgramEnrolment enrolment = new ProgramEnrolment(UUID.randomUUID(), programId, request.clientId(),
                therapist.id(), ProgramEnrolment.Status.ACTIVE, 1,
                steps.get(0).rule().dueAfter(now, clientZone != null ? clientZone : practiceZone), null, now, clientZone);
        repository.insertEnrolment(enrolment, reason);
        if (!enrolment.nextAt().isAfter(now)) {
            deliver(enrolment, steps, now);
        }
        return enrolmentView(repository.findEnrolment(enrolment.id(), false).orElseThrow(), head, steps.size());
    }

    /** The client's own enrolments; a therapist's for a client of their caseload (or all of their caseload). */
    @Transactional(readOnly = true)
    List<ProgramViews.EnrolmentView> enrolments(Caller caller, UUID clientFilter) {
        List<ProgramEnrolment> found;
        if (caller.is(Role.CLIENT)) {
            if (clientFilter != null && !clientFilter.equals(caller.id())) {
                throw BadRequestException.forField("client", "a client sees their own programs only");
            }
            found = repository.enrolmentsOf(List.of(caller.id()), null, LIST_LIMIT);
        } else {
            List<UUID> clients = caseloads.allClientsOf(caller.id());
            if (clientFilter != null) {
                clients = clients.contains(clientFilter) ? List.of(clientFilter) : List.of();
            }
            found = repository.enrolmentsOf(clients, caller.id(), LIST_LIMIT);
        }
        return found.stream().map(enrolment -> {
            ProgramRepository.Head head = repository.find(enrolment.programId()).orElseThrow();
            return enrolmentView(enrolment, head, head.steps());
        }).toList();
    }

    /** Pauses, resumes or ends an enrolment of the therapist's (else 404); a finished one cannot change (409). */
    @Transactional
    ProgramViews.EnrolmentView change(Caller therapist, UUID enrolmentId, ProgramEnrolment.Status to) {
        ProgramEnrolment enrolment = repository.findEnrolment(enrolmentId, true)
                .filter(found -> found.therapistId().equals(therapist.id())
                        && caseloads.isCurrentTherapist(therapist.id(), found.clientId()))
                .orElseThrow(NotFoundException::new);
        if (!enrolment.status().running()) {
            throw new ConflictException("The enrolment has " + (enrolment.status() == ProgramEnrolment.Status.ENDED
                    ? "ended" : "delivered every step") + "; it can no longer change.");
        }
        if (enrolment.status() != to) {
            repository.setStatus(enrolment.id(), to, JournalTime.now(clock));
        }
        ProgramRepository.Head head = repository.find(enrolment.programId()).orElseThrow();
        return enrolmentView(repository.findEnrolment(enrolment.id(), false).orElseThrow(), head, head.steps());
    }

    /** The hand-in of a delivered step starts the next step's rule; in the submitting transaction. */
    @EventListener
    void on(AssignmentHandedIn handedIn) {
        repository.lockWaitingOn(handedIn.assignmentId()).ifPresent(enrolment -> {
            List<ProgramStep> steps = repository.steps(enrolment.programId());
            if (enrolment.nextPosition() <= steps.size()) {
                ProgramStep next = steps.get(enrolment.nextPosition() - 1);
                repository.scheduleNext(enrolment.id(), next.rule().dueAfter(handedIn.handedInAt(), zoneOf(enrolment)),
                        JournalTime.now(clock));
            }
        });
    }

    /**
     * Delivers up to {@code limit} due steps; returns how many enrolments it took. An enrolment whose client left the
     * therapist's caseload ends instead: the new therapist decides what comes next.
     */
    @Transactional
    int deliverDue(int limit) {
        Instant now = JournalTime.now(clock);
        List<ProgramEnrolment> due = repository.lockDue(now, limit);
        for (ProgramEnrolment enrolment : due) {
            if (!caseloads.isCurrentTherapist(enrolment.therapistId(), enrolment.clientId())) {
                repository.setStatus(enrolment.id(), ProgramEnrolment.Status.ENDED, now);
                continue;
            }
            deliver(enrolment, repository.steps(enrolment.programId()), now);
        }
        return due.size();
    }

    private void deliver(ProgramEnrolment enrolment, List<ProgramStep> steps, Instant now) {
        ProgramStep step = steps.get(enrolment.nextPosition() - 1);
        UUID assignment = issuing.issue(enrolment.therapistId(), enrolment.clientId(), step.homework(),
                repository.reason(enrolment.id(), enrolment.clientId()), now.plus(Duration.ofDays(step.dueDays())));
        repository.delivered(enrolment, assignment, step.position() == steps.size(), now);
    }

    private static ProgramViews.ProgramView view(ProgramRepository.Head head, List<ProgramStep> steps) {
        return new ProgramViews.ProgramView(head.id(), head.title(), head.description(), head.createdBy(),
                head.createdAt(), steps.stream().map(step -> new ProgramViews.StepView(step.position(),
                        new ProgramViews.ArticleRef(step.homework().articleId(), step.homework().articleSlug(),
                                step.homework().articleTitle(), step.homework().articleVersion()),
                        step.homework().prompts().stream()
                                .map(p -> new ProgramViews.PromptView(p.kind(), p.question(), p.listId())).toList(),
                        new ProgramViews.RuleRequest(step.rule().kind(), step.rule().days(), step.rule().weekday()),
                        step.dueDays())).toList());
    }

    private ProgramViews.EnrolmentView enrolmentView(ProgramEnrolment enrolment, ProgramRepository.Head head,
                                                     int steps) {
        return new ProgramViews.EnrolmentView(enrolment.id(), enrolment.programId(), head.title(), enrolment.clientId(),
                enrolment.therapistId(), enrolment.status(), steps, enrolment.nextPosition(), enrolment.nextAt(),
                enrolment.createdAt(), repository.deliveries(enrolment.id()), zoneOf(enrolment).getId());
    }

    private ZoneId zoneOf(ProgramEnrolment enrolment) {
        return enrolment.zone() != null ? enrolment.zone() : practiceZone;
    }

    /** The zone of an enrol request: absent is none; anything but a known IANA id is a 400 naming the field. */
    private static ZoneId zone(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        if (id.length() > JournalLimits.ZONE_ID) {
            throw BadRequestException.forField("zone", "may be at most " + JournalLimits.ZONE_ID + " characters");
        }
        // The same set account-service accepts in a person's settings: region ids, not offsets such as "+05:00".
        String region = id.strip();
        if (!ZoneId.getAvailableZoneIds().contains(region)) {
            throw BadRequestException.forField("zone", "must be a time zone such as Europe/Madrid");
        }
        return ZoneId.of(region);
    }
}
