package org.securebase.portal.api;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param baseUrl        where the APIs are reached: the gateway (the same public origin the browser uses)
 * @param connectTimeout how long to wait for a connection before calling a backend unavailable
 * @param readTimeout    how long to wait for an answer
 */
@ConfigurationProperties("securebase.api")
public record ApiProperties(String baseUrl, Duration connectTimeout, Duration readTimeout) {

    public ApiProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
    }
}
