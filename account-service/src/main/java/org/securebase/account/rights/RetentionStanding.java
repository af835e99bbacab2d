package org.securebase.account.rights;

import java.time.Instant;
import java.util.List;

/**
 * Where a client's record stands under the retention policy.
 *
 * @param closedAt  when the account was closed; null while it is open (an open record is always kept)
 * @param keepUntil the end of the retention period; null while the account is open
 * @param holds     every legal hold on the person, in force or lifted, oldest first
 * @param erasable  closed, past {@code keepUntil} and with no hold in force
 */
public record RetentionStanding(Instant closedAt, Instant keepUntil, int retentionYears, List<LegalHold> holds,
                                boolean erasable) {

    public boolean onHold() {
        return holds.stream().anyMatch(LegalHold::inForce);
    }
}
