package org.securebase.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.http.client.SimpleClientHttpRequestFactory;

class ServiceRoutingRequestFactoryTest {

    private final ServiceRoutingRequestFactory routing = new ServiceRoutingRequestFactory(
            new ApiProperties(URI.create("http://journal-service:8083"), URI.create("http://content-service:8082/"),
                    URI.create("http://account-service:8084"), null, null, null),
            new SimpleClientHttpRequestFactory());

    @Test
    void eachPathGoesToTheServiceThatServesIt() {
        assertThat(routing.route(URI.create("/api/journal/assignments/7?page=2")))
                .isEqualTo(URI.create("http://journal-service:8083/api/journal/assignments/7?page=2"));
        assertThat(routing.route(URI.create("/api/content/articles/attachment-and-healing")))
                .isEqualTo(URI.create("http://content-service:8082/api/content/articles/attachment-and-healing"));
        assertThat(routing.route(URI.create("/api/accounts")))
                .isEqualTo(URI.create("http://account-service:8084/api/accounts"));
    }

    @Test
    void encodedPartsStayAsTheyWereEncoded() {
        assertThat(routing.route(URI.create("/api/accounts/notifications/unsubscribe?token=a%2Bb.c%20d")))
                .hasToString("http://account-service:8084/api/accounts/notifications/unsubscribe?token=a%2Bb.c%20d");
    }

    @Test
    void aPathNoServiceServesIsNeverSent() {
        assertThatThrownBy(() -> routing.route(URI.create("/api/journalism/x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no service serves");
        assertThatThrownBy(() -> routing.route(URI.create("/auth/realms/securebase")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> routing.route(URI.create("http://elsewhere.example/api/journal/x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("path only");
    }
}
