package org.securebase.journal.feedback;

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
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Feedback")
class FeedbackController {

    private final FeedbackService feedback;

    FeedbackController(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @PostMapping("/api/journal/assignments/{id}/answers/{answerId}/feedback")
    @Operation(summary = "Give feedback on one answer of a submitted assignment (therapist, own caseload)")
    ResponseEntity<FeedbackViews.FeedbackView> give(Caller caller, @PathVariable UUID id, @PathVariable UUID answerId,
                                                    @RequestBody FeedbackViews.TextRequest request) {
        FeedbackViews.FeedbackView given = feedback.give(caller, id, answerId, request);
        return ResponseEntity.created(URI.create("/api/journal/assignments/" + id + "/feedback")).body(given);
    }

    @GetMapping("/api/journal/assignments/{id}/feedback")
    @Operation(summary = "The feedback on an assignment with the client's replies; a therapist's read is audited")
    List<FeedbackViews.FeedbackView> thread(Caller caller, @PathVariable UUID id) {
        return feedback.thread(caller, id);
    }

    @PostMapping("/api/journal/assignments/{id}/feedback/{feedbackId}/replies")
    @Operation(summary = "Reply to feedback on one's own assignment (client)")
    ResponseEntity<FeedbackViews.ReplyView> reply(Caller caller, @PathVariable UUID id, @PathVariable UUID feedbackId,
                                                  @RequestBody FeedbackViews.TextRequest request) {
        FeedbackViews.ReplyView reply = feedback.reply(caller, id, feedbackId, request);
        return ResponseEntity.created(URI.create("/api/journal/assignments/" + id + "/feedback")).body(reply);
    }
}
