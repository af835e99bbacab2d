package org.securebase.account.keycloak;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.securebase.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * {@link KeycloakDirectory} over {@code keycloak-admin-client}. Each JAX-RS failure is translated at this
 * boundary; nothing above it sees RESTEasy types.
 */
@Component
class KeycloakAdminDirectory implements KeycloakDirectory {

    private static final Logger log = LoggerFactory.getLogger(KeycloakAdminDirectory.class);

    private final Keycloak keycloak;
    private final KeycloakAdminProperties properties;

    KeycloakAdminDirectory(Keycloak keycloak, KeycloakAdminProperties properties) {
        this.keycloak = keycloak;
        this.properties = properties;
    }

    @Override
    public UUID createUser(NewKeycloakUser user) {
        UserRepresentation representation = new UserRepresentation();
        representation.setUsername(user.email());
        representation.setEmail(user.email());
        representation.setFirstName(user.firstName());
        representation.setLastName(user.lastName());
        // Enabled but without any credential: nobody can log in until the invitation link has been used to
        // choose a password, and the link proves the email is theirs (VERIFY_EMAIL).
        representation.setEnabled(true);
        representation.setEmailVerified(false);
        representation.setRequiredActions(user.requiredActions().stream().map(RequiredAction::keycloakAlias).toList());
        // Keycloak's own language attribute: the invitation, its pages and the portal (the token's locale claim) follow
        // it, and the person changes it on the sign-in page.
        representation.singleAttribute("locale", user.locale());
        return call("create user", null, () -> {
            try (Response response = realm().users().create(representation)) {
                int status = response.getStatus();
                if (status == 201) {
                    return idFromLocation(response.getLocation());
                }
                if (status == 409) {
                    throw new EmailTakenInKeycloakException(null);
                }
                if (status == 400) {
                    throw new KeycloakRejectedException("Keycloak refused the new user (400)", null);
                }
                throw new KeycloakUnavailableException("create user answered " + status, status, null);
            }
        });
    }

    @Override
    public void grantRole(UUID userId, Role role) {
        call("grant role", userId, () -> {
            RoleRepresentation realmRole = realm().roles().get(role.keycloakName()).toRepresentation();
            user(userId).roles().realmLevel().add(List.of(realmRole));
            return null;
        });
    }

    @Override
    public void sendActionsEmail(UUID userId, List<RequiredAction> actions, Duration linkLifespan) {
        List<String> aliases = actions.stream().map(RequiredAction::keycloakAlias).toList();
        int lifespanSeconds = Math.toIntExact(linkLifespan.toSeconds());
        call("send actions email", userId, () -> {
            // With the portal as client and its home as redirect, the page after the last step leads into the portal;
            // without them Keycloak ends on "Your account has been updated" with nowhere to go.
            user(userId).executeActionsEmail(properties.invitationClientId(), properties.invitationRedirectUri(),
                    lifespanSeconds, aliases);
            return null;
        });
    }

    @Override
    public void disableAndLogOut(UUID userId) {
        call("disable and log out", userId, () -> {
            UserResource user = user(userId);
            // The full representation is sent back: a partial one would let Keycloak's user profile treat the
            // missing attributes as removed.
            UserRepresentation representation = user.toRepresentation();
            if (!Boolean.FALSE.equals(representation.isEnabled())) {
                representation.setEnabled(false);
                user.update(representation);
            }
            // After disabling, so no session can be started between the two calls.
            user.logout();
            return null;
        });
    }

    @Override
    public void enable(UUID userId) {
        call("enable", userId, () -> {
            UserResource user = user(userId);
            UserRepresentation representation = user.toRepresentation();
            if (!Boolean.TRUE.equals(representation.isEnabled())) {
                representation.setEnabled(true);
                user.update(representation);
            }
            return null;
        });
    }

    @Override
    public void setLocale(UUID userId, String locale) {
        call("set locale", userId, () -> {
            UserResource user = user(userId);
            // The full representation, as when disabling: a partial one would drop the other attributes.
            UserRepresentation representation = user.toRepresentation();
            List<String> current = representation.getAttributes() == null ? null
                    : representation.getAttributes().get("locale");
            if (current == null || !current.equals(List.of(locale))) {
                representation.singleAttribute("locale", locale);
                user.update(representation);
            }
            return null;
        });
    }

    @Override
    public void delete(UUID userId) {
        try {
            call("delete user", userId, () -> {
                try (Response response = realm().users().delete(userId.toString())) {
                    int status = response.getStatus();
                    if (status != 204 && status != 404) {
                        throw new KeycloakUnavailableException("delete user answered " + status, status, null);
                    }
                }
                return null;
            });
        } catch (KeycloakUserNotFoundException alreadyGone) {
            log.debug("Keycloak user {} was already deleted", userId);
        }
    }

    @Override
    public Optional<KeycloakUser> find(UUID userId) {
        try {
            return Optional.of(call("find user", userId, () -> {
                UserResource user = user(userId);
                UserRepresentation representation = user.toRepresentation();
                Set<Role> roles = user.roles().realmLevel().listEffective().stream()
                        .map(RoleRepresentation::getName)
                        .map(Role::fromKeycloakName)
                        .flatMap(Optional::stream)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
                return toUser(representation, roles);
            }));
        } catch (KeycloakUserNotFoundException deleted) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<UUID> findIdByUsername(String username) {
        return call("find user by username", null, () -> realm().users().search(username, true).stream()
                .filter(candidate -> username.equalsIgnoreCase(candidate.getUsername()))
                .map(candidate -> UUID.fromString(candidate.getId()))
                .findFirst());
    }

    @Override
    public List<KeycloakUser> membersOf(Role role, int first, int max) {
        return call("list role members", null, () -> {
            // Full representations: the brief ones lack the pending required actions.
            List<UserRepresentation> members = realm().roles().get(role.keycloakName()).getUserMembers(false, first, max);
            List<KeycloakUser> users = new ArrayList<>(members.size());
            for (UserRepresentation member : members) {
                users.add(toUser(member, Set.of(role)));
            }
            return users;
        });
    }

    // ------------------------------------------------------------------------------------------ plumbing

    private RealmResource realm() {
        return keycloak.realm(properties.realm());
    }

    private UserResource user(UUID userId) {
        return realm().users().get(userId.toString());
    }

    private static KeycloakUser toUser(UserRepresentation representation, Set<Role> roles) {
        Instant createdAt = representation.getCreatedTimestamp() == null
                ? Instant.EPOCH : Instant.ofEpochMilli(representation.getCreatedTimestamp());
        List<String> requiredActions = representation.getRequiredActions() == null
                ? List.of() : representation.getRequiredActions();
        return new KeycloakUser(UUID.fromString(representation.getId()),
                representation.getEmail() == null ? "" : representation.getEmail().toLowerCase(Locale.ROOT),
                representation.getFirstName(), representation.getLastName(),
                Boolean.TRUE.equals(representation.isEnabled()), Boolean.TRUE.equals(representation.isEmailVerified()),
                Set.copyOf(requiredActions), createdAt, roles);
    }

    private static UUID idFromLocation(URI location) {
        Objects.requireNonNull(location, "Keycloak answered 201 without a Location");
        String path = location.getPath();
        return UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
    }

    /**
     * Runs one admin call and translates its failures. {@code userId} is given for calls about one user, so a 404
     * means that user is gone (for other calls a 404 means a missing realm or role: a configuration error).
     */
    static <T> T call(String operation, UUID userId, Supplier<T> body) {
        try {
            return body.get();
        } catch (KeycloakException alreadyTranslated) {
            throw alreadyTranslated;
        } catch (NotFoundException notFound) {
            if (userId != null) {
                throw new KeycloakUserNotFoundException(userId, notFound);
            }
            throw new KeycloakUnavailableException(operation + ": Keycloak answered 404 (realm or role missing?)", 404, notFound);
        } catch (WebApplicationException refused) {
            int status = refused.getResponse() == null ? -1 : refused.getResponse().getStatus();
            if (status == 400) {
                throw new KeycloakRejectedException(operation + ": Keycloak refused the input (400)", refused);
            }
            // 401/403 mean our own service account is refused: the caller cannot fix that, so it is an outage.
            throw new KeycloakUnavailableException(operation + ": Keycloak answered " + status, status, refused);
        } catch (ProcessingException unreachable) {
            // Connection refused, timeouts, and a token request the server refused all arrive here.
            Throwable cause = unreachable.getCause() instanceof WebApplicationException web ? web : unreachable;
            int status = cause instanceof WebApplicationException web && web.getResponse() != null
                    ? web.getResponse().getStatus() : -1;
            throw new KeycloakUnavailableException(operation + ": Keycloak not reachable or refused our service account ("
                    + cause.getClass().getSimpleName() + ")", status, unreachable);
        }
    }
}
