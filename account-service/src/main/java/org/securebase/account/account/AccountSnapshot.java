package org.securebase.account.account;

import java.time.Instant;
import java.util.UUID;

import org.securebase.platform.security.Role;

/** An account as other features see it: a copy, never the managed entity. */
public record AccountSnapshot(UUID id, String email, String firstName, String lastName, Role role,
                              AccountStatus status, Instant invitedAt, Instant invitationSentAt,
                              Instant activatedAt, Instant deactivatedAt) {

    /** "First Last", for lists and events (never the email). */
    public String displayName() {
        return (firstName + " " + lastName).strip();
    }

    /** Invited or active: may be assigned, may use the platform. */
    public boolean isUsable() {
        return status == AccountStatus.INVITED || status == AccountStatus.ACTIVE;
    }

    @Override
    public String toString() {
        return "AccountSnapshot[id=" + id + ", role=" + role + ", status=" + status + "]";
    }
}
