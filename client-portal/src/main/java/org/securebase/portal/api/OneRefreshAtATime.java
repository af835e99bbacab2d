package org.securebase.portal.api;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;

/**
 * Lets one authorization at a time through for each person, so two calls of one page made at once ({@link PageCalls})
 * never both refresh the tokens: Keycloak rotates refresh tokens, and the second refresh would present one already
 * used, which ends the person's session. The delegate reads the stored client afresh each time, so the call that
 * waited finds the token its predecessor refreshed and stored. Locks are striped (a fixed set, chosen by the
 * person's name): nothing grows with the number of people, and two people rarely share a stripe.
 */
final class OneRefreshAtATime implements OAuth2AuthorizedClientManager {

    private static final int STRIPES = 64;

    private final OAuth2AuthorizedClientManager delegate;
    private final Object[] stripes = new Object[STRIPES];

    OneRefreshAtATime(OAuth2AuthorizedClientManager delegate) {
        this.delegate = delegate;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    @Override
    public OAuth2AuthorizedClient authorize(OAuth2AuthorizeRequest request) {
        synchronized (stripes[Math.floorMod(request.getPrincipal().getName().hashCode(), STRIPES)]) {
            return delegate.authorize(request);
        }
    }
}
