package org.securebase.account.securityevent;

import java.util.Optional;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.securebase.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The realm's newest security events, for admins (the URL rules let only admins under /api/accounts/**). */
@RestController
class SecurityEventController {

    static final int MAX_LIMIT = 200;

    private final SecurityEvents events;

    SecurityEventController(SecurityEvents events) {
        this.events = events;
    }

    /** The newest events, newest first; only those about one person when {@code person} is given. */
    @GetMapping("/api/accounts/security-events")
    SecurityEventsView newest(@RequestParam(required = false) UUID person,
                              @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_LIMIT) int limit,
                              Caller reader) {
        return events.newest(reader, Optional.ofNullable(person), limit);
    }
}
