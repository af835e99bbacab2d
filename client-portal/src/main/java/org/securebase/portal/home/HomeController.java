package org.securebase.portal.home;

import jakarta.validation.Valid;
import org.securebase.portal.accounts.AccountsApi;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PageCalls;
import org.securebase.portal.assignment.AssignmentsApi;
import org.securebase.portal.assignment.Homework;
import org.securebase.portal.caseload.Caseload;
import org.securebase.portal.forms.Dates;
import org.securebase.portal.forms.FieldProblem;
import org.securebase.portal.forms.FormErrors;
import org.securebase.portal.measure.Measures;
import org.securebase.portal.measure.MeasuresApi;
import org.securebase.portal.security.PortalRole;
import org.securebase.portal.welcome.Welcome;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Each role's start page: what a client has to do, a therapist's caseload, an admin's accounts. */
@Controller
class HomeController {

    // Overdue first (the most pressing), then by due date, soonest first.
    static final Comparator<Homework.Summary> MOST_PRESSING = Comparator
            .comparing((Homework.Summary s) -> !s.overdue())
            .thenComparing(Homework.Summary::dueAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()));

    private final AssignmentsApi assignments;
    private final Caseload caseload;
    private final AccountsApi accounts;
    private final MeasuresApi measures;
    private final PageCalls calls;
    private final Welcome welcome;
    private final Dates dates;

    HomeController(AssignmentsApi assignments, Caseload caseload, AccountsApi accounts, MeasuresApi measures,
                   PageCalls calls, Welcome welcome, Dates dates) {
        this.dates = dates;
        this.welcome = welcome;
        this.assignments = assignments;
        this.caseload = caseload;
        this.accounts = accounts;
        this.measures = measures;
        this.calls = calls;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal OidcUser user, @Valid @ModelAttribute("search") AccountSearch search,
                BindingResult result, Model model) {
        String firstName = user.getGivenName() != null ? user.getGivenName()
                : user.getFullName() != null ? user.getFullName() : user.getPreferredUsername();
        model.addAttribute("firstName", firstName);
        // For zone.js, which offers the device's zone when it differs (fragments :: zone-suggestion).
        model.addAttribute("readerZone", dates.zoneName());
        model.addAttribute("fullName", user.getFullName());
        PortalRole role = PortalRole.primary(user.getClaims()).orElse(null);
        model.addAttribute("role", role == null ? "none" : role.claimValue());
        // Each role's lists are independent of each other and all shown: asked for at once (ADR 0031).
        if (role == PortalRole.CLIENT) {
            model.addAttribute("firstVisit", personId(user.getSubject()).map(welcome::firstVisit).orElse(false));
            var due = calls.start(assignments::dueAssignments);
            var feedback = calls.start(assignments::withUnreadFeedback);
            // Once its feedback is read an assignment leaves "new feedback"; this keeps it one click away.
            var done = calls.start(assignments::handedIn);
            // The questionnaires to answer now (journal-service makes the ones that came due when it is asked).
            model.addAttribute("measuresDue", measures.list(Optional.empty())
                    .map(list -> list.stream().filter(Measures.Instance::open).toList()));
            model.addAttribute("due", due.join().map(list -> list.stream().sorted(MOST_PRESSING).toList()));
            model.addAttribute("feedback", feedback.join());
            model.addAttribute("done", done.join());
        } else if (role == PortalRole.THERAPIST) {
            // A result whose safety item was answered above 0 goes first, above everything, until acknowledged.
            var attention = calls.start(measures::attention);
            var toReview = calls.start(caseload::toReview);
            model.addAttribute("caseload", caseload.rows());
            model.addAttribute("attention", attention.join());
            model.addAttribute("toReview", toReview.join());
        } else if (role == PortalRole.ADMIN) {
            // A search longer than account-service takes is explained beside the field; the list is not searched.
            Map<String, FieldProblem> invalid = FormErrors.of(result, AccountSearch.class);
            model.addAttribute("name", search.name());
            model.addAttribute("invalid", invalid);
            model.addAttribute("accounts", invalid.isEmpty() ? accounts.search(search.name()) : Fetched.of(List.of()));
        }
        return "home";
    }

    /** Keycloak's subjects are UUIDs; anything else is not a person the welcome can remember. */
    private static Optional<UUID> personId(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(subject));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
