package org.securebase.journal.caseload;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.securebase.journal.messaging.UnknownSchemaVersionException;
import org.securebase.platform.events.EventEnvelope;
import org.securebase.platform.events.MalformedEventException;

import tools.jackson.databind.JsonNode;

/**
 * Tolerant reader of account-service's events: only the fields this projection uses are read, anything else in
 * the payload is ignored. account-service's records are not shared as a library, so the wire shape is the
 * contract (see the payload examples in journal-service's README). Every payload carries the account's
 * {@code sequence}; the envelope's aggregate id is the account it counts for (the client, for caseload events).
 */
sealed interface AccountEvent {

    int KNOWN_SCHEMA_VERSION = 1;

    UUID eventId();

    /** The account whose sequence this event carries (the envelope's aggregate id). */
    UUID accountId();

    long sequence();

    Instant occurredAt();

    /** Invited, activated, deactivated, reactivated or a role change: the account's role and status now. */
    record AccountChanged(UUID eventId, UUID accountId, long sequence, Instant occurredAt, String role,
                          String status, String displayName) implements AccountEvent {
    }

    record CaseloadAssigned(UUID eventId, UUID accountId, long sequence, Instant occurredAt, UUID therapistId,
                            UUID caseloadAssignmentId, Instant since) implements AccountEvent {
    }

    record CaseloadEnded(UUID eventId, UUID accountId, long sequence, Instant occurredAt, UUID therapistId,
                         UUID caseloadAssignmentId) implements AccountEvent {
    }

    /** An event type this service does not know; recorded as processed and otherwise ignored. */
    record Other(UUID eventId, UUID accountId, long sequence, Instant occurredAt) implements AccountEvent {
    }

    static AccountEvent from(EventEnvelope<JsonNode> envelope) {
        String type = envelope.type();
        boolean known = switch (type) {
            case "AccountInvited", "AccountActivated", "AccountDeactivated", "AccountReactivated", "RoleChanged",
                 "CaseloadAssigned", "CaseloadEnded" -> true;
            default -> false;
        };
        if (known && envelope.schemaVersion() > KNOWN_SCHEMA_VERSION) {
            throw new UnknownSchemaVersionException(type, envelope.schemaVersion());
        }
        JsonNode payload = envelope.payload();
        UUID account = envelope.aggregateId();
        Instant at = envelope.occurredAt();
        UUID id = envelope.eventId();
        if (!known) {
            // A type added after this code was written: nothing to project, and no field of it is relied on.
            return new Other(id, account, -1, at);
        }
        long sequence = requiredLong(payload, "sequence", type);
        return switch (type) {
            case "AccountInvited" -> new AccountChanged(id, account, sequence, at, role(payload, type), "INVITED",
                    optionalText(payload, "displayName"));
            case "AccountActivated" -> new AccountChanged(id, account, sequence, at, role(payload, type), "ACTIVE",
                    optionalText(payload, "displayName"));
            case "AccountDeactivated" -> new AccountChanged(id, account, sequence, at, role(payload, type),
                    "DEACTIVATED", null);
            case "AccountReactivated" -> new AccountChanged(id, account, sequence, at, role(payload, type), "ACTIVE",
                    null);
            case "RoleChanged" -> new AccountChanged(id, account, sequence, at, role(payload, type), null, null);
            case "CaseloadAssigned" -> {
                requireSameAccount(payload, "clientId", account, type);
                yield new CaseloadAssigned(id, account, sequence, at, requiredUuid(payload, "therapistId", type),
                        requiredUuid(payload, "assignmentId", type), optionalInstant(payload, "assignedAt", at));
            }
            case "CaseloadEnded" -> {
                requireSameAccount(payload, "clientId", account, type);
                yield new CaseloadEnded(id, account, sequence, at, requiredUuid(payload, "therapistId", type),
                        requiredUuid(payload, "assignmentId", type));
            }
            default -> throw new IllegalStateException("unhandled known type " + type);
        };
    }

    private static String role(JsonNode payload, String type) {
        String role = requiredText(payload, "role", type).toUpperCase(Locale.ROOT);
        if (!role.equals("CLIENT") && !role.equals("THERAPIST") && !role.equals("ADMIN")) {
            throw new MalformedEventException(type + " has an unknown role", null);
        }
        return role;
    }

    private static void requireSameAccount(JsonNode payload, String field, UUID account, String type) {
        if (!requiredUuid(payload, field, type).equals(account)) {
            throw new MalformedEventException(type + "." + field + " differs from the envelope's aggregate id", null);
        }
    }

    private static long requiredLong(JsonNode payload, String field, String type) {
        JsonNode node = payload.get(field);
        if (node == null || !node.canConvertToLong()) {
            throw new MalformedEventException(type + " has no numeric " + field, null);
        }
        return node.asLong();
    }

    private static String requiredText(JsonNode payload, String field, String type) {
        JsonNode node = payload.get(field);
        if (node == null || !node.isString() || node.asString().isBlank()) {
            throw new MalformedEventException(type + " has no " + field, null);
        }
        return node.asString();
    }

    private static String optionalText(JsonNode payload, String field) {
        JsonNode node = payload.get(field);
        return node != null && node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }

    private static UUID requiredUuid(JsonNode payload, String field, String type) {
        try {
            return UUID.fromString(requiredText(payload, field, type));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(type + "." + field + " is not a uuid", null);
        }
    }

    private static Instant optionalInstant(JsonNode payload, String field, Instant fallback) {
        String text = optionalText(payload, field);
        try {
            return text == null ? fallback : Instant.parse(text);
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
