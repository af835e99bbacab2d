package org.securebase.account.keycloak;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.EventRepresentation;

import org.springframework.stereotype.Component;

/** {@link KeycloakEvents} over {@code keycloak-admin-client}'s event endpoints. */
@Component
class KeycloakAdminEvents implements KeycloakEvents {

    private static final Pattern USER_PATH = Pattern.compile("^users/([0-9a-fA-F-]{36})(/.*)?$");

    private final Keycloak keycloak;
    private final KeycloakAdminProperties properties;
    private volatile String serviceAccountUserId;

    KeycloakAdminEvents(Keycloak keycloak, KeycloakAdminProperties properties) {
        this.keycloak = keycloak;
        this.properties = properties;
    }

    @Override
    public List<KeycloakEvent> newest(Optional<UUID> person, List<String> types, int max) {
        String user = person.map(UUID::toString).orElse(null);
        List<EventRepresentation> logins = KeycloakAdminDirectory.call("read login events", null, () ->
                keycloak.realm(properties.realm()).getEvents(types, null, user, null, null, null, 0, max));
        // An admin event names its user only in the resource path: users/<id>, users/<id>/role-mappings/realm, ...
        List<AdminEventRepresentation> changes = KeycloakAdminDirectory.call("read admin events", null, () ->
                keycloak.realm(properties.realm()).getAdminEvents(null, null, null, null, null,
                        user == null ? null : "users/" + user + "*", null, null, 0, max));
        List<KeycloakEvent> events = new ArrayList<>();
        for (EventRepresentation login : logins) {
            Map<String, String> details = login.getDetails() == null ? Map.of() : login.getDetails();
            events.add(new KeycloakEvent(Instant.ofEpochMilli(login.getTime()), KeycloakEvent.Source.LOGIN,
                    login.getType(), uuid(login.getUserId()), null, details.get("credential_type"), login.getError(),
                    login.getIpAddress(), false));
        }
        String serviceAccount = changes.isEmpty() ? null : serviceAccountUserId();
        for (AdminEventRepresentation change : changes) {
            Matcher path = USER_PATH.matcher(change.getResourcePath() == null ? "" : change.getResourcePath());
            boolean aboutAUser = path.matches();
            events.add(new KeycloakEvent(Instant.ofEpochMilli(change.getTime()), KeycloakEvent.Source.ADMIN,
                    change.getResourceType() + ":" + change.getOperationType(),
                    aboutAUser ? uuid(path.group(1)) : null,
                    aboutAUser ? (path.group(2) == null ? "" : path.group(2)) : null, null, change.getError(),
                    change.getAuthDetails() == null ? null : change.getAuthDetails().getIpAddress(),
                    change.getAuthDetails() != null && serviceAccount != null
                            && serviceAccount.equals(change.getAuthDetails().getUserId())));
        }
        events.sort(Comparator.comparing(KeycloakEvent::occurredAt).reversed());
        return events;
    }

    /** The user behind account-service's client credentials (Keycloak names it service-account-<client id>). */
    private String serviceAccountUserId() {
        String cached = serviceAccountUserId;
        if (cached == null) {
            cached = KeycloakAdminDirectory.call("find the service account", null, () ->
                    keycloak.realm(properties.realm()).users()
                            .searchByUsername("service-account-" + properties.clientId(), true)
                            .stream().findFirst().map(user -> user.getId()).orElse(""));
            serviceAccountUserId = cached;
        }
        return cached;
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException notAUserId) {
            return null;
        }
    }
}
