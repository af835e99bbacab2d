package org.securebase.portal.audit;

import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * journal-service's access audit ({@code /api/journal/audit}): who read whose data. journal-service decides what each
 * person may see of it: a client their own data's reads, an admin all of them.
 */
@Component
public class AuditApi {

    /** Reads on one page. */
    static final int PAGE_SIZE = 50;

    private final PlatformApi api;

    public AuditApi(PlatformApi api) {
        this.api = api;
    }

    public record Actor(UUID id, String role, String name) {
    }

    public record Read(long id, Instant occurredAt, Actor actor, UUID subjectId, String resourceType, UUID resourceId,
                       String action, String requestId) {
    }

    public record ReadPage(List<Read> items, String nextCursor) {
    }

    /** A page of reads, newest first, by one reader and of one person's data when given. */
    public Fetched<ReadPage> reads(Optional<UUID> actor, Optional<UUID> subject, String cursor) {
        return api.get(uri -> {
            uri.path("/api/journal/audit").queryParam("limit", PAGE_SIZE);
            actor.ifPresent(id -> uri.queryParam("actor", id));
            subject.ifPresent(id -> uri.queryParam("subject", id));
            if (cursor != null) {
                uri.queryParam("cursor", cursor);
            }
            return uri.build();
        }, ReadPage.class).map(page -> page.orElse(new ReadPage(List.of(), null)));
    }
}
