package org.securebase.account.testsupport;

import java.util.Map;

import org.securebase.platform.test.TestBackends;
import org.securebase.platform.test.TestKeycloak;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points account-service's Keycloak admin client at the test Keycloak, as the local stack does with
 * SECUREBASE_KEYCLOAK_INTERNAL_URL and SECUREBASE_KEYCLOAK_CLIENT_SECRET. (A candidate for platform-test's
 * RealBackends.)
 */
public class KeycloakAdminBackend implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestKeycloak keycloak = TestBackends.keycloak();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("securebase-keycloak-admin", Map.of(
                "securebase.keycloak.internal-url", keycloak.baseUrl(),
                "securebase.keycloak.client-secret", TestKeycloak.ACCOUNT_SERVICE_CLIENT_SECRET,
                "securebase.keycloak.invitation-redirect-uri", TestKeycloak.PORTAL_PUBLIC_URL + "/")));
    }
}
