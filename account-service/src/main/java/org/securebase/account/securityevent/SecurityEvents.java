package org.securebase.account.securityevent;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.securebase.account.account.AccountSnapshot;
import org.securebase.account.account.Accounts;
import org.securebase.account.account.IdentityReads;
import org.securebase.account.keycloak.KeycloakEvent;
import org.securebase.account.keycloak.KeycloakEvents;
import org.securebase.platform.security.Caller;
import org.springframework.stereotype.Service;

/**
 * The security events an admin reads beside the data reads: Keycloak's events of the kinds in
 * {@link SecurityEventKind}, with the name and role of the person each is about. Showing a client's name on this list
 * is a read of their identity, recorded like the account list's.
 */
@Service
class SecurityEvents {

    private final KeycloakEvents keycloak;
    private final Accounts accounts;
    private final IdentityReads identityReads;

    SecurityEvents(KeycloakEvents keycloak, Accounts accounts, IdentityReads identityReads) {
        this.keycloak = keycloak;
        this.accounts = accounts;
        this.identityReads = identityReads;
    }

    SecurityEventsView newest(Caller reader, Optional<UUID> person, int limit) {
        List<KeycloakEvent> raw = keycloak.newest(person, SecurityEventKind.LOGIN_TYPES, limit);
        List<Map.Entry<KeycloakEvent, SecurityEventKind>> known = raw.stream()
                .flatMap(event -> SecurityEventKind.of(event).map(kind -> Map.entry(event, kind)).stream())
                .limit(limit)
                .toList();
        Collection<UUID> ids = known.stream().map(entry -> entry.getKey().subject()).filter(Objects::nonNull)
                .distinct().toList();
        Map<UUID, AccountSnapshot> people = accounts.findAll(ids);
        identityReads.listed(reader, people.values(), IdentityReads.View.SECURITY_EVENTS);
        return new SecurityEventsView(known.stream().map(entry -> {
            KeycloakEvent event = entry.getKey();
            AccountSnapshot account = event.subject() == null ? null : people.get(event.subject());
            return new SecurityEventView(event.occurredAt(), SecurityEventView.word(entry.getValue()), event.subject(),
                    account == null ? null : account.displayName(),
                    account == null ? null : account.role().keycloakName(),
                    event.error(), event.ipAddress(), via(event));
        }).toList());
    }

    private static String via(KeycloakEvent event) {
        if (event.source() == KeycloakEvent.Source.LOGIN) {
            return "sign-in";
        }
        return event.bySecureBase() ? "secure-base" : "keycloak-console";
    }
}
