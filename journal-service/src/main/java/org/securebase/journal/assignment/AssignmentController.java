package org.securebase.journal.assignment;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.securebase.journal.web.Page;
import org.securebase.journal.web.PageRequest;
import org.securebase.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Assignments")
class AssignmentController {

    private final Assignments assignments;

    AssignmentController(Assignments assignments) {
        this.assignments = assignments;
    }

    @PostMapping("/api/journal/assignments")
    @Operation(summary = "Assign a published article with prompts and a due date to a client of the caller's caseload (therapist)")
    ResponseEntity<AssignmentViews.AssignmentSummary> create(Caller caller,
                                                             @RequestBody AssignmentViews.CreateRequest request) {
        Assignment created = assignments.create(caller, request);
        return ResponseEntity.created(URI.create("/api/journal/assignments/" + created.id()))
                .body(AssignmentViews.AssignmentSummary.of(created, created.lifecycle().createdAt()));
    }

    @GetMapping("/api/journal/assignments")
    @Operation(summary = "Assignments, newest first: a client's own; a therapist's for their current caseload. "
            + "Filters: status (repeatable), client (therapist), dueBefore, dueAfter, unreadFeedback (true: with "
            + "feedback the client has not read yet; false: without)")
    Page<AssignmentViews.AssignmentSummary> list(Caller caller,
                                                 @RequestParam(required = false) List<AssignmentStatus> status,
                                                 @RequestParam(required = false) UUID client,
                                                 @RequestParam(required = false) Instant dueBefore,
                                                 @RequestParam(required = false) Instant dueAfter,
                                                 @RequestParam(required = false) Boolean unreadFeedback,
                                                 @RequestParam(required = false) String cursor,
                                                 @RequestParam(required = false) Integer limit) {
        AssignmentRepository.ListFilter filter = new AssignmentRepository.ListFilter(
                status == null ? Set.of() : Set.copyOf(status), dueBefore, dueAfter, unreadFeedback);
        return assignments.list(caller, client, filter, PageRequest.of(cursor, limit));
    }

    @GetMapping("/api/journal/assignments/{id}")
    @Operation(summary = "The assignment with prompts and answers; the client's first read marks it opened, "
            + "a therapist's read is audited")
    AssignmentViews.AssignmentView get(Caller caller, @PathVariable UUID id) {
        return assignments.read(caller, id);
    }

    @PutMapping("/api/journal/assignments/{id}/answers/{promptId}")
    @Operation(summary = "Save the draft answer to one prompt (client); idempotent, safe for autosave")
    AssignmentViews.AnswerView saveAnswer(Caller caller, @PathVariable UUID id, @PathVariable UUID promptId,
                                          @RequestBody AssignmentViews.AnswerRequest request) {
        return assignments.saveAnswer(caller, id, promptId, request);
    }

    @PutMapping("/api/journal/assignments/{id}/plan")
    @Operation(summary = "Make or change the plan for a homework not yet handed in (client): when and where, what might "
            + "get in the way, what to do then")
    AssignmentViews.PlanView makePlan(Caller caller, @PathVariable UUID id,
                                      @RequestBody AssignmentViews.PlanRequest request) {
        return assignments.makePlan(caller, id, request);
    }

    @PutMapping("/api/journal/assignments/{id}/quality")
    @Operation(summary = "Rate how well a handed-in homework was done, 0 (not attempted) to 3 (done fully, with skill) "
            + "(its therapist); rating again replaces it")
    AssignmentViews.QualityView rateQuality(Caller caller, @PathVariable UUID id,
                                            @RequestBody AssignmentViews.QualityRequest request) {
        return assignments.rateQuality(caller, id, request);
    }

    @PostMapping("/api/journal/assignments/{id}/submit")
    @Operation(summary = "Submit the answers (client); every prompt must be answered, and only once")
    AssignmentViews.AssignmentView submit(Caller caller, @PathVariable UUID id) {
        return assignments.submit(caller, id);
    }

    @PutMapping("/api/journal/assignments/{id}/due")
    @Operation(summary = "Move the due time of an assignment not yet handed in (its therapist); the client's reminders "
            + "move with it")
    AssignmentViews.AssignmentSummary moveDue(Caller caller, @PathVariable UUID id,
                                              @RequestBody AssignmentViews.DueRequest request) {
        return assignments.moveDue(caller, id, request);
    }

    @GetMapping("/api/journal/adherence")
    @Operation(summary = "Per client of the caller's caseload: assigned, opened, submitted and overdue counts, "
            + "last activity (therapist)")
    Page<AssignmentViews.AdherenceSummary> adherence(Caller caller, @RequestParam(required = false) String cursor,
                                                     @RequestParam(required = false) Integer limit) {
        return assignments.adherence(caller, PageRequest.of(cursor, limit));
    }
}
