package org.securebase.portal.home;

import org.securebase.portal.accounts.Accounts;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.assignment.Homework;
import org.securebase.portal.caseload.Caseload;
import org.securebase.portal.security.PortalRole;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Each role's start page: what a client has to do, a therapist's caseload, an admin's accounts. */
@Controller
class HomeController {

    // Overdue first (the most pressing), then by due date, soonest first.
    static final Comparator<Homework.Summary> MOST_PRESSING = Comparator
            .comparing((Homework.Summary s) -> !s.overdue())
            .thenComparing(Homework.Summary::dueAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()));

    private final PlatformApi api;
    private final Caseload caseload;
    private final Accounts accounts;

    HomeController(PlatformApi api, Caseload caseload, Accounts accounts) {
        this.api = api;
        this.caseload = caseload;
        this.accounts = accounts;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal OidcUser user, @RequestParam(required = false) String name, Model model) {
        String firstName = user.getGivenName() != null ? user.getGivenName()
                : user.getFullName() != null ? user.getFullName() : user.getPreferredUsername();
        model.addAttribute("firstName", firstName);
        model.addAttribute("fullName", user.getFullName());
        PortalRole role = PortalRole.primary(user.getClaims()).orElse(null);
        model.addAttribute("role", role == null ? "none" : role.claimValue());
        if (role == PortalRole.CLIENT) {
            model.addAttribute("due", assignments("ASSIGNED", "OPENED", "IN_PROGRESS")
                    .map(list -> list.stream().sorted(MOST_PRESSING).toList()));
            model.addAttribute("feedback", newFeedback());
            // Once its feedback is read an assignment leaves "new feedback"; this keeps it one click away.
            model.addAttribute("done", assignments("SUBMITTED", "REVIEWED"));
        } else if (role == PortalRole.THERAPIST) {
            model.addAttribute("caseload", caseload.rows());
            model.addAttribute("toReview", caseload.toReview());
        } else if (role == PortalRole.ADMIN) {
            model.addAttribute("name", name == null ? "" : name.strip());
            model.addAttribute("accounts", accounts.search(name));
        }
        return "home";
    }

    private Fetched<List<Homework.Summary>> assignments(String... statuses) {
        return api.get(uri -> uri.path("/api/journal/assignments").queryParam("status", (Object[]) statuses)
                        .queryParam("limit", 50).build(), Homework.SummaryPage.class)
                .map(page -> page.map(Homework.SummaryPage::items).orElse(List.of()));
    }

    /**
     * Assignments with feedback the client has not read yet, newest assignment first; reading the feedback on the
     * assignment's page takes it off. Feedback only exists on REVIEWED assignments, and naming the status too keeps
     * the list to those while a journal-service that predates the filter (and ignores it) is still running.
     */
    private Fetched<List<Homework.Summary>> newFeedback() {
        return api.get(uri -> uri.path("/api/journal/assignments").queryParam("status", "REVIEWED")
                        .queryParam("unreadFeedback", true).queryParam("limit", 50).build(), Homework.SummaryPage.class)
                .map(page -> page.map(Homework.SummaryPage::items).orElse(List.of()));
    }
}
