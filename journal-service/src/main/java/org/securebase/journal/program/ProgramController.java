package org.securebase.journal.program;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.securebase.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Programs")
class ProgramController {

    private final Programs programs;

    ProgramController(Programs programs) {
        this.programs = programs;
    }

    @PostMapping("/api/journal/programs")
    @Operation(summary = "Build a program: 1 to 20 steps, each a published article (its current version pinned) with "
            + "prompts, a delivery rule (IMMEDIATELY, DAYS_AFTER the previous step's hand-in, or the next WEEKDAY) and "
            + "the days the client has for it (therapist, admin)")
    ResponseEntity<ProgramViews.ProgramView> create(Caller caller, @RequestBody ProgramViews.ProgramRequest request) {
        ProgramViews.ProgramView created = programs.create(caller, request);
        return ResponseEntity.created(URI.create("/api/journal/programs/" + created.id())).body(created);
    }

    @GetMapping("/api/journal/programs")
    @Operation(summary = "The practice's programs, newest first, at most 100 (therapist, admin)")
    List<ProgramViews.ProgramSummary> list() {
        return programs.list();
    }

    @GetMapping("/api/journal/programs/{id}")
    @Operation(summary = "A program with its steps (therapist, admin)")
    ProgramViews.ProgramView read(@PathVariable UUID id) {
        return programs.read(id);
    }

    @PostMapping("/api/journal/programs/{id}/enrolments")
    @Operation(summary = "Enrol a client of the caller's caseload, with the reason shown on each step's card "
            + "(therapist); a first step due at once is delivered right away")
    ResponseEntity<ProgramViews.EnrolmentView> enrol(Caller caller, @PathVariable UUID id,
                                                     @RequestBody ProgramViews.EnrolRequest request) {
        ProgramViews.EnrolmentView enrolment = programs.enrol(caller, id, request);
        return ResponseEntity.created(URI.create("/api/journal/program-enrolments/" + enrolment.id())).body(enrolment);
    }

    @GetMapping("/api/journal/program-enrolments")
    @Operation(summary = "Enrolments, newest first: a client's own; a therapist's for their caseload (client= one of "
            + "them), with the steps delivered so far")
    List<ProgramViews.EnrolmentView> enrolments(Caller caller, @RequestParam(required = false) UUID client) {
        return programs.enrolments(caller, client);
    }

    @PostMapping("/api/journal/program-enrolments/{id}/pause")
    @Operation(summary = "Pause an enrolment: no step is delivered until it is resumed (its therapist)")
    ProgramViews.EnrolmentView pause(Caller caller, @PathVariable UUID id) {
        return programs.change(caller, id, ProgramEnrolment.Status.PAUSED);
    }

    @PostMapping("/api/journal/program-enrolments/{id}/resume")
    @Operation(summary = "Resume a paused enrolment; a step that fell due meanwhile comes at the next delivery round "
            + "(its therapist)")
    ProgramViews.EnrolmentView resume(Caller caller, @PathVariable UUID id) {
        return programs.change(caller, id, ProgramEnrolment.Status.ACTIVE);
    }

    @PostMapping("/api/journal/program-enrolments/{id}/end")
    @Operation(summary = "End an enrolment for good: no further step is delivered (its therapist)")
    ProgramViews.EnrolmentView end(Caller caller, @PathVariable UUID id) {
        return programs.change(caller, id, ProgramEnrolment.Status.ENDED);
    }
}
