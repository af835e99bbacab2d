package org.securebase.account.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.securebase.platform.security.Role;

/** The person can no longer log in; their sessions were ended. Other services should refuse them too. */
public record AccountDeactivated(UUID accountId, long sequence, Role role, StatusChangeCause cause, Instant deactivatedAt)
        implements AccountsEventPayload {

    public static final String TYPE = "AccountDeactivated";
    public static final int SCHEMA_VERSION = 1;

    public AccountDeactivated {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(deactivatedAt, "deactivatedAt");
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
