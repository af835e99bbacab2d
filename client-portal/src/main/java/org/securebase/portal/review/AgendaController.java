package org.securebase.portal.review;

import static org.springframework.http.HttpStatus.NOT_FOUND;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.Sent;
import org.securebase.portal.assignment.Homework;
import org.securebase.portal.library.LibraryApi;
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
 * The review agenda of one client, for their therapist: the page, its printable view (the same content without the
 * site's navigation and forms), and marking it reviewed. A client not on the therapist's caseload is not found.
 */
@Controller
@PreAuthorize("hasRole('therapist')")
class AgendaController {

    private final AgendaApi agendas;
    private final LibraryApi library;

    AgendaController(AgendaApi agendas, LibraryApi library) {
        this.agendas = agendas;
        this.library = library;
    }

    @GetMapping("/clients/{clientId}/agenda")
    String agenda(@PathVariable UUID clientId, Model model) {
        return prepare(clientId, model, "review/agenda");
    }

    @GetMapping("/clients/{clientId}/agenda/print")
    String printable(@PathVariable UUID clientId, Model model) {
        return prepare(clientId, model, "review/agenda-print");
    }

    /** {@code through}: the generatedAt of the agenda on the page, so what arrived since stays for the next review. */
    @PostMapping("/clients/{clientId}/agenda/reviewed")
    String reviewed(@PathVariable UUID clientId, @RequestParam(required = false) String through,
                    RedirectAttributes redirect) {
        Instant at;
        try {
            at = through == null ? null : Instant.parse(through);
        } catch (DateTimeParseException unreadable) {
            at = null;
        }
        if (at == null) {
            redirect.addFlashAttribute("error", "agenda.error.reload");
            return "redirect:/clients/" + clientId + "/agenda";
        }
        Sent<Agenda.Review> sent = agendas.markReviewed(clientId, at);
        if (sent.unavailable()) {
            redirect.addFlashAttribute("error", "agenda.error.unavailable");
        } else if (!sent.ok()) {
            redirect.addFlashAttribute("problem", sent.problem());
        } else {
            redirect.addFlashAttribute("notice", "agenda.reviewed");
        }
        return "redirect:/clients/" + clientId + "/agenda";
    }

    private String prepare(UUID clientId, Model model, String view) {
        Fetched<Optional<Agenda>> found = agendas.agenda(clientId);
        if (found.available() && found.value().isEmpty()) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        Fetched<Agenda> agenda = found.map(Optional::get);
        model.addAttribute("clientId", clientId);
        model.addAttribute("agenda", agenda);
        model.addAttribute("reviews", agendas.reviews(clientId));
        model.addAttribute("itemTexts", agenda.available() ? itemTexts(agenda.value().handedIn())
                : Map.<UUID, Map<String, String>>of());
        return view;
    }

    /** Per handed-in homework with a checklist, the item texts of its pinned reading (the ticks name items by id). */
    private Map<UUID, Map<String, String>> itemTexts(List<Homework.Assignment> handedIn) {
        Map<UUID, Map<String, String>> texts = new LinkedHashMap<>();
        for (Homework.Assignment homework : handedIn) {
            if (homework.prompts().stream().noneMatch(prompt -> "CHECKLIST".equals(prompt.kind()))) {
                continue;
            }
            Fetched<Map<String, String>> reading = library.itemTexts(homework.article().slug(),
                    homework.article().version());
            texts.put(homework.id(), reading.available() ? reading.value() : Map.of());
        }
        return texts;
    }
}
