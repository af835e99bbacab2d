package org.securebase.account.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.securebase.platform.security.Role;

/**
 * The person showed up: they verified their email through the invitation link or logged in for the first time
 * (or an account found already active in Keycloak was taken over).
 */
public record AccountActivated(UUID accountId, long sequence, Role role, String displayName, Instant activatedAt)
        implements AccountsEventPayload {

    public static final String TYPE = "AccountActivated";
    public static final int SCHEMA_VERSION = 1;

    public AccountActivated {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(activatedAt, "activatedAt");
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
