package org.securebase.portal.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads from the APIs for pages. A 404 means "not there for you" and becomes an empty result; a backend
 * that is down, slow or failing becomes {@link Fetched#failed()}; an expired login is rethrown so the
 * security layer can send the person to log in again.
 */
@Component
public class PlatformApi {

    private static final Logger log = LoggerFactory.getLogger(PlatformApi.class);

    private final RestClient client;

    public PlatformApi(RestClient platformApi) {
        this.client = platformApi;
    }

    public <T> Fetched<Optional<T>> get(Function<UriBuilder, URI> uri, Class<T> type) {
        return call(() -> Optional.ofNullable(client.get().uri(uri).retrieve().body(type)));
    }

    public <T> Fetched<Optional<T>> get(Function<UriBuilder, URI> uri, ParameterizedTypeReference<T> type) {
        return call(() -> Optional.ofNullable(client.get().uri(uri).retrieve().body(type)));
    }

    public RestClient client() {
        return client;
    }

    private static <T> Fetched<Optional<T>> call(java.util.function.Supplier<Optional<T>> request) {
        try {
            return Fetched.of(request.get());
        } catch (HttpClientErrorException.NotFound notFound) {
            return Fetched.of(Optional.empty());
        } catch (ClientAuthorizationException loginNeeded) {
            throw loginNeeded;
        } catch (HttpServerErrorException | ResourceAccessException unavailable) {
            log.warn("backend unavailable: {}", unavailable.getClass().getSimpleName());
            return Fetched.failed();
        } catch (HttpClientErrorException other) {
            if (other.getStatusCode().isSameCodeAs(HttpStatusCode.valueOf(401))) {
                throw other;
            }
            log.warn("backend refused the portal's request with {}", other.getStatusCode().value());
            return Fetched.failed();
        }
    }
}
