package org.securebase.portal.audit;

import java.util.Optional;
import java.util.UUID;

/**
 * The audit page's filter, as the form or a "older reads" link sent it.
 *
 * @param actor   the reader's account id, or blank for every reader
 * @param subject whose data, or blank for everyone's
 * @param cursor  journal-service's cursor of the next page
 */
record AuditFilter(String actor, String subject, String cursor) {

    /** journal-service's cursors are far shorter; a longer one cannot be one of them. */
    static final int CURSOR_MAX = 200;

    AuditFilter {
        actor = actor == null ? "" : actor.strip();
        subject = subject == null ? "" : subject.strip();
    }

    Optional<UUID> actorId() {
        return uuid(actor);
    }

    Optional<UUID> subjectId() {
        return uuid(subject);
    }

    /** A filter naming something that is not an account id: explained instead of sent. */
    boolean invalid() {
        return (!actor.isEmpty() && actorId().isEmpty()) || (!subject.isEmpty() && subjectId().isEmpty());
    }

    String safeCursor() {
        return cursor != null && cursor.length() <= CURSOR_MAX ? cursor : null;
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return value.isEmpty() ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
