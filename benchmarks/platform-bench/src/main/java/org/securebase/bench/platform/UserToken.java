package org.securebase.bench.platform;

import org.securebase.platform.embedded.keycloak.OidcBrowserlessLogin;

/**
 * A person's access token, from a real login through the portal client (authorization code + PKCE), renewed by a
 * fresh login a minute before it expires (access tokens live 5 minutes; a run lasts longer).
 */
final class UserToken {

    private final OidcBrowserlessLogin login;
    private final String email;
    private final String password;
    private volatile String token;
    private volatile long renewAtNanos;

    UserToken(OidcBrowserlessLogin login, String email, String password) {
        this.login = login;
        this.email = email;
        this.password = password;
        renew();
    }

    String email() {
        return email;
    }

    String get() {
        if (System.nanoTime() - renewAtNanos >= 0) {
            synchronized (this) {
                if (System.nanoTime() - renewAtNanos >= 0) {
                    renew();
                }
            }
        }
        return token;
    }

    private void renew() {
        long started = System.nanoTime();
        OidcBrowserlessLogin.Tokens tokens = login.login(email, password);
        token = tokens.accessToken();
        renewAtNanos = started + Math.max(30, tokens.expiresIn() - 60) * 1_000_000_000L;
    }
}
