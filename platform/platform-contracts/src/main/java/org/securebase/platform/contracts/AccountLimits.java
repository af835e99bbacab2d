package org.securebase.platform.contracts;

/** Limits of account-service's API: invitations, account search and legal holds. */
public final class AccountLimits {

    /** An email address (RFC 5321's limit for a path). */
    public static final int EMAIL = 254;
    /** A first or last name. */
    public static final int NAME = 100;
    /** A name searched for in the account list. */
    public static final int NAME_QUERY = 200;
    /** Why an admin placed a legal hold: a matter's reference, not a case history. */
    public static final int HOLD_REASON = 200;

    private AccountLimits() {
    }
}
