package org.securebase.journal.review;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.securebase.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Review agenda")
class AgendaController {

    private final ReviewAgenda agenda;

    AgendaController(ReviewAgenda agenda) {
        this.agenda = agenda;
    }

    @GetMapping("/api/journal/agenda/{clientId}")
    @Operation(summary = "What happened since the last review, for one client of the caller's caseload (therapist): "
            + "homework handed in with answers and plan, replies awaiting an answer, shared journal entries, "
            + "questionnaire results, homework that fell overdue. Every item shown is audited")
    AgendaViews.Agenda agenda(Caller caller, @PathVariable UUID clientId) {
        return agenda.agenda(caller, clientId);
    }

    @GetMapping("/api/journal/agenda/{clientId}/reviews")
    @Operation(summary = "When the agenda was marked reviewed, latest first, at most 52 (therapist)")
    List<AgendaViews.Review> reviews(Caller caller, @PathVariable UUID clientId) {
        return agenda.reviews(caller, clientId);
    }

    @PostMapping("/api/journal/agenda/{clientId}/reviewed")
    @Operation(summary = "Mark the agenda reviewed through its generatedAt (therapist): the next agenda starts there")
    AgendaViews.Review reviewed(Caller caller, @PathVariable UUID clientId,
                                @RequestBody AgendaViews.ReviewedRequest request) {
        return agenda.markReviewed(caller, clientId, request);
    }
}
