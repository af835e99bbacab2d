package org.securebase.portal.caseload;

import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** journal-service's homework adherence per client of the signed-in therapist ({@code /api/journal/adherence}). */
@Component
public class AdherenceApi {

    /** journal-service's largest page: more clients than one therapist sees. */
    static final int CLIENTS = 100;

    private final PlatformApi api;

    public AdherenceApi(PlatformApi api) {
        this.api = api;
    }

    /** {@code averageQuality} is null while nothing is rated; {@code recentQuality}: the latest ratings, oldest first. */
    public record Adherence(UUID clientId, String clientName, int assigned, int opened, int submitted, int overdue,
                            Instant lastActivityAt, int rated, Double averageQuality, List<Integer> recentQuality) {
    }

    public record AdherencePage(List<Adherence> items, String nextCursor) {
    }

    public Fetched<List<Adherence>> perClient() {
        return api.get(uri -> uri.path("/api/journal/adherence").queryParam("limit", CLIENTS).build(), AdherencePage.class)
                .map(page -> page.map(AdherencePage::items).orElse(List.of()));
    }
}
