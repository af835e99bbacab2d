package org.securebase.portal.audit;

import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * "Who has seen my data" for a client; the whole access audit, filtered by reader and by whose data, for an
 * admin. journal-service decides what each may see; the page only shows it.
 */
@Controller
class AuditController {

    private final PlatformApi api;

    AuditController(PlatformApi api) {
        this.api = api;
    }

    record Actor(UUID id, String role, String name) {
    }

    record Read(long id, Instant occurredAt, Actor actor, UUID subjectId, String resourceType, UUID resourceId,
                String action, String requestId) {
    }

    record ReadPage(List<Read> items, String nextCursor) {
    }

    @GetMapping("/audit")
    @PreAuthorize("hasAnyRole('client', 'admin')")
    String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String subject,
                 @RequestParam(required = false) String cursor, Model model) {
        Optional<UUID> actorId = uuid(actor);
        Optional<UUID> subjectId = uuid(subject);
        boolean invalid = (blank(actor) != actorId.isEmpty()) || (blank(subject) != subjectId.isEmpty());
        model.addAttribute("actor", blank(actor) ? "" : actor.strip());
        model.addAttribute("subject", blank(subject) ? "" : subject.strip());
        if (invalid) {
            model.addAttribute("error", "audit.filter.invalid");
            model.addAttribute("reads", Fetched.of(new ReadPage(List.of(), null)));
            return "audit/list";
        }
        String safeCursor = cursor != null && cursor.length() <= 200 ? cursor : null;
        Fetched<ReadPage> reads = api.get(uri -> {
            uri.path("/api/journal/audit").queryParam("limit", 50);
            actorId.ifPresent(id -> uri.queryParam("actor", id));
            subjectId.ifPresent(id -> uri.queryParam("subject", id));
            if (safeCursor != null) {
                uri.queryParam("cursor", safeCursor);
            }
            return uri.build();
        }, ReadPage.class).map(page -> page.orElse(new ReadPage(List.of(), null)));
        model.addAttribute("reads", reads);
        return "audit/list";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return blank(value) ? Optional.empty() : Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
