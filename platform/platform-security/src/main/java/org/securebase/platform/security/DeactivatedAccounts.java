package org.securebase.platform.security;

import java.util.UUID;

/**
 * What a service knows of deactivated accounts. A service that declares a bean of this type refuses the tokens of
 * deactivated people at once (401), instead of honouring them until they expire (up to the access token lifespan,
 * five minutes): deactivating someone ends their Keycloak sessions, which stops new tokens but cannot recall those
 * already issued.
 */
@FunctionalInterface
public interface DeactivatedAccounts {

    /** True if the account with this id (the token's {@code sub}) is deactivated now. */
    boolean isDeactivated(UUID accountId);
}
