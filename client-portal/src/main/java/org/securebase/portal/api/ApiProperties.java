package org.securebase.portal.api;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the portal reaches each service's API: the service itself on the internal network, never back through the
 * public gateway (ADR 0030). Each service still checks every token itself.
 *
 * @param journalUrl     journal-service, which serves {@code /api/journal/**}
 * @param contentUrl     content-service, which serves {@code /api/content/**}
 * @param accountsUrl    account-service, which serves {@code /api/accounts/**}
 * @param connectTimeout how long to wait for a connection before calling a backend unavailable
 * @param readTimeout    how long to wait for an answer
 * @param concurrentCalls threads for the API calls pages make beside their own thread ({@link PageCalls}); when all
 *                       are busy, a page makes its calls one after the other
 */
@ConfigurationProperties("securebase.api")
public record ApiProperties(URI journalUrl, URI contentUrl, URI accountsUrl, Duration connectTimeout,
                            Duration readTimeout, Integer concurrentCalls) {

    public ApiProperties {
        Objects.requireNonNull(journalUrl, "securebase.api.journal-url");
        Objects.requireNonNull(contentUrl, "securebase.api.content-url");
        Objects.requireNonNull(accountsUrl, "securebase.api.accounts-url");
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        concurrentCalls = concurrentCalls == null ? 16 : concurrentCalls;
        if (concurrentCalls < 1) {
            throw new IllegalArgumentException("securebase.api.concurrent-calls must be at least 1");
        }
    }

    /** All three services at one address (a test's stand-in backend that answers every API). */
    public static ApiProperties allAt(URI url) {
        return new ApiProperties(url, url, url, null, null, null);
    }
}
