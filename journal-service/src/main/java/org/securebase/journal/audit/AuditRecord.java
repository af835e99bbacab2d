package org.securebase.journal.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One audited read, as the API shows it: who (id, role, display name), whose data, what, when, and the request
 * id to correlate with the logs. No content.
 */
public record AuditRecord(long id, Instant occurredAt, Actor actor, UUID subjectId, AuditedResource resourceType,
                          UUID resourceId, AuditAction action, String requestId) {

    public record Actor(UUID id, String role, String name) {
    }
}
