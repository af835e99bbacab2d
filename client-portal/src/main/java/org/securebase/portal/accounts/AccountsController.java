package org.securebase.portal.accounts;

import jakarta.validation.Valid;
import org.securebase.portal.api.Sent;
import org.securebase.portal.forms.FieldProblem;
import org.securebase.portal.forms.FormErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The admin's account actions: invite, resend the invitation, deactivate, reactivate, and assign a client's
 * therapist. A missing or over-long value is explained beside its field before anything is sent; account-service
 * validates everything again and its refusals are shown as they come.
 */
@Controller
@PreAuthorize("hasRole('admin')")
class AccountsController {

    private static final Map<String, BiFunction<AccountsApi, UUID, Sent<Void>>> ACTIONS = Map.of(
            "deactivate", AccountsApi::deactivate,
            "reactivate", AccountsApi::reactivate,
            "resend", AccountsApi::resendInvitation);

    private final AccountsApi accounts;

    AccountsController(AccountsApi accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/accounts/invite")
    String inviteForm(Model model) {
        return inviteForm(InvitationForm.empty(), Map.of(), model);
    }

    @PostMapping("/accounts")
    String invite(@Valid @ModelAttribute("form") InvitationForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        Map<String, FieldProblem> invalid = FormErrors.of(result, InvitationForm.class);
        if (!invalid.isEmpty()) {
            model.addAttribute("error", "accounts.error.form");
            return inviteForm(form, invalid, model);
        }
        Sent<Accounts.Account> sent = accounts.invite(form.invitation());
        if (!sent.ok()) {
            model.addAttribute("error", sent.unavailable() ? "accounts.error.unavailable" : null);
            model.addAttribute("problem", sent.problem());
            return inviteForm(form, Map.of(), model);
        }
        redirect.addFlashAttribute("notice", "accounts.invited");
        return "redirect:/";
    }

    private static String inviteForm(InvitationForm form, Map<String, FieldProblem> invalid, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("invalid", invalid);
        return "accounts/invite";
    }

    @PostMapping("/accounts/{id}/{action}")
    String act(@PathVariable UUID id, @PathVariable String action, RedirectAttributes redirect) {
        BiFunction<AccountsApi, UUID, Sent<Void>> call = ACTIONS.get(action);
        if (call == null) {
            redirect.addFlashAttribute("error", "accounts.error.unknownAction");
            return "redirect:/";
        }
        return done(call.apply(accounts, id), "accounts.done." + action, redirect);
    }

    @GetMapping("/accounts/{id}/therapist")
    String therapistForm(@PathVariable UUID id, @RequestParam(defaultValue = "") String name, Model model) {
        model.addAttribute("clientId", id);
        model.addAttribute("clientName", name);
        model.addAttribute("therapists", accounts.activeTherapists());
        return "accounts/therapist";
    }

    @PostMapping("/accounts/{id}/therapist")
    String assignTherapist(@PathVariable UUID id, @RequestParam UUID therapistId, RedirectAttributes redirect) {
        return done(accounts.assignTherapist(id, therapistId), "accounts.done.therapist", redirect);
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
