package org.securebase.systemtests.authorization;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.securebase.platform.embedded.keycloak.OidcBrowserlessLogin;

/** A person's access token, renewed before it expires (Keycloak issues them for five minutes). */
public final class RenewedToken {

    /** Renew this long before expiry, so that no token expires between being handed out and being checked. */
    private static final Duration RENEWAL_MARGIN = Duration.ofSeconds(60);

    private final Supplier<OidcBrowserlessLogin.Tokens> issue;
    private String accessToken;
    private Instant renewAt = Instant.EPOCH;

    public RenewedToken(Supplier<OidcBrowserlessLogin.Tokens> issue) {
        this.issue = issue;
    }

    public synchronized String get() {
        if (Instant.now().isAfter(renewAt)) {
            OidcBrowserlessLogin.Tokens tokens = issue.get();
            accessToken = tokens.accessToken();
            renewAt = Instant.now().plusSeconds(tokens.expiresIn()).minus(RENEWAL_MARGIN);
        }
        return accessToken;
    }
}
