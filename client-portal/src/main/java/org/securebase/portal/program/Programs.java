package org.securebase.portal.program;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** journal-service's programs, as the portal reads and sends them (unknown fields are ignored). */
public final class Programs {

    private Programs() {
    }

    public record Summary(UUID id, String title, String description, int steps, Instant createdAt) {
    }

    public record ArticleRef(UUID id, String slug, String title, int version) {
    }

    public record Prompt(String kind, String question, String listId) {
    }

    /** IMMEDIATELY, DAYS_AFTER ({@code days}) or WEEKDAY ({@code weekday}, MONDAY to SUNDAY). */
    public record Rule(String kind, Integer days, String weekday) {
    }

    public record Step(int position, ArticleRef article, List<Prompt> prompts, Rule rule, int dueDays) {
    }

    public record Program(UUID id, String title, String description, UUID createdBy, Instant createdAt,
                          List<Step> steps) {
    }

    public record Delivery(int position, UUID assignmentId, Instant deliveredAt) {
    }

    /** ACTIVE, PAUSED, ENDED or COMPLETED; {@code nextAt}: when the next step comes, null while one waits for its hand-in. */
    public record Enrolment(UUID id, UUID programId, String programTitle, UUID clientId, UUID therapistId, String status,
                            int steps, int nextPosition, Instant nextAt, Instant createdAt, List<Delivery> deliveries) {

        public boolean running() {
            return "ACTIVE".equals(status) || "PAUSED".equals(status);
        }
    }

    public record StepRequest(UUID articleId, List<Prompt> prompts, Rule rule, Integer dueDays) {
    }

    public record CreateRequest(String title, String description, List<StepRequest> steps) {
    }

    /** {@code zone}: the client's time zone, which weekday steps follow; {@code null} leaves the practice's. */
    public record EnrolRequest(UUID clientId, String reason, String zone) {

        @Override
        public String toString() {
            return "EnrolRequest[clientId=" + clientId + ", zone=" + zone + "]";
        }
    }
}
