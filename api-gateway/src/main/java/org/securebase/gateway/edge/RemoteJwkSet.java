package org.securebase.gateway.edge;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Keycloak's signing keys for the reactive decoder, with the behaviour of the services' Nimbus key source
 * rather than Spring's {@code ReactiveRemoteJWKSource}, which fetches the set again for every token that names
 * an unknown key id (so anyone can make the gateway hammer Keycloak) and has no timeouts.
 *
 * <ul>
 *   <li>Nothing is fetched before the first token: the gateway starts without Keycloak.</li>
 *   <li>The set is cached; it is re-read when it is older than {@code maxAge} or a token names a key id it
 *       lacks (key rotation), but never more than once per {@code minFetchInterval}, and concurrent
 *       requests share one fetch.</li>
 *   <li>A failed fetch keeps the previous set (Keycloak down does not invalidate keys it already published).</li>
 *   <li>Only keys for RS256 signatures are ever offered, so {@code alg: none}, HS256-with-the-public-key and
 *       the like have nothing to verify against - and do not trigger a fetch.</li>
 * </ul>
 */
final class RemoteJwkSet {

    private static final Logger log = LoggerFactory.getLogger(RemoteJwkSet.class);

    private record Snapshot(JWKSet keys, Instant fetchedAt) {
    }

    private final WebClient client;
    private final String jwkSetUri;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration minFetchInterval;
    private final Duration fetchTimeout;
    private final Object lock = new Object();

    private volatile Snapshot snapshot;
    private Instant lastFetchStarted;
    private Mono<JWKSet> inFlight;

    RemoteJwkSet(WebClient client, String jwkSetUri, Clock clock, Duration maxAge, Duration minFetchInterval,
            Duration fetchTimeout) {
        this.client = client;
        this.jwkSetUri = jwkSetUri;
        this.clock = clock;
        this.maxAge = maxAge;
        this.minFetchInterval = minFetchInterval;
        this.fetchTimeout = fetchTimeout;
    }

    /** The keys that may have signed this token (by {@code kid}, type RSA, use sig, alg RS256). */
    Flux<JWK> keysFor(SignedJWT jwt) {
        JWSHeader header = jwt.getHeader();
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            return Flux.empty();
        }
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(header));
        return keySet(header.getKeyID()).flatMapIterable(selector::select);
    }

    Mono<JWKSet> keySet(String keyId) {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current != null && !isStale(current, now) && (keyId == null || current.keys().getKeyByKeyId(keyId) != null)) {
            return Mono.just(current.keys());
        }
        Mono<JWKSet> fetch = fetchUnlessTooSoon(now);
        if (fetch == null) {
            return current != null ? Mono.just(current.keys())
                    : Mono.error(new KeysUnavailableException("Keycloak's key set is not available yet", null));
        }
        return fetch.onErrorResume(error -> current != null ? Mono.just(current.keys())
                : Mono.error(new KeysUnavailableException("Keycloak's key set could not be fetched", error)));
    }

    private boolean isStale(Snapshot current, Instant now) {
        return current.fetchedAt().plus(maxAge).isBefore(now);
    }

    private Mono<JWKSet> fetchUnlessTooSoon(Instant now) {
        synchronized (lock) {
            if (inFlight != null) {
                return inFlight;
            }
            if (lastFetchStarted != null && now.isBefore(lastFetchStarted.plus(minFetchInterval))) {
                return null;
            }
            lastFetchStarted = now;
            // Cleared before the result travels on (doOnSuccess/doOnError run first), so whoever sees the new
            // set and asks again a moment later can never be handed this finished fetch a second time.
            AtomicReference<Mono<JWKSet>> self = new AtomicReference<>();
            Mono<JWKSet> fetch = client.get().uri(jwkSetUri).retrieve().bodyToMono(String.class)
                    .timeout(fetchTimeout)
                    .map(RemoteJwkSet::parse)
                    .doOnSuccess(keys -> {
                        if (keys != null) {
                            snapshot = new Snapshot(keys, clock.instant());
                        }
                        finished(self.get());
                    })
                    .doOnError(error -> {
                        log.warn("could not fetch the key set from {}: {}", jwkSetUri, error.toString());
                        finished(self.get());
                    })
                    .doOnCancel(() -> finished(self.get()))
                    .cache();
            self.set(fetch);
            inFlight = fetch;
            return fetch;
        }
    }

    private void finished(Mono<JWKSet> fetch) {
        synchronized (lock) {
            if (inFlight == fetch) {
                inFlight = null;
            }
        }
    }

    private static JWKSet parse(String body) {
        try {
            // Public keys only: should a private part ever be published, it is not kept in memory here.
            return JWKSet.parse(body).toPublicJWKSet();
        } catch (ParseException notAKeySet) {
            throw new IllegalStateException("the JWK set endpoint answered with something that is not a JWK set",
                    notAKeySet);
        }
    }
}
