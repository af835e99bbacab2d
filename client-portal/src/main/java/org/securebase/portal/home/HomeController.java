package org.securebase.portal.home;

import org.securebase.portal.security.PortalRole;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    @GetMapping("/")
    String home(@AuthenticationPrincipal OidcUser user, Model model) {
        String firstName = user.getGivenName() != null ? user.getGivenName()
                : user.getFullName() != null ? user.getFullName() : user.getPreferredUsername();
        model.addAttribute("firstName", firstName);
        model.addAttribute("fullName", user.getFullName());
        model.addAttribute("role", PortalRole.primary(user.getClaims()).map(PortalRole::claimValue).orElse("none"));
        return "home";
    }
}
