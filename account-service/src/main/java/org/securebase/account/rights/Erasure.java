package org.securebase.account.rights;

import java.time.Instant;
import java.util.UUID;

/** A client erased: by which admin, and when. */
public record Erasure(UUID id, UUID subjectId, UUID erasedBy, Instant erasedAt) {
}
