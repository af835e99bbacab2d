package org.securebase.account.keycloak;

import java.util.List;

import org.securebase.platform.security.Role;

/** The Keycloak required actions an invitation asks for. */
public enum RequiredAction {

    VERIFY_EMAIL("VERIFY_EMAIL"),
    UPDATE_PASSWORD("UPDATE_PASSWORD"),
    CONFIGURE_TOTP("CONFIGURE_TOTP");

    private final String keycloakAlias;

    RequiredAction(String keycloakAlias) {
        this.keycloakAlias = keycloakAlias;
    }

    public String keycloakAlias() {
        return keycloakAlias;
    }

    /**
     * What a newly invited person must do: prove the email is theirs and choose a password; therapists and admins
     * also set up TOTP (docs/architecture.md, "Identity and sessions": MFA is required for them; the realm's login flow enforces it too).
     */
    public static List<RequiredAction> forInvitation(Role role) {
        return role == Role.CLIENT
                ? List.of(VERIFY_EMAIL, UPDATE_PASSWORD)
                : List.of(VERIFY_EMAIL, UPDATE_PASSWORD, CONFIGURE_TOTP);
    }
}
