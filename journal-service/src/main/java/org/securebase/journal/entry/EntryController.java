package org.securebase.journal.entry;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.securebase.journal.web.Page;
import org.securebase.journal.web.PageRequest;
import org.securebase.platform.security.Caller;
import org.securebase.platform.web.problem.BadRequestException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Journal entries")
class EntryController {

    private final JournalEntries journal;

    EntryController(JournalEntries journal) {
        this.journal = journal;
    }

    @PostMapping("/api/journal/entries")
    @Operation(summary = "Write a journal entry (client); private until shared")
    ResponseEntity<EntryViews.EntryView> create(Caller caller, @RequestBody EntryViews.EntryRequest request) {
        JournalEntry entry = journal.create(caller, request);
        return ResponseEntity.created(URI.create("/api/journal/entries/" + entry.id()))
                .eTag(etag(entry)).body(EntryViews.EntryView.of(entry));
    }

    @GetMapping("/api/journal/entries")
    @Operation(summary = "The caller's own entries, newest first (client)")
    Page<EntryViews.EntrySummary> list(Caller caller, @RequestParam(required = false) String cursor,
                                       @RequestParam(required = false) Integer limit) {
        return journal.listOwn(caller, PageRequest.of(cursor, limit)).map(EntryViews.EntrySummary::of);
    }

    @GetMapping("/api/journal/entries/{id}")
    @Operation(summary = "One of the caller's own entries (client)")
    ResponseEntity<EntryViews.EntryView> get(Caller caller, @PathVariable UUID id) {
        JournalEntry entry = journal.readOwn(caller, id);
        return ResponseEntity.ok().eTag(etag(entry)).body(EntryViews.EntryView.of(entry));
    }

    @PutMapping("/api/journal/entries/{id}")
    @Operation(summary = "Replace an entry's title, body, mood and link (client); If-Match optional")
    ResponseEntity<EntryViews.EntryView> update(Caller caller, @PathVariable UUID id,
                                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                @RequestBody EntryViews.EntryRequest request) {
        JournalEntry entry = journal.update(caller, id, request, versionOf(ifMatch));
        return ResponseEntity.ok().eTag(etag(entry)).body(EntryViews.EntryView.of(entry));
    }

    @DeleteMapping("/api/journal/entries/{id}")
    @Operation(summary = "Delete an entry (client)")
    ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id) {
        journal.delete(caller, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/journal/entries/{id}/share")
    @Operation(summary = "Let the caller's current therapist read this entry (client)")
    EntryViews.EntryView share(Caller caller, @PathVariable UUID id) {
        return EntryViews.EntryView.of(journal.share(caller, id));
    }

    @PostMapping("/api/journal/entries/{id}/unshare")
    @Operation(summary = "Make the entry private again (client)")
    EntryViews.EntryView unshare(Caller caller, @PathVariable UUID id) {
        return EntryViews.EntryView.of(journal.unshare(caller, id));
    }

    @GetMapping("/api/journal/shared-entries")
    @Operation(summary = "Entries the therapist's current clients shared with them, most recently shared first (therapist)")
    Page<EntryViews.SharedEntrySummary> listShared(Caller caller, @RequestParam(required = false) UUID client,
                                                   @RequestParam(required = false) String cursor,
                                                   @RequestParam(required = false) Integer limit) {
        return journal.listShared(caller, client, PageRequest.of(cursor, limit)).map(EntryViews.SharedEntrySummary::of);
    }

    @GetMapping("/api/journal/shared-entries/{id}")
    @Operation(summary = "An entry shared with the therapist (therapist); the read is audited")
    EntryViews.SharedEntryView getShared(Caller caller, @PathVariable UUID id) {
        return EntryViews.SharedEntryView.of(journal.readShared(caller, id));
    }

    private static String etag(JournalEntry entry) {
        return "\"" + entry.version() + "\"";
    }

    private static Long versionOf(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw BadRequestException.forField("If-Match", "is not an ETag this service issued");
        }
    }
}
