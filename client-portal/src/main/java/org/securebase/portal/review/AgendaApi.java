package org.securebase.portal.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.api.Sent;
import org.springframework.stereotype.Component;

/** journal-service's review agenda ({@code /api/journal/agenda/{clientId}}), for the client's therapist. */
@Component
public class AgendaApi {

    private final PlatformApi api;

    public AgendaApi(PlatformApi api) {
        this.api = api;
    }

    /** The agenda; empty when the client is not on the caller's caseload. */
    public Fetched<Optional<Agenda>> agenda(UUID clientId) {
        return api.get(uri -> uri.path("/api/journal/agenda/{clientId}").build(clientId), Agenda.class);
    }

    /** The latest reviews first. */
    public Fetched<List<Agenda.Review>> reviews(UUID clientId) {
        return api.get(uri -> uri.path("/api/journal/agenda/{clientId}/reviews").build(clientId), Agenda.Review[].class)
                .map(found -> found.map(List::of).orElse(List.of()));
    }

    /** Marks the agenda read at {@code through} (its generatedAt) reviewed. */
    public Sent<Agenda.Review> markReviewed(UUID clientId, Instant through) {
        return api.post(uri -> uri.path("/api/journal/agenda/{clientId}/reviewed").build(clientId),
                new Agenda.ReviewedRequest(through), Agenda.Review.class);
    }
}
