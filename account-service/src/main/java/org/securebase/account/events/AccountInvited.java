package org.securebase.account.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.securebase.platform.security.Role;

/**
 * A person was invited (or an account created directly in Keycloak was taken over and has not shown up yet).
 * No email address: a display name is all another service needs.
 */
public record AccountInvited(UUID accountId, long sequence, Role role, String displayName, Instant invitedAt)
        implements AccountsEventPayload {

    public static final String TYPE = "AccountInvited";
    public static final int SCHEMA_VERSION = 1;

    public AccountInvited {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(invitedAt, "invitedAt");
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
