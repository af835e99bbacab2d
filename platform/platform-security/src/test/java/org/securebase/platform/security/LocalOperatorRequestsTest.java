package org.securebase.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;

class LocalOperatorRequestsTest {

    private final LocalOperatorRequests matcher = new LocalOperatorRequests();

    @Test
    void anActuatorPathAskedFromTheServicesOwnHostIsAnOperatorsCommand() {
        assertThat(matcher.matches(request("/actuator/cryptokeys", "127.0.0.1"))).isTrue();
        assertThat(matcher.matches(request("/actuator/deadletters", "::1"))).isTrue();
        assertThat(matcher.matches(request("/actuator/deadletters", "0:0:0:0:0:0:0:1"))).isTrue();
    }

    @Test
    void fromAnyOtherAddressThroughAProxyOrOnAnotherPathItIsNot() {
        assertThat(matcher.matches(request("/actuator/cryptokeys", "10.0.3.7"))).isFalse();
        assertThat(matcher.matches(request("/actuator/cryptokeys", "localhost"))).as("a name, never resolved").isFalse();
        assertThat(matcher.matches(request("/api/journal/entries", "127.0.0.1"))).isFalse();
        assertThat(matcher.matches(request("/actuatorx", "127.0.0.1"))).isFalse();
        MockHttpServletRequest forwarded = request("/actuator/cryptokeys", "127.0.0.1");
        forwarded.addHeader("X-Forwarded-For", "203.0.113.9");
        assertThat(matcher.matches(forwarded)).as("a proxy on the host forwarding a remote caller").isFalse();
        MockHttpServletRequest standard = request("/actuator/cryptokeys", "127.0.0.1");
        standard.addHeader("Forwarded", "for=203.0.113.9");
        assertThat(matcher.matches(standard)).isFalse();
    }

    @Test
    void onlyWhereActuatorHasAPortOfItsOwn() {
        assertThat(KeycloakAdapterAutoConfiguration.separateManagementPort(new MockEnvironment())).isFalse();
        assertThat(KeycloakAdapterAutoConfiguration.separateManagementPort(new MockEnvironment()
                .withProperty("server.port", "8083").withProperty("management.server.port", "9083"))).isTrue();
        assertThat(KeycloakAdapterAutoConfiguration.separateManagementPort(new MockEnvironment()
                .withProperty("server.port", "8083").withProperty("management.server.port", "8083"))).isFalse();
        assertThat(KeycloakAdapterAutoConfiguration.separateManagementPort(new MockEnvironment()
                .withProperty("server.port", "0").withProperty("management.server.port", "0"))).isTrue();
        assertThat(KeycloakAdapterAutoConfiguration.separateManagementPort(new MockEnvironment()
                .withProperty("management.server.port", "-1"))).isFalse();
    }

    private static MockHttpServletRequest request(String path, String remoteAddress) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setRemoteAddr(remoteAddress);
        return request;
    }
}
