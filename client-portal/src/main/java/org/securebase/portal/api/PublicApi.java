package org.securebase.portal.api;

import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

import java.net.URI;
import java.util.function.Function;

/**
 * The few API calls a page makes for someone who need not be signed in (the unsubscribe link of a mail, opened in
 * any browser): to the same services, with no token at all, so a signed-in person's token never reaches an endpoint
 * that does not ask for it and a missing session never sends anyone to a login. Typed clients use it like
 * {@link PlatformApi}.
 */
@Component
public class PublicApi {

    private static final Logger log = LoggerFactory.getLogger(PublicApi.class);

    private final RestClient client;

    public PublicApi(ApiProperties properties, ObservationRegistry observations) {
        this.client = ApiClientConfiguration.withoutToken(properties, observations).build();
    }

    /**
     * A POST without a body. A 4xx is the API refusing it ({@link Sent#refused}), except 401 and 403: the service
     * wanted a token for what should be public, a misconfiguration no one on the page can fix, so they count as
     * unavailable like a 5xx.
     */
    public <T> Sent<T> post(Function<UriBuilder, URI> uri, Class<T> answer) {
        try {
            return Sent.done(client.post().uri(uri).retrieve().body(answer));
        } catch (HttpServerErrorException | ResourceAccessException unavailable) {
            log.warn("backend unavailable: {}", unavailable.getClass().getSimpleName());
            return Sent.failed();
        } catch (HttpClientErrorException refused) {
            HttpStatusCode status = refused.getStatusCode();
            if (status.isSameCodeAs(HttpStatusCode.valueOf(401)) || status.isSameCodeAs(HttpStatusCode.valueOf(403))) {
                log.warn("a service refused an anonymous call with {}", status.value());
                return Sent.failed();
            }
            return PlatformApi.refusal(refused);
        }
    }
}
