package org.securebase.content.pinning;

import java.util.UUID;

/**
 * Which article versions have been assigned to which client. An assignment pins the version it was made
 * with, and that version stays readable for the client even after the article is retracted (the one
 * exception to "clients never see retracted articles").
 */
public interface PinnedReadings {

    boolean isPinned(UUID clientId, UUID articleId, int version);

    /** Forgets which articles an erased client was given: that itself says something about their treatment. */
    int forget(UUID clientId);
}
