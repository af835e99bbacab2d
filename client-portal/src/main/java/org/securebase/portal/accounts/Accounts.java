package org.securebase.portal.accounts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * account-service's answers and requests as {@link AccountsApi} sends and reads them (unknown fields are ignored).
 * Records that carry what an admin typed about a person print only the role in toString.
 */
public final class Accounts {

    private Accounts() {
    }

    /** The admin's view of an account. */
    public record Account(UUID id, String email, String firstName, String lastName, String displayName, String role,
                          String status, Instant invitedAt, Instant invitationSentAt, Instant activatedAt,
                          Instant deactivatedAt) {
    }

    public record AccountPage(List<Account> items, int page, int size, long totalItems, int totalPages) {
    }

    /** {@code POST /api/accounts}: whom to invite, and in which language ({@code en}, {@code es}) to write to them. */
    public record Invitation(String email, String firstName, String lastName, String role, String language) {

        @Override
        public String toString() {
            return "Invitation[role=" + role + "]";
        }
    }

    /** {@code PUT /api/accounts/{id}/therapist}. */
    public record TherapistChoice(UUID therapistId) {
    }

    /** A client on the signed-in therapist's caseload ({@code GET /api/accounts/caseload}). */
    public record CaseloadClient(UUID clientId, String displayName, String status) {
    }

    /**
     * The part of {@code GET /api/accounts/me} the portal needs: that it answered, the person's time zone, and a
     * client's waiting request to close their account.
     *
     * @param zone           the time zone the person reads dates in (theirs, else the practice's)
     * @param closureAskedAt when a client asked to close their account and it is not closed yet; else null
     */
    public record Me(String status, String zone, Instant closureAskedAt) {
    }

    /** The time zone a client's homework is due in. */
    public record ClientZone(UUID accountId, String zone) {
    }
}
