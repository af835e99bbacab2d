package org.securebase.portal.journal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import jakarta.validation.Valid;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.Sent;
import org.securebase.portal.forms.Dates;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The client's journal: the entries with a chart of the mood over time and a form to write one; an entry with its
 * edit form; sharing with the therapist; deleting after a confirmation page. Every form works without JavaScript.
 * A form with a mistake comes back with the typed text and is not sent, so journal-service only sees valid entries.
 */
@Controller
@PreAuthorize("hasRole('client')")
class JournalController {

    // journal-service's cursors are base64url; anything else is not passed on.
    static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_-]{1,200}");

    private final JournalApi journal;
    private final Dates dates;

    JournalController(JournalApi journal, Dates dates) {
        this.journal = journal;
        this.dates = dates;
    }

    // ---- the list, with the chart and the "write" form ----

    @GetMapping("/journal")
    String journal(@RequestParam(required = false) String cursor, Model model) {
        String safeCursor = cursor != null && CURSOR.matcher(cursor).matches() ? cursor : null;
        Fetched<Journal.SummaryPage> entries = journal.entries(safeCursor);
        model.addAttribute("entries", entries);
        model.addAttribute("chart", entries.map(page -> MoodChart.of(page.items().stream()
                .map(entry -> new MoodChart.Reading(entry.createdAt(), entry.mood())).toList(), dates.zone())));
        model.addAttribute("olderPage", safeCursor != null);
        return writeForm(EntryForm.empty(), Map.of(), null, model);
    }

    @PostMapping("/journal")
    String write(@Valid @ModelAttribute("form") EntryForm form, BindingResult result, Model model,
                 RedirectAttributes redirect) {
        Map<String, FieldProblem> invalid = FormErrors.of(result, EntryForm.class);
        if (!invalid.isEmpty()) {
            return writeForm(form, invalid, "journal.error.form", model);
        }
        Sent<Journal.Entry> sent = journal.write(form.request(null));
        if (!sent.ok()) {
            model.addAttribute("problem", sent.problem());
            return writeForm(form, Map.of(), sent.unavailable() ? "journal.error.unavailable.write" : null, model);
        }
        redirect.addFlashAttribute("notice", "journal.written");
        if (form.share() && sent.value() != null) {
            // A separate call: journal-service creates every entry private and shares on request only.
            Sent<Journal.Entry> shared = journal.share(sent.value().id());
            if (shared.ok()) {
                redirect.addFlashAttribute("notice", "journal.written.shared");
            } else if (shared.unavailable()) {
                redirect.addFlashAttribute("error", "journal.error.unavailable.shareAfterWrite");
            } else {
                redirect.addFlashAttribute("problem", shared.problem());
            }
        }
        return "redirect:/journal";
    }

    /**
     * The journal page; without an {@code entries} attribute (a form sent back to fix) it shows only the form, so a
     * mistake costs no call to journal-service.
     */
    private static String writeForm(EntryForm form, Map<String, FieldProblem> invalid, String error, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("invalid", invalid);
        if (error != null) {
            // Only when set: null would hide an error flashed by the redirect that led here.
            model.addAttribute("error", error);
        }
        return "journal/list";
    }

    // ---- one entry: read, edit ----

    @GetMapping("/journal/{id}")
    String entry(@PathVariable UUID id, Model model, HttpServletResponse response) {
        Fetched<Optional<Journal.Entry>> found = read(id);
        model.addAttribute("entry", found.map(Optional::get));
        if (found.unavailable()) {
            // Only a real outage says "try again"; the status says the same to a machine.
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        }
        return editForm(id, found.available() ? EntryForm.of(found.value().get()) : EntryForm.empty(), Map.of(), null,
                model);
    }

    @PostMapping("/journal/{id}")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") EntryForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        Map<String, FieldProblem> invalid = FormErrors.of(result, EntryForm.class);
        if (!invalid.isEmpty()) {
            return editForm(id, form, invalid, "journal.error.form", model);
        }
        // Read first: journal-service replaces the whole entry, so its link to an assignment must be sent again.
        Fetched<Optional<Journal.Entry>> found = read(id);
        if (found.unavailable()) {
            return editForm(id, form, Map.of(), "journal.error.unavailable.save", model);
        }
        Journal.Entry current = found.value().get();
        Long openedOn = form.versionNumber();
        if (openedOn != null && openedOn != current.version()) {
            // Changed in another tab since this form was opened: show it, and let a second save replace it knowingly.
            return editForm(id, form.onVersion(current.version()), Map.of(), "journal.error.changed", model);
        }
        Sent<Journal.Entry> sent = journal.replace(id, form.request(current.assignmentId()));
        if (!sent.ok()) {
            model.addAttribute("problem", sent.problem());
            return editForm(id, form, Map.of(), sent.unavailable() ? "journal.error.unavailable.save" : null, model);
        }
        redirect.addFlashAttribute("notice", "journal.saved");
        return "redirect:/journal/" + id;
    }

    /** The entry page; without an {@code entry} attribute (a form sent back to fix) it shows only the form. */
    private static String editForm(UUID id, EntryForm form, Map<String, FieldProblem> invalid, String error,
                                   Model model) {
        model.addAttribute("entryId", id);
        model.addAttribute("form", form);
        model.addAttribute("invalid", invalid);
        if (error != null) {
            // Only when set: null would hide an error flashed by the redirect that led here.
            model.addAttribute("error", error);
        }
        return "journal/entry";
    }

    // ---- sharing ----

    @PostMapping("/journal/{id}/share")
    String shareEntry(@PathVariable UUID id, RedirectAttributes redirect) {
        return changed(id, journal.share(id), "journal.shared", redirect);
    }

    @PostMapping("/journal/{id}/unshare")
    String unshareEntry(@PathVariable UUID id, RedirectAttributes redirect) {
        return changed(id, journal.unshare(id), "journal.unshared", redirect);
    }

    // ---- deleting, after a confirmation page ----

    @GetMapping("/journal/{id}/delete")
    String confirmDelete(@PathVariable UUID id, Model model) {
        model.addAttribute("entryId", id);
        model.addAttribute("entry", read(id).map(Optional::get));
        return "journal/confirm-delete";
    }

    @PostMapping("/journal/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        Sent<Void> sent = journal.delete(id);
        if (sent.ok()) {
            redirect.addFlashAttribute("notice", "journal.deleted");
            return "redirect:/journal";
        }
        return changed(id, sent, null, redirect);
    }

    // ---- shared steps ----

    /** The client's entry; an entry that is not (or no longer) theirs is a 404 page, as journal-service says. */
    private Fetched<Optional<Journal.Entry>> read(UUID id) {
        Fetched<Optional<Journal.Entry>> found = journal.entry(id);
        if (found.available() && found.value().isEmpty()) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        return found;
    }

    /**
     * After a change to one entry: back to it with what happened. A refusal does not say whether the entry is gone
     * (Sent keeps only the problem's text), so a read tells: a missing entry is a 404 page, as on a read.
     */
    private String changed(UUID id, Sent<?> sent, String notice, RedirectAttributes redirect) {
        if (sent.unavailable()) {
            redirect.addFlashAttribute("error", "journal.error.unavailable.change");
        } else if (!sent.ok()) {
            read(id);
            redirect.addFlashAttribute("problem", sent.problem());
        } else {
            redirect.addFlashAttribute("notice", notice);
        }
        return "redirect:/journal/" + id;
    }
}
