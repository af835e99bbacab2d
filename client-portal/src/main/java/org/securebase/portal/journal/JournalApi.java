package org.securebase.portal.journal;

import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.api.Sent;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * journal-service's journal entries ({@code /api/journal/entries}, {@code /api/journal/shared-entries}): the client's
 * own, and those shared with the signed-in therapist. journal-service's homework, adherence and audit have their own
 * clients beside the pages that use them ({@code AssignmentsApi}, {@code AdherenceApi}, {@code AuditApi}).
 */
@Component
public class JournalApi {

    /** Entries on one page of a list. */
    static final int PAGE_SIZE = 20;

    private final PlatformApi api;

    public JournalApi(PlatformApi api) {
        this.api = api;
    }

    /** A page of the client's entries, newest first; {@code cursor} (or null for the first page) as journal-service gave it. */
    public Fetched<Journal.SummaryPage> entries(String cursor) {
        return api.get(uri -> {
            uri.path("/api/journal/entries").queryParam("limit", PAGE_SIZE);
            if (cursor != null) {
                uri.queryParam("cursor", cursor);
            }
            return uri.build();
        }, Journal.SummaryPage.class).map(page -> page
                .filter(found -> found.items() != null)
                .orElse(new Journal.SummaryPage(List.of(), null)));
    }

    /** The client's entry; empty when it is not (or no longer) theirs. */
    public Fetched<Optional<Journal.Entry>> entry(UUID id) {
        return api.get(uri -> uri.path("/api/journal/entries/{id}").build(id), Journal.Entry.class);
    }

    /** A new entry; journal-service keeps every new entry private. */
    public Sent<Journal.Entry> write(Journal.EntryRequest entry) {
        return api.post(uri -> uri.path("/api/journal/entries").build(), entry, Journal.Entry.class);
    }

    /** Replaces the whole entry: what the request leaves out (its link to an assignment too) is removed. */
    public Sent<Journal.Entry> replace(UUID id, Journal.EntryRequest entry) {
        return api.put(uri -> uri.path("/api/journal/entries/{id}").build(id), entry, Journal.Entry.class);
    }

    public Sent<Journal.Entry> share(UUID id) {
        return api.post(uri -> uri.path("/api/journal/entries/{id}/share").build(id), null, Journal.Entry.class);
    }

    public Sent<Journal.Entry> unshare(UUID id) {
        return api.post(uri -> uri.path("/api/journal/entries/{id}/unshare").build(id), null, Journal.Entry.class);
    }

    public Sent<Void> delete(UUID id) {
        return api.delete(uri -> uri.path("/api/journal/entries/{id}").build(id));
    }

    /** A page of the entries clients shared with the signed-in therapist, of one client or of all. */
    public Fetched<Journal.SharedPage> sharedEntries(Optional<UUID> client, String cursor) {
        return api.get(uri -> {
            uri.path("/api/journal/shared-entries").queryParam("limit", PAGE_SIZE);
            client.ifPresent(id -> uri.queryParam("client", id));
            if (cursor != null) {
                uri.queryParam("cursor", cursor);
            }
            return uri.build();
        }, Journal.SharedPage.class).map(page -> page
                .filter(found -> found.items() != null)
                .orElse(new Journal.SharedPage(List.of(), null)));
    }

    /** An entry shared with the signed-in therapist (journal-service audits the read); empty when it is not. */
    public Fetched<Optional<Journal.SharedEntry>> sharedEntry(UUID id) {
        return api.get(uri -> uri.path("/api/journal/shared-entries/{id}").build(id), Journal.SharedEntry.class);
    }
}
