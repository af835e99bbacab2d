package org.securebase.portal.home;

import org.securebase.portal.security.PortalRole;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the signed-in person's role, so the navigation shows only what that role can use. */
@ControllerAdvice
class NavigationAdvice {

    @ModelAttribute("navRole")
    String navRole(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
            return PortalRole.primary(user.getClaims()).map(PortalRole::claimValue).orElse("none");
        }
        return "none";
    }
}
