package org.securebase.platform.security;

import java.util.List;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetBasedJWKSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keycloak's signing keys as Nimbus's {@link JWKSetBasedJWKSource} looks them up (cached key set,
 * re-read when a token names a key id it lacks), except when that re-read fails.
 *
 * <p>Nimbus lets the failure of the re-read escape - usually a {@link RateLimitReachedException},
 * since the set is fetched at most twice per 30 s - and the decoder then reports the token exactly
 * like an unreachable Keycloak. But a key set is at hand and read recently: the token names a key
 * Keycloak has not published, so it is a bad token (401, as in the gateway). Only when no key set
 * can be had at all does the failure escape, and the request is answered 503.
 */
final class CachedKeysFirstJwkSource<C extends SecurityContext> implements JWKSource<C> {

    private static final Logger log = LoggerFactory.getLogger(CachedKeysFirstJwkSource.class);

    private final JWKSetSource<C> keySets;

    CachedKeysFirstJwkSource(JWKSetSource<C> keySets) {
        this.keySets = keySets;
    }

    @Override
    public List<JWK> get(JWKSelector selector, C context) throws KeySourceException {
        long now = System.currentTimeMillis();
        // Throws when no valid key set is cached and none can be fetched: nothing can be checked.
        JWKSet known = keySets.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), now, context);
        List<JWK> matches = selector.select(known);
        if (!matches.isEmpty()) {
            return matches;
        }
        // An unknown key id: Keycloak may have rotated its keys since the set was cached.
        try {
            return selector.select(keySets.getJWKSet(JWKSetCacheRefreshEvaluator.referenceComparison(known), now, context));
        } catch (RateLimitReachedException readMomentsAgo) {
            return List.of();
        } catch (KeySourceException refreshFailed) {
            log.warn("Could not re-read Keycloak's key set for a token naming an unknown key; "
                    + "it is checked against the cached keys: {}", refreshFailed.toString());
            return List.of();
        }
    }
}
