package org.securebase.portal.measure;

import jakarta.servlet.http.HttpServletResponse;
import static org.springframework.http.HttpStatus.NOT_FOUND;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.securebase.portal.api.Fetched;
import org.securebase.portal.forms.Dates;
import org.securebase.portal.api.Sent;
import org.securebase.portal.security.PortalRole;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The measure pages. The client's form is a plain form (one fieldset and legend with a radio group per item), so it
 * works with the keyboard and without script; journal-service checks every answer and refuses a partial submission.
 */
@Controller
class MeasureController {

    private final MeasuresApi measures;
    private final MessageSource messages;
    private final Dates dates;

    MeasureController(MeasuresApi measures, MessageSource messages, Dates dates) {
        this.measures = measures;
        this.messages = messages;
        this.dates = dates;
    }

    /** The client's measures; a therapist's results needing attention first, then one client's measures. */
    @GetMapping("/measures")
    @PreAuthorize("hasAnyRole('client', 'therapist')")
    String list(@RequestParam(required = false) UUID client, @AuthenticationPrincipal OidcUser user, Model model) {
        boolean therapist = PortalRole.primary(user.getClaims()).orElse(null) == PortalRole.THERAPIST;
        model.addAttribute("therapist", therapist);
        model.addAttribute("client", client);
        Fetched<List<Measures.Instrument>> instruments = measures.instruments();
        Fetched<List<Measures.Instance>> list;
        if (therapist) {
            model.addAttribute("attention", measures.attention());
            list = client == null ? Fetched.of(List.of()) : measures.list(Optional.of(client));
        } else {
            list = measures.list(Optional.empty());
        }
        model.addAttribute("instruments", instruments);
        model.addAttribute("measures", list);
        // One chart per instrument with results, beside its table; nothing when either call failed.
        // The chart's days are the reader's, as every date the portal shows (the server's zone means nothing to them).
        ZoneId zone = dates.zone();
        model.addAttribute("charts", list.available() && instruments.available()
                ? instruments.value().stream().map(instrument -> MeasureChart.of(instrument, list.value(), zone))
                        .filter(chart -> !chart.empty()).toList()
                : List.<MeasureChart>of());
        return "measure/list";
    }

    @PostMapping("/measures/schedules")
    @PreAuthorize("hasRole('therapist')")
    String assign(@RequestParam UUID clientId, @RequestParam String instrument,
                  @RequestParam(required = false) Integer everyWeeks, RedirectAttributes redirect) {
        Sent<Measures.Schedule> sent = measures.assign(new Measures.ScheduleRequest(clientId, instrument, everyWeeks));
        flash(sent, redirect, "measures.assigned");
        return "redirect:/measures?client=" + clientId;
    }

    @GetMapping("/measures/{id}")
    @PreAuthorize("hasAnyRole('client', 'therapist')")
    String page(@PathVariable UUID id, @AuthenticationPrincipal OidcUser user, Model model,
                HttpServletResponse response) {
        Fetched<Optional<Measures.Instance>> found = measures.instance(id);
        model.addAttribute("unavailable", found.unavailable());
        if (found.unavailable()) {
            // Only a real outage says "try again"; the status says the same to a machine.
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        }
        if (found.available()) {
            Measures.Instance instance = found.value().orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
            model.addAttribute("m", instance);
            Fetched<Optional<Measures.Instrument>> instrument = measures.instrument(instance.instrument());
            model.addAttribute("instrument", instrument.available() ? instrument.value().orElse(null) : null);
        }
        model.addAttribute("therapist", PortalRole.primary(user.getClaims()).orElse(null) == PortalRole.THERAPIST);
        return "measure/page";
    }

    /**
     * Saves every chosen option (intent save) and, with intent submit, hands the questionnaire in. This is the whole
     * form without JavaScript; measure.js saves each item as it is chosen through {@link #autosave}. A submission with
     * unanswered items is not sent: the page comes back with an error summary linking to each of them.
     */
    @PostMapping("/measures/{id}/answers")
    @PreAuthorize("hasRole('client')")
    String answer(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
                  @RequestParam(defaultValue = "save") String intent, RedirectAttributes redirect) {
        for (String name : form.keySet()) {
            if (!name.startsWith("item-")) {
                continue;
            }
            Integer item = number(name.substring("item-".length()));
            Integer value = number(form.getFirst(name));
            if (item == null || value == null) {
                redirect.addFlashAttribute("error", "measures.error.form");
                return "redirect:/measures/" + id;
            }
            Sent<Measures.Instance> saved = measures.answer(id, item, value);
            if (!saved.ok()) {
                flash(saved, redirect, null);
                return "redirect:/measures/" + id;
            }
        }
        if ("submit".equals(intent)) {
            List<Integer> unanswered = unanswered(id);
            if (!unanswered.isEmpty()) {
                redirect.addFlashAttribute("unanswered", unanswered);
                return "redirect:/measures/" + id;
            }
            Sent<Measures.Submitted> submitted = measures.submit(id);
            flash(submitted, redirect, "measures.submitted");
            if (submitted.ok() && submitted.value() != null && submitted.value().crisisText() != null) {
                redirect.addFlashAttribute("crisisText", submitted.value().crisisText());
            }
        } else {
            redirect.addFlashAttribute("notice", "measures.saved");
        }
        return "redirect:/measures/" + id;
    }

    /**
     * measure.js's autosave of one item, as soon as an option is chosen: 204 when saved; 422 with the reason as text
     * when journal-service refuses it (not an option, already submitted); 503 when it is unavailable. The browser
     * never calls the API itself: the token stays in the portal.
     */
    @PostMapping("/measures/{id}/answers/{item}")
    @PreAuthorize("hasRole('client')")
    ResponseEntity<String> autosave(@PathVariable UUID id, @PathVariable int item,
                                    @RequestParam(required = false) String value, Locale locale) {
        Integer chosen = number(value);
        if (chosen == null) {
            return ResponseEntity.unprocessableContent().contentType(MediaType.TEXT_PLAIN)
                    .body(messages.getMessage("measures.error.form", null, locale));
        }
        Sent<Measures.Instance> saved = measures.answer(id, item, chosen);
        if (saved.unavailable()) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
        return saved.ok() ? ResponseEntity.noContent().build()
                : ResponseEntity.unprocessableContent().contentType(MediaType.TEXT_PLAIN).body(saved.problem());
    }

    /**
     * The instrument's items the instance has no answer to, in order. Empty when either cannot be read: then
     * journal-service, which refuses a partial submission anyway, has the last word.
     */
    private List<Integer> unanswered(UUID id) {
        Fetched<Optional<Measures.Instance>> found = measures.instance(id);
        if (!found.available() || found.value().isEmpty()) {
            return List.of();
        }
        Measures.Instance instance = found.value().get();
        Fetched<Optional<Measures.Instrument>> instrument = measures.instrument(instance.instrument());
        if (!instrument.available() || instrument.value().isEmpty()) {
            return List.of();
        }
        return instrument.value().get().items().stream().map(Measures.Item::number)
                .filter(number -> instance.answerTo(number) == null).toList();
    }

    @PostMapping("/measures/{id}/acknowledge")
    @PreAuthorize("hasRole('therapist')")
    String acknowledge(@PathVariable UUID id, RedirectAttributes redirect) {
        flash(measures.acknowledge(id), redirect, "measures.acknowledged");
        return "redirect:/measures/" + id;
    }

    private static void flash(Sent<?> sent, RedirectAttributes redirect, String notice) {
        if (sent.unavailable()) {
            redirect.addFlashAttribute("error", "measures.error.unavailable");
        } else if (!sent.ok()) {
            redirect.addFlashAttribute("problem", sent.problem());
        } else if (notice != null) {
            redirect.addFlashAttribute("notice", notice);
        }
    }

    private static Integer number(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
