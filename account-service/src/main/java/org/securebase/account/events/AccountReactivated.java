package org.securebase.account.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.securebase.platform.security.Role;

/** A deactivated person may log in again. */
public record AccountReactivated(UUID accountId, long sequence, Role role, StatusChangeCause cause, Instant reactivatedAt)
        implements AccountsEventPayload {

    public static final String TYPE = "AccountReactivated";
    public static final int SCHEMA_VERSION = 1;

    public AccountReactivated {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(reactivatedAt, "reactivatedAt");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }

    @Override
    public UUID key() {
        return accountId;
    }
}
