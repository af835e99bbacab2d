package org.securebase.portal.audit;

import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * account-service's security events ({@code /api/accounts/security-events}, admins only): sign-ins, failed sign-ins,
 * password and second-factor changes, role grants and account changes, from Keycloak's login and admin events.
 */
@Component
public class SecurityEventsApi {

    /** Events on the audit page. */
    static final int LIMIT = 50;

    private final PlatformApi api;

    public SecurityEventsApi(PlatformApi api) {
        this.api = api;
    }

    /**
     * @param kind       {@code sign_in_failed}, {@code second_factor_added}, {@code role_granted}, ...
     * @param personName null for someone account-service does not know
     * @param via        {@code sign-in}, {@code secure-base} or {@code keycloak-console}
     */
    public record SecurityEvent(Instant occurredAt, String kind, UUID personId, String personName, String personRole,
                                String error, String ipAddress, String via) {
    }

    public record SecurityEvents(List<SecurityEvent> items) {
    }

    /** The newest events, newest first; only one person's when given. */
    public Fetched<SecurityEvents> newest(Optional<UUID> person) {
        return api.get(uri -> {
            uri.path("/api/accounts/security-events").queryParam("limit", LIMIT);
            person.ifPresent(id -> uri.queryParam("person", id));
            return uri.build();
        }, SecurityEvents.class).map(events -> events.orElse(new SecurityEvents(List.of())));
    }
}
