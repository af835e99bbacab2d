package org.securebase.portal.audit;

import org.securebase.portal.api.Fetched;
import org.securebase.portal.security.PortalRole;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.List;

/**
 * "Who has seen my data" for a client; the whole access audit, filtered by reader and by whose data, for an
 * admin, beside the security events (sign-ins, second factors, roles) of everyone or of the person filtered on.
 * journal-service and account-service decide what each may see; the page only shows it.
 */
@Controller
class AuditController {

    private final AuditApi audit;
    private final SecurityEventsApi securityEvents;

    AuditController(AuditApi audit, SecurityEventsApi securityEvents) {
        this.audit = audit;
        this.securityEvents = securityEvents;
    }

    @GetMapping("/audit")
    @PreAuthorize("hasAnyRole('client', 'admin')")
    String audit(@ModelAttribute("filter") AuditFilter filter, Authentication authentication, Model model) {
        model.addAttribute("actor", filter.actor());
        model.addAttribute("subject", filter.subject());
        if (filter.invalid()) {
            model.addAttribute("error", "audit.filter.invalid");
            model.addAttribute("reads", Fetched.of(new AuditApi.ReadPage(List.of(), null)));
            return "audit/list";
        }
        model.addAttribute("reads", audit.reads(filter.actorId(), filter.subjectId(), filter.safeCursor()));
        if (isAdmin(authentication) && filter.safeCursor() == null) {
            // the person filtered on is whose data was read: their security events, else everyone's
            model.addAttribute("securityEvents", securityEvents.newest(filter.subjectId()));
        }
        return "audit/list";
    }

    private static boolean isAdmin(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof OidcUser user
                && PortalRole.primary(user.getClaims()).filter(PortalRole.ADMIN::equals).isPresent();
    }
}
