package org.securebase.gateway;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ClosedDoorsFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "/auth/admin", "/auth/admin/", "/auth/admin/master/console/", "/AUTH/ADMIN/realms",
            "/auth/%61dmin/realms", "/auth/%2561dmin/", "/auth/realms/master/protocol/openid-connect/auth",
            "/auth/realms/securebase/../master/account", "/auth/./admin", "//auth//admin",
            "/actuator", "/actuator/health", "/api/content/actuator/env", "/api/journal/%2e%2e/actuator/heapdump",
            "/api/content/..%2F..%2Factuator", "/api/content;jsessionid=1/articles", "/auth/admin%5Cx",
            "/api/accounts/%E0%A4%A"})
    void closesAdminConsoleMasterRealmAndActuators(String path) {
        assertThat(ClosedDoorsFilter.isClosed(path)).as(path).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/", "/auth/realms/securebase/protocol/openid-connect/auth", "/auth/resources/x/login/keycloak.v2/css/login.css",
            "/api/content/articles", "/api/content/articles/actuators-of-change", "/api/journal/assignments",
            "/auth/realms/securebase/account", "/administration"})
    void leavesEverythingElseOpen(String path) {
        assertThat(ClosedDoorsFilter.isClosed(path)).as(path).isFalse();
    }
}
