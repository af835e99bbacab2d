package org.securebase.portal.caseload;

import org.securebase.portal.api.Fetched;
import org.securebase.portal.assignment.AssignmentsApi;
import org.securebase.portal.assignment.Homework;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The therapist's caseload with adherence, for the home page. */
@Component
public class Caseload {

    /**
     * A client who has had homework for this long without any activity on it is flagged, so the therapist can reach
     * out. Someone with nothing assigned is not quiet, just new: assigning counts as the first activity.
     */
    static final Duration QUIET = Duration.ofDays(7);

    private final AdherenceApi adherence;
    private final AssignmentsApi assignments;
    private final Clock clock;

    @Autowired
    public Caseload(AdherenceApi adherence, AssignmentsApi assignments) {
        this(adherence, assignments, Clock.systemUTC());
    }

    Caseload(AdherenceApi adherence, AssignmentsApi assignments, Clock clock) {
        this.adherence = adherence;
        this.assignments = assignments;
        this.clock = clock;
    }

    /** {@code quality}: the mean of the therapist's ratings (0 to 3) and the latest ones, or null when none. */
    public record Row(UUID clientId, String clientName, int assigned, int opened, int submitted, int overdue,
                      Instant lastActivityAt, boolean quiet, QualityTrend quality) {
    }

    /** How well homework was done over time: the mean rating, how many, and the latest ones, oldest first. */
    public record QualityTrend(double average, int rated, List<Integer> recent) {

        /** The latest ratings as text, oldest first, for example "1 → 2 → 3". */
        public String recentText() {
            return recent.stream().map(String::valueOf).collect(Collectors.joining(" → "));
        }
    }

    public Fetched<List<Row>> rows() {
        Instant quietSince = clock.instant().minus(QUIET);
        return adherence.perClient().map(clients -> clients.stream()
                .map(a -> new Row(a.clientId(), a.clientName(), a.assigned(), a.opened(), a.submitted(), a.overdue(),
                        a.lastActivityAt(), a.assigned() > 0 && a.lastActivityAt() != null
                                && a.lastActivityAt().isBefore(quietSince),
                        a.averageQuality() == null ? null : new QualityTrend(a.averageQuality(), a.rated(),
                                a.recentQuality() == null ? List.of() : a.recentQuality())))
                .toList());
    }

    /** Submitted homework waiting for the therapist's feedback. */
    public Fetched<List<Homework.Summary>> toReview() {
        return assignments.assignmentsToReview();
    }
}
