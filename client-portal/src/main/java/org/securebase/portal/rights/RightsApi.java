package org.securebase.portal.rights;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.api.Sent;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** account-service's closures, legal holds and retention ({@code /api/accounts/rights-requests}, {@code /{id}/...}). */
@Component
public class RightsApi {

    /** The newest entries shown on the page. */
    static final int LIMIT = 200;

    private final PlatformApi api;

    public RightsApi(PlatformApi api) {
        this.api = api;
    }

    /**
     * A closure (requested: the ask; done: the closure, or withdrawn by the client) or a legal hold (requested: placed;
     * done: lifted).
     *
     * @param kind {@code closure}, {@code legal-hold} or {@code erasure}
     */
    public record Request(UUID id, String kind, UUID subjectId, String subjectName, UUID requestedBy,
                          String requestedByName, Instant requestedAt, UUID doneBy, String doneByName, Instant doneAt,
                          Instant withdrawnAt, String reason) {

        public boolean done() {
            return doneAt != null;
        }

        public boolean withdrawn() {
            return withdrawnAt != null;
        }
    }

    public record Hold(UUID id, String reason, UUID placedBy, Instant placedAt, UUID liftedBy, Instant liftedAt,
                       boolean inForce) {
    }

    /**
     * @param closureAskedAt when the client asked to close their account, while the request waits; else null
     * @param erasedAt       when the person was erased; null until then
     */
    public record Standing(UUID subjectId, String displayName, String email, String status, Instant closureAskedAt,
                           Instant closedAt, int retentionYears, Instant keepUntil, boolean onHold, boolean erasable,
                           Instant erasedAt, List<Hold> holds) {
    }

    public record Erasure(UUID id, UUID subjectId, UUID erasedBy, Instant erasedAt) {
    }

    public Fetched<List<Request>> recent() {
        return api.get(uri -> uri.path("/api/accounts/rights-requests").queryParam("limit", LIMIT).build(),
                Request[].class).map(found -> found.map(List::of).orElse(List.of()));
    }

    /** Empty when the account is not a client's (or does not exist). */
    public Fetched<Optional<Standing>> standing(UUID clientId) {
        return api.get(uri -> uri.path("/api/accounts/{id}/retention").build(clientId), Standing.class);
    }

    public Sent<Standing> close(UUID clientId) {
        return api.send(HttpMethod.POST, uri -> uri.path("/api/accounts/{id}/closure").build(clientId), null,
                Standing.class);
    }

    public Sent<Erasure> erase(UUID clientId) {
        return api.send(HttpMethod.POST, uri -> uri.path("/api/accounts/{id}/erasure").build(clientId), null,
                Erasure.class);
    }

    public Sent<Hold> placeHold(UUID clientId, String reason) {
        return api.post(uri -> uri.path("/api/accounts/{id}/legal-holds").build(clientId), Map.of("reason", reason),
                Hold.class);
    }

    public Sent<Hold> liftHold(UUID clientId, UUID holdId) {
        return api.send(HttpMethod.POST,
                uri -> uri.path("/api/accounts/{id}/legal-holds/{hold}/lifting").build(clientId, holdId), null,
                Hold.class);
    }
}
