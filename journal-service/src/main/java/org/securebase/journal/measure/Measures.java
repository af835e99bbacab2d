package org.securebase.journal.measure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.securebase.journal.audit.AccessAudit;
import org.securebase.journal.audit.AuditAction;
import org.securebase.journal.audit.AuditedResource;
import org.securebase.journal.caseload.Caseloads;
import org.securebase.journal.web.JournalTime;
import org.securebase.platform.events.journal.MeasureAssigned;
import org.securebase.platform.events.journal.MeasureDue;
import org.securebase.platform.events.journal.MeasureNeedsAttention;
import org.securebase.platform.events.outbox.IntegrationEvents;
import org.securebase.platform.security.Caller;
import org.securebase.platform.web.problem.BadRequestException;
import org.securebase.platform.web.problem.ConflictException;
import org.securebase.platform.web.problem.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.node.ObjectNode;

/**
 * The measures' rules. Roles are settled by the URL rules (journal's security rules); who may touch which object is
 * settled here, and anything not the caller's is "not found": a client reads their own instances, a therapist those
 * of the schedules they made while the client is on their current caseload, every such read audited.
 */
@Service
class Measures {

    static final Set<Integer> INTERVALS = Set.of(1, 2, 4);

    private final MeasureRepository repository;
    private final FhirDocuments fhir;
    private final Instruments instruments;
    private final Caseloads caseloads;
    private final AccessAudit audit;
    private final IntegrationEvents events;
    private final MeasureProperties properties;
    private final Clock clock;

    Measures(MeasureRepository repository, Instruments instruments, Caseloads caseloads, AccessAudit audit,
             IntegrationEvents events, MeasureProperties properties, Clock clock) {
        this.repository = repository;
        this.fhir = new FhirDocuments(properties.fhirBase());
        this.instruments = instruments;
        this.caseloads = caseloads;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** Assigns the newest version of an instrument; the first instance is due at once. */
    @Transactional
    MeasureSchedule assign(Caller therapist, MeasureViews.ScheduleRequest request) {
        if (request == null) {
            throw new BadRequestException("The request body is missing.");
        }
        if (request.clientId() == null) {
            throw BadRequestException.forField("clientId", "is required");
        }
        InstrumentDefinition definition = request.instrument() == null ? null
                : instruments.current(request.instrument()).orElse(null);
        if (definition == null) {
            throw BadRequestException.forField("instrument", "must be one of " + instruments.currentVersions().stream()
                    .map(InstrumentDefinition::code).toList());
        }
        if (request.everyWeeks() != null && !INTERVALS.contains(request.everyWeeks())) {
            throw BadRequestException.forField("everyWeeks", "must be 1, 2 or 4, or absent for once");
        }
        if (!caseloads.isCurrentTherapist(therapist.id(), request.clientId())) {
            throw BadRequestException.forField("clientId", "is not a client of your current caseload");
        }
        Instant now = JournalTime.now(clock);
        MeasureSchedule schedule = new MeasureSchedule(UUID.randomUUID(), request.clientId(), therapist.id(),
                definition.key(), request.everyWeeks(), now, now, null);
        repository.insert(schedule);
        events.publish(new MeasureAssigned(schedule.id(), schedule.clientId(), therapist.id(), definition.key(),
                schedule.everyWeeks(), now), now);
        makeDue(schedule, now);
        return repository.findSchedule(schedule.id(), false).orElseThrow();
    }

    @Transactional
    MeasureSchedule end(Caller therapist, UUID scheduleId) {
        MeasureSchedule schedule = ownSchedule(therapist, scheduleId, true);
        repository.end(schedule.id(), JournalTime.now(clock));
        return repository.findSchedule(scheduleId, false).orElseThrow();
    }

    @Transactional(readOnly = true)
    List<MeasureSchedule> schedules(Caller therapist, UUID clientId) {
        if (clientId == null || !caseloads.isCurrentTherapist(therapist.id(), clientId)) {
            return List.of();
        }
        return repository.schedulesOf(clientId, therapist.id());
    }

    /**
     * Makes the instances that came due, up to {@code limit} schedules, for one client or all: called by the periodic
     * task and before a client's list, so a client never waits for the task to see what is due.
     */
    @Transactional
    int catchUp(UUID clientOnly, int limit) {
        Instant now = JournalTime.now(clock);
        List<MeasureSchedule> due = repository.lockDue(now, limit, clientOnly);
        due.forEach(schedule -> makeDue(schedule, now));
        return due.size();
    }

    /**
     * The schedule's instance due at its {@code nextDueAt}, and the next due time after {@code now}. After a long
     * outage only one instance is made (the latest due), not one per missed interval: a questionnaire about "the last
     * 2 weeks" answered for a fortnight long past measures nothing.
     */
    private void makeDue(MeasureSchedule schedule, Instant now) {
        Instant dueAt = schedule.nextDueAt();
        Instant next = null;
        if (schedule.everyWeeks() != null) {
            Duration interval = Duration.ofDays(7L * schedule.everyWeeks());
            next = dueAt.plus(interval);
            while (!next.isAfter(now)) {
                dueAt = next;
                next = next.plus(interval);
            }
        }
        repository.expireOpenBefore(schedule.id(), dueAt);
        UUID id = UUID.randomUUID();
        if (repository.insertInstance(id, schedule, dueAt)) {
            events.publish(new MeasureDue(id, schedule.id(), schedule.clientId(), schedule.therapistId(),
                    schedule.instrument(), dueAt), now);
        }
        repository.setNextDue(schedule.id(), next);
    }

    /** The client's own instances (the due ones first made). */
    @Transactional
    List<MeasureViews.InstanceView> listOwn(Caller client) {
        catchUp(client.id(), 100);
        return repository.ofClient(client.id(), null, 100).stream().map(this::view).toList();
    }

    /** A client's instances from the schedules this therapist made; each one listed is audited. */
    @Transactional
    List<MeasureViews.InstanceView> listForTherapist(Caller therapist, UUID clientId) {
        if (clientId == null || !caseloads.isCurrentTherapist(therapist.id(), clientId)) {
            return List.of();
        }
        List<MeasureInstance> found = repository.ofClient(clientId, therapist.id(), 100);
        audit.recordListed(therapist, found.stream()
                .map(instance -> new AccessAudit.ReadItem(instance.clientId(), instance.id())).toList(),
                AuditedResource.MEASURE);
        return found.stream().map(this::view).toList();
    }

    /** An instrument's definition as a FHIR R4 Questionnaire. */
    ObjectNode fhirQuestionnaire(String key) {
        return instruments.byKey(key).map(fhir::questionnaire).orElseThrow(NotFoundException::new);
    }

    /** A submitted result as a FHIR R4 QuestionnaireResponse: the same readers as {@link #read}, audited alike. */
    @Transactional
    ObjectNode fhirResponse(Caller caller, UUID id) {
        MeasureInstance instance = readSubmitted(caller, id);
        return fhir.questionnaireResponse(definitionOf(instance), instance);
    }

    /** A submitted result's total as a FHIR R4 Observation: the same readers as {@link #read}, audited alike. */
    @Transactional
    ObjectNode fhirObservation(Caller caller, UUID id) {
        MeasureInstance instance = readSubmitted(caller, id);
        return fhir.totalObservation(definitionOf(instance), instance);
    }

    private MeasureInstance readSubmitted(Caller caller, UUID id) {
        MeasureInstance instance = readable(caller, id, false);
        if (instance.status() != MeasureInstance.Status.SUBMITTED) {
            throw new ConflictException("Only a submitted result has FHIR documents.");
        }
        audit.recordRead(caller, instance.clientId(), AuditedResource.MEASURE, instance.id(), AuditAction.READ);
        return instance;
    }

    @Transactional
    MeasureViews.InstanceView read(Caller caller, UUID id) {
        MeasureInstance instance = readable(caller, id, false);
        audit.recordRead(caller, instance.clientId(), AuditedResource.MEASURE, instance.id(), AuditAction.READ);
        return view(instance);
    }

    /** Saves one item's answer (autosave); null clears it. Only the client, only before submitting. */
    @Transactional
    MeasureViews.InstanceView answer(Caller client, UUID id, int itemNumber, MeasureViews.AnswerRequest request) {
        MeasureInstance instance = own(client, id);
        InstrumentDefinition definition = definitionOf(instance);
        requireOpen(instance);
        if (itemNumber < 1 || itemNumber > definition.items().size()) {
            throw new NotFoundException();
        }
        if (request == null) {
            throw new BadRequestException("The request body is missing.");
        }
        if (request.value() != null && definition.option(request.value()).isEmpty()) {
            throw BadRequestException.forField("value", "must be one of the instrument's options "
                    + definition.options().stream().map(InstrumentDefinition.Option::value).toList());
        }
        Map<Integer, Integer> answers = new HashMap<>(instance.answers());
        if (request.value() == null) {
            answers.remove(itemNumber);
        } else {
            answers.put(itemNumber, request.value());
        }
        MeasureInstance next = new MeasureInstance(instance.id(), instance.scheduleId(), instance.clientId(),
                instance.therapistId(), instance.instrument(), MeasureInstance.Status.IN_PROGRESS, instance.dueAt(),
                answers, null, null, instance.sealedVersion(), null, null, null, null);
        repository.write(next);
        return view(repository.find(id, false).orElseThrow());
    }

    /** Scores and submits; every item must be answered. Announces a result that needs attention at once. */
    @Transactional
    MeasureViews.SubmittedView submit(Caller client, UUID id) {
        MeasureInstance instance = own(client, id);
        InstrumentDefinition definition = definitionOf(instance);
        requireOpen(instance);
        List<Integer> missing = definition.items().stream().map(InstrumentDefinition.Item::number)
                .filter(number -> !instance.answers().containsKey(number)).toList();
        if (!missing.isEmpty()) {
            throw BadRequestException.forField("answers", "items " + missing + " are not answered yet");
        }
        Scoring.Score score = Scoring.score(definition, instance.answers());
        Instant now = JournalTime.now(clock);
        MeasureInstance submitted = new MeasureInstance(instance.id(), instance.scheduleId(), instance.clientId(),
                instance.therapistId(), instance.instrument(), MeasureInstance.Status.SUBMITTED, instance.dueAt(),
                instance.answers(), score.total(), score.band().code(), instance.sealedVersion(), now,
                score.needsAttention() ? now : null, null, null);
        repository.write(submitted);
        if (score.needsAttention()) {
            events.publish(new MeasureNeedsAttention(instance.id(), instance.scheduleId(), instance.clientId(),
                    instance.therapistId(), instance.instrument(), now), now);
        }
        return new MeasureViews.SubmittedView(view(repository.find(id, false).orElseThrow()),
                score.needsAttention() ? properties.crisisText() : null);
    }

    /** The therapist saw a result that needs attention; who and when are kept. */
    @Transactional
    MeasureViews.InstanceView acknowledge(Caller therapist, UUID id) {
        MeasureInstance instance = readable(therapist, id, true);
        if (!instance.needsAttention()) {
            throw new ConflictException("This result does not need attention, or it was acknowledged already.");
        }
        repository.acknowledge(id, therapist.id(), JournalTime.now(clock));
        MeasureInstance after = repository.find(id, false).orElseThrow();
        audit.recordRead(therapist, after.clientId(), AuditedResource.MEASURE, after.id(), AuditAction.READ);
        return view(after);
    }

    /**
     * Results of the therapist's current clients that need attention, oldest first: the top of their home. The list
     * names the client, the instrument and the time, no score, so it is not a read of the result.
     */
    @Transactional(readOnly = true)
    List<MeasureViews.AttentionItem> needingAttention(Caller therapist) {
        return repository.needingAttention(therapist.id(), caseloads.allClientsOf(therapist.id())).stream()
                .map(instance -> new MeasureViews.AttentionItem(instance.id(), instance.clientId(),
                        instance.instrument(), definitionOf(instance).title(), instance.submittedAt(),
                        instance.attentionAt()))
                .toList();
    }

    private MeasureSchedule ownSchedule(Caller therapist, UUID id, boolean forUpdate) {
        return repository.findSchedule(id, forUpdate)
                .filter(found -> found.therapistId().equals(therapist.id())
                        && caseloads.isCurrentTherapist(therapist.id(), found.clientId()))
                .orElseThrow(NotFoundException::new);
    }

    private MeasureInstance own(Caller client, UUID id) {
        return repository.find(id, true).filter(found -> found.clientId().equals(client.id()))
                .orElseThrow(NotFoundException::new);
    }

    private MeasureInstance readable(Caller caller, UUID id, boolean forUpdate) {
        return repository.find(id, forUpdate).filter(found -> switch (caller.role()) {
            case CLIENT -> found.clientId().equals(caller.id());
            case THERAPIST -> found.therapistId().equals(caller.id())
                    && caseloads.isCurrentTherapist(caller.id(), found.clientId());
            case ADMIN -> false;
        }).orElseThrow(NotFoundException::new);
    }

    private static void requireOpen(MeasureInstance instance) {
        switch (instance.status()) {
            case SUBMITTED -> throw new ConflictException("This questionnaire was submitted already.");
            case EXPIRED -> throw new ConflictException("This questionnaire is no longer open: a newer one is due.");
            default -> {
            }
        }
    }

    /** A submitted instance as a FHIR R4 QuestionnaireResponse, unaudited: callers audit (or export) it themselves. */
    ObjectNode questionnaireResponseOf(MeasureInstance instance) {
        return fhir.questionnaireResponse(definitionOf(instance), instance);
    }

    InstrumentDefinition definitionOf(MeasureInstance instance) {
        return instruments.byKey(instance.instrument()).orElseThrow(() ->
                new IllegalStateException("No definition " + instance.instrument()));
    }

    MeasureViews.InstanceView view(MeasureInstance instance) {
        InstrumentDefinition definition = definitionOf(instance);
        MeasureViews.ResultView result = null;
        if (instance.status() == MeasureInstance.Status.SUBMITTED && instance.total() != null) {
            List<MeasureInstance> series = repository.resultsOf(instance.clientId(), definition.code());
            Integer first = null;
            Integer previous = null;
            List<Integer> before = new ArrayList<>();
            for (MeasureInstance earlier : series) {
                if (earlier.id().equals(instance.id())) {
                    break;
                }
                before.add(earlier.total());
            }
            if (!before.isEmpty()) {
                first = before.get(0);
                previous = before.get(before.size() - 1);
            }
            Scoring.Progress progress = Scoring.progress(definition, instance.total(), first, previous);
            InstrumentDefinition.Band band = definition.bandOf(instance.total());
            result = new MeasureViews.ResultView(instance.total(), definition.maximumTotal(), band.code(), band.label(),
                    progress.sinceFirst(), progress.sincePrevious(), progress.reliableChange(), progress.response());
        }
        return new MeasureViews.InstanceView(instance.id(), instance.scheduleId(), instance.clientId(),
                instance.instrument(), definition.title(), instance.status().name(), instance.dueAt(),
                instance.submittedAt(), instance.answers(), result, instance.needsAttention(), instance.attentionAt(),
                instance.acknowledgedAt(), instance.acknowledgedBy());
    }
}
