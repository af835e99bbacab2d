package org.securebase.portal.record;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.api.Sent;
import org.springframework.stereotype.Component;

/** journal-service's copies of records ({@code /api/journal/record-exports}). */
@Component
public class RecordApi {

    /** Requests shown on the page: the newest. */
    static final int PAGE_SIZE = 20;

    private final PlatformApi api;

    public RecordApi(PlatformApi api) {
        this.api = api;
    }

    /** A request for a copy, as journal-service reports it; no content of the record. */
    public record Export(UUID id, UUID clientId, UUID requestedBy, String requesterRole, String language, String status,
                         int itemsDone,
                         Integer itemsTotal, Instant requestedAt, Instant readyAt, Instant expiresAt, Long archiveBytes,
                         int downloads, Instant lastDownloadAt) {

        public boolean preparing() {
            return "PREPARING".equals(status);
        }

        /** Ready and its link still open at {@code now}. */
        public boolean downloadableAt(Instant now) {
            return "READY".equals(status) && expiresAt != null && expiresAt.isAfter(now);
        }

        /** The archive's size in kilobytes, at least 1, for the link's label. */
        public long kilobytes() {
            return archiveBytes == null ? 0 : Math.max(1, (archiveBytes + 512) / 1024);
        }
    }

    public record ExportPage(List<Export> items, String nextCursor) {
    }

    /**
     * Asks for a copy: the caller's own record ({@code clientId} empty), or a client's of their caseload; its words in
     * {@code language} (the page's).
     */
    public Sent<Export> request(Optional<UUID> clientId, String language) {
        Map<String, Object> body = new LinkedHashMap<>();
        clientId.ifPresent(id -> body.put("clientId", id.toString()));
        body.put("language", language);
        return api.post(uri -> uri.path("/api/journal/record-exports").build(), body, Export.class);
    }

    /** The caller's requests, newest first. */
    public Fetched<List<Export>> mine() {
        return newest(PAGE_SIZE);
    }

    /** The newest {@code limit} requests the caller may see: their own, or for an admin everyone's (no content). */
    public Fetched<List<Export>> newest(int limit) {
        return api.get(uri -> uri.path("/api/journal/record-exports").queryParam("limit", limit).build(),
                ExportPage.class).map(page -> page.map(ExportPage::items).orElse(List.of()));
    }

    public Fetched<Optional<Export>> one(UUID id) {
        return api.get(uri -> uri.path("/api/journal/record-exports/{id}").build(id), Export.class);
    }

    /**
     * The ready archive (a ZIP). Refused when it is not the caller's (404), no longer downloadable (410) or not ready
     * (409); the export's status then says which.
     */
    public Sent<byte[]> archive(UUID id) {
        return api.send(org.springframework.http.HttpMethod.GET,
                uri -> uri.path("/api/journal/record-exports/{id}/archive").build(id), null, byte[].class);
    }
}
