package org.securebase.portal.audit;

import org.securebase.portal.api.Fetched;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.List;

/**
 * "Who has seen my data" for a client; the whole access audit, filtered by reader and by whose data, for an
 * admin. journal-service decides what each may see; the page only shows it.
 */
@Controller
class AuditController {

    private final AuditApi audit;

    AuditController(AuditApi audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    @PreAuthorize("hasAnyRole('client', 'admin')")
    String audit(@ModelAttribute("filter") AuditFilter filter, Model model) {
        model.addAttribute("actor", filter.actor());
        model.addAttribute("subject", filter.subject());
        if (filter.invalid()) {
            model.addAttribute("error", "audit.filter.invalid");
            model.addAttribute("reads", Fetched.of(new AuditApi.ReadPage(List.of(), null)));
            return "audit/list";
        }
        model.addAttribute("reads", audit.reads(filter.actorId(), filter.subjectId(), filter.safeCursor()));
        return "audit/list";
    }
}
