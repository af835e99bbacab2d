package org.securebase.portal.journal;

import org.securebase.portal.accounts.Accounts;
import org.securebase.portal.accounts.AccountsApi;
import org.securebase.portal.api.Fetched;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The entries clients chose to share with their therapist, read-only. journal-service decides which entries the
 * therapist may see (shared with them, by a client still on their caseload) and audits every read; journal-service
 * knows clients only by id, so their names come from the therapist's caseload in account-service, as on the
 * assignment pages.
 */
@Controller
@PreAuthorize("hasRole('therapist')")
class SharedEntriesController {

    private final JournalApi journal;
    private final AccountsApi accounts;

    SharedEntriesController(JournalApi journal, AccountsApi accounts) {
        this.journal = journal;
        this.accounts = accounts;
    }

    @GetMapping("/shared-entries")
    String shared(@RequestParam(required = false) String client, @RequestParam(required = false) String cursor,
                  Model model) {
        Optional<UUID> clientId = uuid(client);
        Fetched<List<Accounts.CaseloadClient>> clients = accounts.caseload();
        model.addAttribute("clients", clients);
        model.addAttribute("names", names(clients));
        model.addAttribute("client", clientId.map(UUID::toString).orElse(""));
        if (!blank(client) && clientId.isEmpty()) {
            model.addAttribute("error", "journal.shared.filter.invalid");
            model.addAttribute("entries", Fetched.of(new Journal.SharedPage(List.of(), null)));
            return "journal/shared-list";
        }
        String safeCursor = cursor != null && JournalController.CURSOR.matcher(cursor).matches() ? cursor : null;
        Fetched<Journal.SharedPage> entries = journal.sharedEntries(clientId, safeCursor);
        model.addAttribute("entries", entries);
        model.addAttribute("olderPage", safeCursor != null);
        return "journal/shared-list";
    }

    @GetMapping("/shared-entries/{id}")
    String sharedEntry(@PathVariable UUID id, Model model) {
        Fetched<Optional<Journal.SharedEntry>> found = journal.sharedEntry(id);
        if (found.available() && found.value().isEmpty()) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        model.addAttribute("entry", found.map(Optional::get));
        model.addAttribute("names", found.available() ? names(accounts.caseload()) : Map.of());
        return "journal/shared-entry";
    }

    /** Client id to name; empty when the caseload is unavailable, and the pages then say "your client". */
    private static Map<UUID, String> names(Fetched<List<Accounts.CaseloadClient>> clients) {
        return clients.available() ? clients.value().stream()
                .filter(c -> c.clientId() != null && c.displayName() != null)
                .collect(Collectors.toMap(Accounts.CaseloadClient::clientId, Accounts.CaseloadClient::displayName, (a, b) -> a))
                : Map.of();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return blank(value) || value.strip().length() != 36 ? Optional.empty()
                    : Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
