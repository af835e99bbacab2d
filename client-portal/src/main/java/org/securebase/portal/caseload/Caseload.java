package org.securebase.portal.caseload;

import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.assignment.Homework;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The therapist's caseload with adherence, for the home page. */
@Component
public class Caseload {

    /** A client with no activity for this long is flagged, so the therapist can reach out. */
    static final Duration QUIET = Duration.ofDays(7);

    private final PlatformApi api;
    private final Clock clock;

    @Autowired
    public Caseload(PlatformApi api) {
        this(api, Clock.systemUTC());
    }

    Caseload(PlatformApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    public record Row(UUID clientId, String clientName, int assigned, int opened, int submitted, int overdue,
                      Instant lastActivityAt, boolean quiet) {
    }

    public Fetched<List<Row>> rows() {
        Instant quietSince = clock.instant().minus(QUIET);
        return api.get(uri -> uri.path("/api/journal/adherence").queryParam("limit", 100).build(),
                        Homework.AdherencePage.class)
                .map(page -> page.map(Homework.AdherencePage::items).orElse(List.of()).stream()
                        .map(a -> new Row(a.clientId(), a.clientName(), a.assigned(), a.opened(), a.submitted(),
                                a.overdue(), a.lastActivityAt(),
                                a.lastActivityAt() == null || a.lastActivityAt().isBefore(quietSince)))
                        .toList());
    }

    /** Submitted homework waiting for the therapist's feedback. */
    public Fetched<List<Homework.Summary>> toReview() {
        return api.get(uri -> uri.path("/api/journal/assignments").queryParam("status", "SUBMITTED")
                        .queryParam("limit", 50).build(), Homework.SummaryPage.class)
                .map(page -> page.map(Homework.SummaryPage::items).orElse(List.of()));
    }

    /** The therapist's clients, to choose whom to assign homework. */
    public Fetched<List<Client>> clients() {
        return api.get(uri -> uri.path("/api/accounts/caseload").build(), Client[].class)
                .map(found -> found.map(List::of).orElse(List.of()));
    }

    public record Client(UUID clientId, String displayName, String status) {
    }
}
