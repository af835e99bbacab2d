package org.securebase.account.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.securebase.platform.security.Role;

/** The person's Secure Base role changed (in Keycloak; found by the reconciliation). */
public record RoleChanged(UUID accountId, long sequence, Role previousRole, Role role, Instant changedAt)
        implements AccountsEventPayload {

    public static final String TYPE = "RoleChanged";
    public static final int SCHEMA_VERSION = 1;

    public RoleChanged {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(previousRole, "previousRole");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(changedAt, "changedAt");
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
