package org.securebase.account.securityevent;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.securebase.account.keycloak.KeycloakEvent;

/** What happened to a person's identity, in words an admin reads; each from one or more of Keycloak's event types. */
public enum SecurityEventKind {
    SIGNED_IN, SIGN_IN_FAILED, LOCKED_OUT, PASSWORD_CHANGED, PASSWORD_RESET_REQUESTED, PASSWORD_SET_BY_ADMIN,
    SECOND_FACTOR_ADDED, SECOND_FACTOR_REMOVED, CREDENTIAL_REMOVED_BY_ADMIN, EMAIL_CHANGED, ACCOUNT_CREATED,
    ACCOUNT_CHANGED, ACCOUNT_DELETED, ROLE_GRANTED, ROLE_REMOVED, SIGNED_OUT_BY_ADMIN, ACTIONS_EMAILED;

    /**
     * The login event types asked of Keycloak. Its deprecated twins (UPDATE_TOTP, REMOVE_TOTP, UPDATE_PASSWORD) are left
     * out: Keycloak 26 sends them beside UPDATE_CREDENTIAL and REMOVE_CREDENTIAL, and each change would show twice.
     */
    static final List<String> LOGIN_TYPES = List.of("LOGIN", "LOGIN_ERROR", "USER_DISABLED_BY_TEMPORARY_LOCKOUT",
            "UPDATE_CREDENTIAL", "REMOVE_CREDENTIAL", "SEND_RESET_PASSWORD", "UPDATE_EMAIL");

    private static final Set<String> SECOND_FACTORS = Set.of("otp", "webauthn", "webauthn-passwordless");

    /** The kind of one of Keycloak's events, or empty for one an admin need not see (a token refresh, say). */
    static Optional<SecurityEventKind> of(KeycloakEvent event) {
        String credential = event.credentialType() == null ? "" : event.credentialType().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(switch (event.source()) {
            case LOGIN -> switch (event.type()) {
                case "LOGIN" -> SIGNED_IN;
                case "LOGIN_ERROR" -> SIGN_IN_FAILED;
                case "USER_DISABLED_BY_TEMPORARY_LOCKOUT" -> LOCKED_OUT;
                case "UPDATE_CREDENTIAL" -> SECOND_FACTORS.contains(credential) ? SECOND_FACTOR_ADDED : PASSWORD_CHANGED;
                case "REMOVE_CREDENTIAL" -> SECOND_FACTORS.contains(credential) ? SECOND_FACTOR_REMOVED : null;
                case "SEND_RESET_PASSWORD" -> PASSWORD_RESET_REQUESTED;
                case "UPDATE_EMAIL" -> EMAIL_CHANGED;
                default -> null;
            };
            case ADMIN -> admin(event.type(), event.resource());
        });
    }

    private static SecurityEventKind admin(String type, String resource) {
        if (resource == null) {
            return null;
        }
        return switch (type) {
            case "REALM_ROLE_MAPPING:CREATE" -> ROLE_GRANTED;
            case "REALM_ROLE_MAPPING:DELETE" -> ROLE_REMOVED;
            case "USER:CREATE" -> resource.isEmpty() ? ACCOUNT_CREATED : null;
            case "USER:UPDATE" -> resource.isEmpty() ? ACCOUNT_CHANGED : null;
            case "USER:DELETE" -> resource.isEmpty() ? ACCOUNT_DELETED
                    : resource.startsWith("/credentials/") ? CREDENTIAL_REMOVED_BY_ADMIN : null;
            case "USER:ACTION" -> switch (resource) {
                case "/logout" -> SIGNED_OUT_BY_ADMIN;
                case "/execute-actions-email" -> ACTIONS_EMAILED;
                case "/reset-password" -> PASSWORD_SET_BY_ADMIN;
                default -> null;
            };
            default -> null;
        };
    }
}
