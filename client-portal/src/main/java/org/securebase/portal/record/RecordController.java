package org.securebase.portal.record;

import static org.springframework.http.HttpStatus.NOT_FOUND;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.securebase.portal.accounts.Accounts;
import org.securebase.portal.accounts.AccountsApi;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.Sent;
import org.securebase.portal.caseload.AdherenceApi;
import org.securebase.portal.security.PortalRole;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The copies a person asked for: a client's of their own record, a therapist's of their clients' (asked for from a
 * client's review agenda). Admins have no copies to take (journal-service refuses them any record).
 */
@Controller
@PreAuthorize("hasAnyRole('client', 'therapist')")
class RecordController {

    private static final String PAGE = "record/list";

    private final RecordApi records;
    private final AdherenceApi caseload;
    private final AccountsApi accounts;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    RecordController(RecordApi records, AdherenceApi caseload, AccountsApi accounts) {
        // Only to say whether a link is still open; journal-service decides with its own clock at the download.
        this(records, caseload, accounts, Clock.systemUTC());
    }

    RecordController(RecordApi records, AdherenceApi caseload, AccountsApi accounts, Clock clock) {
        this.records = records;
        this.caseload = caseload;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The errors a download sends the person back with ({@code ?failed=}); anything else is ignored. */
    static final java.util.Set<String> DOWNLOAD_FAILURES = java.util.Set.of("expired", "preparing", "unavailable");

    @GetMapping("/record")
    String page(@RequestParam(required = false) String failed, Model model, @AuthenticationPrincipal OidcUser user) {
        if (failed != null && DOWNLOAD_FAILURES.contains(failed)) {
            model.addAttribute("error", "record.error." + failed);
        }
        Fetched<List<RecordApi.Export>> mine = records.mine();
        model.addAttribute("exports", mine);
        model.addAttribute("now", clock.instant());
        model.addAttribute("clientNames", Map.<UUID, String>of());
        if (PortalRole.primary(user.getClaims()).orElse(null) == PortalRole.CLIENT) {
            // Closing the account is the other right a client exercises here; a waiting request is shown as such.
            Fetched<Optional<Accounts.Me>> me = accounts.me();
            model.addAttribute("closureAskedAt", me.available()
                    ? me.value().map(Accounts.Me::closureAskedAt).orElse(null) : null);
        }
        if (mine.available() && mine.value().stream().anyMatch(export -> "THERAPIST".equals(export.requesterRole()))) {
            Fetched<List<AdherenceApi.Adherence>> clients = caseload.perClient();
            if (clients.available()) {
                model.addAttribute("clientNames", clients.value().stream()
                        .filter(client -> client.clientName() != null)
                        .collect(Collectors.toMap(AdherenceApi.Adherence::clientId, AdherenceApi.Adherence::clientName,
                                (first, second) -> first)));
            }
        }
        return PAGE;
    }

    /** {@code clientId}: a therapist's client (from the agenda); a client asks for their own and sends none. */
    @PostMapping("/record")
    String request(@RequestParam(required = false) String clientId, java.util.Locale locale, RedirectAttributes redirect) {
        Optional<UUID> client;
        try {
            client = clientId == null || clientId.isBlank() ? Optional.empty() : Optional.of(UUID.fromString(clientId));
        } catch (IllegalArgumentException notAnId) {
            redirect.addFlashAttribute("error", "record.error.refused");
            return "redirect:/record";
        }
        // The page's language is one the portal writes in, and so one journal-service writes records in.
        Sent<RecordApi.Export> sent = records.request(client, "es".equals(locale.getLanguage()) ? "es" : "en");
        if (sent.unavailable()) {
            redirect.addFlashAttribute("error", "record.error.unavailable");
        } else if (!sent.ok()) {
            redirect.addFlashAttribute("error", "record.error.refused");
        } else {
            redirect.addFlashAttribute("notice", "record.requested");
        }
        return "redirect:/record";
    }

    /**
     * A client asks the practice to close their account. An admin closes it (signing them out everywhere), so the
     * person can still download their record meanwhile.
     */
    @PostMapping("/record/closure-request")
    @PreAuthorize("hasRole('client')")
    String askToClose(@RequestParam(defaultValue = "false") boolean confirmed, RedirectAttributes redirect) {
        if (!confirmed) {
            redirect.addFlashAttribute("error", "record.closure.error.unconfirmed");
            return "redirect:/record#closure";
        }
        return closureAnswered(accounts.askToClose(), "record.closure.asked", redirect);
    }

    /** The client changed their mind while their request still waited for an admin. */
    @PostMapping("/record/closure-request/withdrawal")
    @PreAuthorize("hasRole('client')")
    String withdrawClosure(RedirectAttributes redirect) {
        return closureAnswered(accounts.withdrawClosure(), "record.closure.withdrawn", redirect);
    }

    /** Back to the closure section with account-service's answer: done, its refusal, or unavailable. */
    private static String closureAnswered(Sent<Void> sent, String notice, RedirectAttributes redirect) {
        if (sent.unavailable()) {
            redirect.addFlashAttribute("error", "record.closure.error.unavailable");
        } else if (!sent.ok()) {
            redirect.addFlashAttribute("problem", sent.problem());
        } else {
            redirect.addFlashAttribute("notice", notice);
        }
        return "redirect:/record#closure";
    }


    /** How far one copy is, for record.js: status and counts only. */
    @GetMapping(path = "/record/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> progress(@PathVariable UUID id) {
        Fetched<Optional<RecordApi.Export>> found = records.one(id);
        if (found.unavailable()) {
            return ResponseEntity.status(503).build();
        }
        RecordApi.Export export = found.value().orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(Map.of(
                "status", export.status(), "itemsDone", export.itemsDone(),
                "itemsTotal", export.itemsTotal() == null ? 0 : export.itemsTotal()));
    }

    @GetMapping("/record/{id}/download")
    ResponseEntity<byte[]> download(@PathVariable UUID id) {
        Fetched<Optional<RecordApi.Export>> found = records.one(id);
        if (found.unavailable()) {
            return backToThePage("unavailable");
        }
        RecordApi.Export export = found.value().orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        if (!export.downloadableAt(clock.instant())) {
            return backToThePage(export.preparing() ? "preparing" : "expired");
        }
        Sent<byte[]> archive = records.archive(id);
        if (archive.unavailable()) {
            return backToThePage("unavailable");
        }
        if (!archive.ok() || archive.value() == null) {
            // The link closed (or the copy is prepared again) between the check above and this call: say which.
            Fetched<Optional<RecordApi.Export>> again = records.one(id);
            boolean preparing = again.available() && again.value().map(RecordApi.Export::preparing).orElse(false);
            return backToThePage(again.unavailable() ? "unavailable" : preparing ? "preparing" : "expired");
        }
        String name = "secure-base-record-" + export.readyAt().toString().substring(0, 10) + ".zip";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(archive.value());
    }

    /** A download answers with a file or not at all: the reason goes back to the page in its address. */
    private static ResponseEntity<byte[]> backToThePage(String failure) {
        return ResponseEntity.status(303).header(HttpHeaders.LOCATION, "/record?failed=" + failure).build();
    }
}
