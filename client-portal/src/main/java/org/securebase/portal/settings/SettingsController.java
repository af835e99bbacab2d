package org.securebase.portal.settings;

import static org.springframework.http.HttpStatus.NOT_FOUND;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.Sent;
import org.securebase.portal.forms.FieldProblem;
import org.securebase.portal.forms.PageLanguage;
import org.securebase.portal.forms.ReaderZone;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in person's notification settings. A plain form: saving sends every value to account-service, which
 * checks them all and names each wrong field; the page then comes back with what was typed and the errors beside it.
 */
@Controller
class SettingsController {

    static final String PAGE = "settings/notifications";

    private final NotificationsApi notifications;

    SettingsController(NotificationsApi notifications) {
        this.notifications = notifications;
    }

    // Every role gets mail (an admin possibly none that can be switched: then only zone and language are shown).
    @GetMapping("/settings/notifications")
    @PreAuthorize("hasAnyRole('client', 'therapist', 'admin')")
    String page(Model model, HttpServletRequest request) {
        Fetched<Optional<Notifications.Preferences>> found = notifications.mine();
        if (found.unavailable()) {
            model.addAttribute("unavailable", true);
            return PAGE;
        }
        Notifications.Preferences preferences = found.value().orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        ReaderZone.remember(request, preferences.zone());
        return form(PreferencesForm.of(preferences), Map.of(), model);
    }

    @PostMapping("/settings/notifications")
    @PreAuthorize("hasAnyRole('client', 'therapist', 'admin')")
    String save(@ModelAttribute("form") PreferencesForm form, Model model, RedirectAttributes redirect,
                HttpServletRequest request) {
        Sent<Notifications.Preferences> sent = notifications.save(form.request());
        if (sent.ok()) {
            // Every page from the next on is in the language and every date in the zone just chosen.
            Notifications.Preferences saved = sent.value() != null ? sent.value() : form.request();
            ReaderZone.remember(request, saved.zone());
            PageLanguage.remember(request, saved.language());
            redirect.addFlashAttribute("notice", "settings.saved");
            return "redirect:/settings/notifications";
        }
        if (sent.unavailable()) {
            model.addAttribute("error", "settings.error.unavailable");
            return form(form, Map.of(), model);
        }
        Map<String, FieldProblem> invalid = PreferencesForm.problems(sent.violations());
        if (invalid.isEmpty()) {
            model.addAttribute("problem", sent.problem());
        } else {
            model.addAttribute("error", "settings.error.form");
        }
        return form(form, invalid, model);
    }

    /**
     * The time zone alone, as the home page offers the device's: the other settings stay as they are. Back to the
     * page it came from (the home page), with what happened.
     */
    @PostMapping("/settings/zone")
    @PreAuthorize("hasAnyRole('client', 'therapist', 'admin')")
    String chooseZone(@RequestParam(required = false) String zone, HttpServletRequest request,
                      RedirectAttributes redirect) {
        Fetched<Optional<Notifications.Preferences>> found = notifications.mine();
        if (found.unavailable()) {
            redirect.addFlashAttribute("error", "settings.error.unavailable");
            return "redirect:/";
        }
        Notifications.Preferences current = found.value().orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        String chosen = zone == null ? null : zone.strip();
        Sent<Notifications.Preferences> sent = notifications.save(new Notifications.Preferences(chosen,
                current.language(), current.kinds(), current.dueLeadDays(), current.reminderTime(), current.quietHours(),
                current.handedInDelivery(), current.digestTime()));
        if (sent.ok()) {
            ReaderZone.remember(request, sent.value() != null ? sent.value().zone() : chosen);
            redirect.addFlashAttribute("notice", "zone.saved");
        } else {
            redirect.addFlashAttribute("error", sent.unavailable() ? "settings.error.unavailable" : "settings.error.zone");
        }
        return "redirect:/";
    }

    private static String form(PreferencesForm form, Map<String, FieldProblem> invalid, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("invalid", invalid);
        return PAGE;
    }
}
