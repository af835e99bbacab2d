package org.securebase.portal.rights;

import static org.springframework.http.HttpStatus.NOT_FOUND;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.securebase.platform.contracts.AccountLimits;
import org.securebase.platform.contracts.JournalLimits;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.Sent;
import org.securebase.portal.record.RecordApi;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The record of clients' data rights, and one client's retention standing with the admin's actions on it. Each action
 * is confirmed by account-service's answer: its refusals are shown as they come.
 */
@Controller
@PreAuthorize("hasRole('admin')")
class RightsController {

    private final RightsApi rights;
    private final RecordApi records;

    RightsController(RightsApi rights, RecordApi records) {
        this.rights = rights;
        this.records = records;
    }

    @GetMapping("/rights")
    String list(Model model) {
        Fetched<List<RightsApi.Request>> requests = rights.recent();
        // For an admin journal-service lists everyone's copies: who asked and when, never what they hold.
        Fetched<List<RecordApi.Export>> exports = records.newest(JournalLimits.PAGE_SIZE);
        Map<UUID, String> names = new HashMap<>();
        if (requests.available()) {
            for (RightsApi.Request request : requests.value()) {
                if (request.subjectName() != null) {
                    names.putIfAbsent(request.subjectId(), request.subjectName());
                }
            }
        }
        model.addAttribute("requests", requests);
        model.addAttribute("exports", exports);
        model.addAttribute("names", names);
        return "rights/list";
    }

    /** The heading names the account from account-service's answer, never from the address: a closure acts on it. */
    @GetMapping("/rights/{clientId}")
    String client(@PathVariable UUID clientId, Model model) {
        Fetched<Optional<RightsApi.Standing>> standing = rights.standing(clientId);
        if (standing.available() && standing.value().isEmpty()) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        model.addAttribute("clientId", clientId);
        model.addAttribute("standing", standing.map(Optional::orElseThrow));
        model.addAttribute("holdReasonLimit", AccountLimits.HOLD_REASON);
        return "rights/client";
    }

    @PostMapping("/rights/{clientId}/closure")
    String close(@PathVariable UUID clientId, @RequestParam(defaultValue = "false") boolean confirmed,
                 RedirectAttributes redirect) {
        return confirmed ? done(rights.close(clientId), "rights.closure.done", clientId, redirect)
                : unconfirmed("rights.closure.error.unconfirmed", clientId, redirect);
    }

    /** Erasure cannot be undone: the admin confirms it, and account-service decides whether the law allows it now. */
    @PostMapping("/rights/{clientId}/erasure")
    String erase(@PathVariable UUID clientId, @RequestParam(defaultValue = "false") boolean confirmed,
                 RedirectAttributes redirect) {
        return confirmed ? done(rights.erase(clientId), "rights.erasure.done", clientId, redirect)
                : unconfirmed("rights.erasure.error.unconfirmed", clientId, redirect);
    }

    @PostMapping("/rights/{clientId}/holds")
    String placeHold(@PathVariable UUID clientId, @RequestParam(defaultValue = "") String reason,
                     RedirectAttributes redirect) {
        String given = reason.strip();
        if (given.isEmpty() || given.length() > AccountLimits.HOLD_REASON) {
            redirect.addFlashAttribute("error", "rights.hold.error.reason");
            return back(clientId);
        }
        return done(rights.placeHold(clientId, given), "rights.hold.placed", clientId, redirect);
    }

    @PostMapping("/rights/{clientId}/holds/{holdId}/lifting")
    String liftHold(@PathVariable UUID clientId, @PathVariable UUID holdId, RedirectAttributes redirect) {
        return done(rights.liftHold(clientId, holdId), "rights.hold.lifted", clientId, redirect);
    }

    private static String done(Sent<?> sent, String notice, UUID clientId, RedirectAttributes redirect) {
        if (sent.unavailable()) {
            redirect.addFlashAttribute("error", "rights.error.unavailable");
        } else if (!sent.ok()) {
            redirect.addFlashAttribute("problem", sent.problem());
        } else {
            redirect.addFlashAttribute("notice", notice);
        }
        return back(clientId);
    }

    /** Nothing is sent: the admin did not tick the box that confirms an action that cannot be taken back. */
    private static String unconfirmed(String error, UUID clientId, RedirectAttributes redirect) {
        redirect.addFlashAttribute("error", error);
        return back(clientId);
    }

    private static String back(UUID clientId) {
        return "redirect:/rights/" + clientId;
    }
}
