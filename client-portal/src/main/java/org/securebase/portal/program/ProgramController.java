package org.securebase.portal.program;

import static org.springframework.http.HttpStatus.NOT_FOUND;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.securebase.portal.accounts.Accounts;
import org.securebase.portal.accounts.AccountsApi;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.Sent;
import org.securebase.portal.library.LibraryApi;
import org.securebase.portal.security.PortalRole;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The program pages. Building one is a plain form with a fixed number of step rows (rows without a reading are left
 * out), so it works without script; journal-service checks every step and its field errors come back above the form,
 * with what was typed kept.
 */
@Controller
class ProgramController {

    /** Step rows on the form; a longer program is built from the same rows again (the API takes up to 20). */
    static final int STEP_ROWS = 4;
    static final Set<String> CHANGES = Set.of("pause", "resume", "end");

    private final ProgramsApi programs;
    private final LibraryApi library;
    private final AccountsApi accounts;

    ProgramController(ProgramsApi programs, LibraryApi library, AccountsApi accounts) {
        this.programs = programs;
        this.library = library;
        this.accounts = accounts;
    }

    @GetMapping("/programs")
    @PreAuthorize("hasAnyRole('therapist', 'admin')")
    String list(@AuthenticationPrincipal OidcUser user, Model model) {
        boolean therapist = isTherapist(user);
        model.addAttribute("therapist", therapist);
        model.addAttribute("programs", programs.programs());
        Fetched<List<Programs.Enrolment>> enrolments = therapist ? programs.enrolments() : Fetched.of(List.of());
        model.addAttribute("enrolments", enrolments);
        model.addAttribute("names", therapist ? names() : Map.of());
        return "program/list";
    }

    @GetMapping("/programs/new")
    @PreAuthorize("hasAnyRole('therapist', 'admin')")
    String newProgram(Model model) {
        return form(new LinkedHashMap<>(), null, model);
    }

    @PostMapping("/programs")
    @PreAuthorize("hasAnyRole('therapist', 'admin')")
    String create(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        Map<String, String> typed = form.toSingleValueMap();
        List<Programs.StepRequest> steps = new ArrayList<>();
        for (int row = 1; row <= STEP_ROWS; row++) {
            String article = typed.getOrDefault("article-" + row, "").strip();
            if (article.isEmpty()) {
                continue;
            }
            UUID articleId = uuidOrNull(article);
            String question = typed.getOrDefault("question-" + row, "").strip();
            String kind = typed.getOrDefault("rule-" + row, "IMMEDIATELY");
            Integer days = "DAYS_AFTER".equals(kind) ? integerOrNull(typed.get("days-" + row)) : null;
            String weekday = "WEEKDAY".equals(kind) ? typed.get("weekday-" + row) : null;
            steps.add(new Programs.StepRequest(articleId,
                    question.isEmpty() ? List.of() : List.of(new Programs.Prompt("TEXT", question, null)),
                    new Programs.Rule(kind, days, weekday), integerOrNull(typed.get("due-" + row))));
        }
        Sent<Programs.Program> sent = programs.create(new Programs.CreateRequest(typed.getOrDefault("title", ""),
                typed.getOrDefault("description", ""), steps));
        if (sent.unavailable()) {
            return form(typed, new Refusal("programs.error.unavailable", null, List.of()), model);
        }
        if (!sent.ok()) {
            return form(typed, new Refusal("programs.error.form", sent.problem(), sent.violations()), model);
        }
        redirect.addFlashAttribute("notice", "programs.created");
        return "redirect:/programs/" + sent.value().id();
    }

    @GetMapping("/programs/{id}")
    @PreAuthorize("hasAnyRole('therapist', 'admin')")
    String program(@PathVariable UUID id, @AuthenticationPrincipal OidcUser user, Model model) {
        Fetched<Optional<Programs.Program>> found = programs.program(id);
        if (found.available() && found.value().isEmpty()) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        boolean therapist = isTherapist(user);
        model.addAttribute("therapist", therapist);
        model.addAttribute("program", found.map(Optional::get));
        model.addAttribute("clients", therapist ? accounts.caseload() : Fetched.of(List.of()));
        return "program/page";
    }

    @PostMapping("/programs/{id}/enrolments")
    @PreAuthorize("hasRole('therapist')")
    String enrol(@PathVariable UUID id, @RequestParam(required = false) String client,
                 @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        UUID clientId = uuidOrNull(client);
        if (clientId == null) {
            redirect.addFlashAttribute("error", "programs.error.client");
            return "redirect:/programs/" + id;
        }
        // Weekday steps arrive at 08:00 on the client's clock. When account-service cannot say which zone that is,
        // the enrolment still goes ahead, on the practice's zone, rather than being refused for a detail.
        Fetched<Optional<ZoneId>> clientZone = accounts.zoneOfClient(clientId);
        String zone = clientZone.available() ? clientZone.value().map(ZoneId::getId).orElse(null) : null;
        Sent<Programs.Enrolment> sent = programs.enrol(id, new Programs.EnrolRequest(clientId,
                reason == null || reason.isBlank() ? null : reason, zone));
        if (!flash(sent, redirect, "programs.enrolled")) {
            return "redirect:/programs/" + id;
        }
        return "redirect:/programs";
    }

    @PostMapping("/program-enrolments/{id}/{change}")
    @PreAuthorize("hasRole('therapist')")
    String change(@PathVariable UUID id, @PathVariable String change, RedirectAttributes redirect) {
        if (!CHANGES.contains(change)) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        flash(programs.change(id, change), redirect, "programs.changed." + change);
        return "redirect:/programs";
    }

    /** What went wrong with the form: the message key, journal-service's problem and its field errors. */
    record Refusal(String key, String problem, List<Sent.Violation> violations) {
    }

    private String form(Map<String, String> typed, Refusal refusal, Model model) {
        typed.putIfAbsent("title", "");
        typed.putIfAbsent("description", "");
        for (int row = 1; row <= STEP_ROWS; row++) {
            typed.putIfAbsent("rule-" + row, row == 1 ? "IMMEDIATELY" : "DAYS_AFTER");
            typed.putIfAbsent("days-" + row, "7");
            typed.putIfAbsent("due-" + row, "7");
        }
        model.addAttribute("typed", typed);
        model.addAttribute("rows", java.util.stream.IntStream.rangeClosed(1, STEP_ROWS).boxed().toList());
        model.addAttribute("refusal", refusal);
        model.addAttribute("articles", library.articlesToAssign());
        return "program/new";
    }

    private Map<UUID, String> names() {
        Fetched<List<Accounts.CaseloadClient>> clients = accounts.caseload();
        return clients.available() ? clients.value().stream().collect(Collectors.toMap(Accounts.CaseloadClient::clientId,
                Accounts.CaseloadClient::displayName, (a, b) -> a)) : Map.of();
    }

    private static boolean flash(Sent<?> sent, RedirectAttributes redirect, String notice) {
        if (sent.unavailable()) {
            redirect.addFlashAttribute("error", "programs.error.unavailable");
            return false;
        }
        if (!sent.ok()) {
            redirect.addFlashAttribute("problem", sent.problem());
            return false;
        }
        redirect.addFlashAttribute("notice", notice);
        return true;
    }

    private static boolean isTherapist(OidcUser user) {
        return PortalRole.primary(user.getClaims()).orElse(null) == PortalRole.THERAPIST;
    }

    private static UUID uuidOrNull(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private static Integer integerOrNull(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
