package org.securebase.account.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * One planned mail: to whom, of which kind, about which assignment or measure (ids only), when. {@code reminderKey}
 * is unique per reminder ({@code due:<assignment>:<due time>}, say), so planning it twice plans it once.
 */
record Notification(UUID id, String reminderKey, NotificationKind kind, UUID recipientId, UUID counterpartId,
                    UUID subjectId, Instant dueAt, int itemCount, Instant sendAt, Status status, int attempts,
                    Instant createdAt) {

    enum Status { PENDING, SENT, CANCELLED, FAILED }
}
