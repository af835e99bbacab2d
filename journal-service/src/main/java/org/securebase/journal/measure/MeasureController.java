package org.securebase.journal.measure;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.securebase.platform.security.Caller;
import org.securebase.platform.web.problem.BadRequestException;
import org.securebase.platform.web.problem.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.node.ObjectNode;

@RestController
@Tag(name = "Measures")
class MeasureController {

    /** FHIR's own media type; plain JSON too, for a caller that asks for that. */
    static final String FHIR_JSON = "application/fhir+json";

    private final Measures measures;
    private final Instruments instruments;

    MeasureController(Measures measures, Instruments instruments) {
        this.measures = measures;
        this.instruments = instruments;
    }

    @GetMapping("/api/journal/measures/instruments")
    @Operation(summary = "The instruments a therapist can assign, newest version of each")
    List<MeasureViews.InstrumentView> instruments() {
        return instruments.currentVersions().stream().map(MeasureViews.InstrumentView::of).toList();
    }

    @GetMapping("/api/journal/measures/instruments/{key}")
    @Operation(summary = "One instrument definition by key (phq-9.v1)")
    MeasureViews.InstrumentView instrument(@PathVariable String key) {
        return instruments.byKey(key).map(MeasureViews.InstrumentView::of).orElseThrow(NotFoundException::new);
    }

    @GetMapping(path = "/api/journal/measures/instruments/{key}/fhir", produces = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "One instrument definition as a FHIR R4 Questionnaire, with its LOINC codes")
    ObjectNode instrumentAsFhir(@PathVariable String key) {
        return measures.fhirQuestionnaire(key);
    }

    @PostMapping("/api/journal/measures/schedules")
    @Operation(summary = "Assign a measure to a client of the caller's caseload, once or every 1, 2 or 4 weeks (therapist)")
    ResponseEntity<MeasureViews.ScheduleView> assign(Caller caller, @RequestBody MeasureViews.ScheduleRequest request) {
        MeasureSchedule schedule = measures.assign(caller, request);
        return ResponseEntity.created(URI.create("/api/journal/measures/schedules/" + schedule.id()))
                .body(MeasureViews.ScheduleView.of(schedule, instruments));
    }

    @GetMapping("/api/journal/measures/schedules")
    @Operation(summary = "The schedules the caller made for a client (therapist)")
    List<MeasureViews.ScheduleView> schedules(Caller caller, @RequestParam UUID client) {
        return measures.schedules(caller, client).stream()
                .map(schedule -> MeasureViews.ScheduleView.of(schedule, instruments)).toList();
    }

    @PostMapping("/api/journal/measures/schedules/{id}/end")
    @Operation(summary = "End a schedule: no further instances, open ones close (therapist)")
    MeasureViews.ScheduleView end(Caller caller, @PathVariable UUID id) {
        return MeasureViews.ScheduleView.of(measures.end(caller, id), instruments);
    }

    @GetMapping("/api/journal/measures")
    @Operation(summary = "The caller's own measures (client), or a client's (therapist, ?client=, audited)")
    List<MeasureViews.InstanceView> list(Caller caller, @RequestParam(required = false) UUID client) {
        return switch (caller.role()) {
            case CLIENT -> {
                // As the assignments' list does: a client's filter may only name themselves.
                if (client != null && !client.equals(caller.id())) {
                    throw BadRequestException.forField("client", "can only be yourself");
                }
                yield measures.listOwn(caller);
            }
            case THERAPIST -> measures.listForTherapist(caller, client);
            case ADMIN -> throw new NotFoundException();
        };
    }

    @GetMapping("/api/journal/measures/attention")
    @Operation(summary = "Results of the caller's clients that need attention, until acknowledged (therapist)")
    List<MeasureViews.AttentionItem> attention(Caller caller) {
        return measures.needingAttention(caller);
    }

    @GetMapping("/api/journal/measures/{id}")
    @Operation(summary = "One measure with its answers and result (the client, or their therapist: audited)")
    MeasureViews.InstanceView get(Caller caller, @PathVariable UUID id) {
        return measures.read(caller, id);
    }

    @GetMapping(path = "/api/journal/measures/{id}/fhir/questionnaire-response",
            produces = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "A submitted result as a FHIR R4 QuestionnaireResponse (the client, or their therapist: audited)")
    ObjectNode questionnaireResponse(Caller caller, @PathVariable UUID id) {
        return measures.fhirResponse(caller, id);
    }

    @GetMapping(path = "/api/journal/measures/{id}/fhir/observation", produces = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "A submitted result's total score as a FHIR R4 Observation (the client, or their therapist: audited)")
    ObjectNode totalObservation(Caller caller, @PathVariable UUID id) {
        return measures.fhirObservation(caller, id);
    }

    @PutMapping("/api/journal/measures/{id}/answers/{item}")
    @Operation(summary = "Save one item's answer, autosave (client)")
    MeasureViews.InstanceView answer(Caller caller, @PathVariable UUID id, @PathVariable int item,
                                     @RequestBody MeasureViews.AnswerRequest request) {
        return measures.answer(caller, id, item, request);
    }

    @PostMapping("/api/journal/measures/{id}/submit")
    @Operation(summary = "Submit once every item is answered; scored on the server (client)")
    MeasureViews.SubmittedView submit(Caller caller, @PathVariable UUID id) {
        return measures.submit(caller, id);
    }

    @PostMapping("/api/journal/measures/{id}/acknowledge")
    @Operation(summary = "Acknowledge a result that needs attention (therapist)")
    MeasureViews.InstanceView acknowledge(Caller caller, @PathVariable UUID id) {
        return measures.acknowledge(caller, id);
    }
}
