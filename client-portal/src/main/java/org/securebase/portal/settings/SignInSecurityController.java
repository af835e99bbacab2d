package org.securebase.portal.settings;

import org.securebase.portal.security.KeycloakProperties;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "Sign-in and security", for every role: a new password and an authenticator app through Keycloak's own pages (the
 * portal starts a sign-in that asks Keycloak for that one action, and the person comes back signed in), and the
 * devices they are signed in on, in Keycloak's account console, where "sign out everywhere" also ends their portal
 * sessions (back-channel logout). The portal never sees a password or a second-factor secret.
 */
@Controller
class SignInSecurityController {

    static final String PAGE = "settings/security";

    private final KeycloakProperties keycloak;

    SignInSecurityController(KeycloakProperties keycloak) {
        this.keycloak = keycloak;
    }

    @GetMapping("/settings/security")
    @PreAuthorize("hasAnyRole('client', 'therapist', 'admin')")
    String page(Model model) {
        model.addAttribute("changePassword", "/oauth2/authorization/keycloak?action=UPDATE_PASSWORD");
        model.addAttribute("addAuthenticator", "/oauth2/authorization/keycloak?action=CONFIGURE_TOTP");
        model.addAttribute("devices", keycloak.accountConsole("account-security/device-activity"));
        return PAGE;
    }
}
