package org.securebase.portal.accounts;

import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.api.Sent;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The admin's account actions: invite, resend the invitation, deactivate, reactivate, and assign a client's
 * therapist. account-service validates everything; its refusals are shown as they come.
 */
@Controller
@PreAuthorize("hasRole('admin')")
class AccountsController {

    private static final Set<String> ROLES = Set.of("client", "therapist", "admin");
    private static final Map<String, String> ACTIONS = Map.of(
            "deactivate", "deactivation", "reactivate", "reactivation", "resend", "invitation");

    private final PlatformApi api;
    private final Accounts accounts;

    AccountsController(PlatformApi api, Accounts accounts) {
        this.api = api;
        this.accounts = accounts;
    }

    record Invitation(String email, String firstName, String lastName, String role) {

        @Override
        public String toString() {
            return "Invitation[role=" + role + "]";
        }
    }

    @GetMapping("/accounts/invite")
    String inviteForm(Model model) {
        model.addAttribute("form", new Invitation("", "", "", "client"));
        return "accounts/invite";
    }

    @PostMapping("/accounts")
    String invite(@RequestParam String email, @RequestParam String firstName, @RequestParam String lastName,
                  @RequestParam String role, Model model, RedirectAttributes redirect) {
        Invitation invitation = new Invitation(email.strip(), firstName.strip(), lastName.strip(),
                ROLES.contains(role) ? role : "client");
        Sent<Accounts.Account> sent = api.post(uri -> uri.path("/api/accounts").build(), invitation, Accounts.Account.class);
        if (!sent.ok()) {
            model.addAttribute("form", invitation);
            model.addAttribute("error", sent.unavailable() ? "accounts.error.unavailable" : null);
            model.addAttribute("problem", sent.problem());
            return "accounts/invite";
        }
        redirect.addFlashAttribute("notice", "accounts.invited");
        return "redirect:/";
    }

    @PostMapping("/accounts/{id}/{action}")
    String act(@PathVariable UUID id, @PathVariable String action, RedirectAttributes redirect) {
        String path = ACTIONS.get(action);
        if (path == null) {
            redirect.addFlashAttribute("error", "accounts.error.unknownAction");
            return "redirect:/";
        }
        Sent<Void> sent = api.send(HttpMethod.POST, uri -> uri.path("/api/accounts/{id}/{path}").build(id, path), null,
                Void.class);
        return done(sent, "accounts.done." + action, redirect);
    }

    @GetMapping("/accounts/{id}/therapist")
    String therapistForm(@PathVariable UUID id, @RequestParam(defaultValue = "") String name, Model model) {
        model.addAttribute("clientId", id);
        model.addAttribute("clientName", name);
        model.addAttribute("therapists", accounts.therapists());
        return "accounts/therapist";
    }

    @PostMapping("/accounts/{id}/therapist")
    String assignTherapist(@PathVariable UUID id, @RequestParam UUID therapistId, RedirectAttributes redirect) {
        Sent<Void> sent = api.put(uri -> uri.path("/api/accounts/{id}/therapist").build(id),
                Map.of("therapistId", therapistId), Void.class);
        return done(sent, "accounts.done.therapist", redirect);
    }

    private static String done(Sent<?> sent, String notice, RedirectAttributes redirect) {
        if (sent.unavailable()) {
            redirect.addFlashAttribute("error", "accounts.error.unavailable");
        } else if (!sent.ok()) {
            redirect.addFlashAttribute("problem", sent.problem());
        } else {
            redirect.addFlashAttribute("notice", notice);
        }
        return "redirect:/";
    }
}
