package org.securebase.portal;

import org.securebase.portal.security.KeycloakProperties;
import org.securebase.portal.security.PortalSecurityConfiguration;
import org.mockito.Mockito;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The portal's own filter chain (not the slice's stand-in), for the pages whose point is who may open them without a
 * login. Keycloak is never called: a request without a session is only sent to the login URL.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableWebSecurity
@Import(PortalSecurityConfiguration.class)
public class RealPortalSecurity {

    @Bean
    KeycloakProperties keycloakProperties() {
        return new KeycloakProperties("http://localhost:8080/auth", "http://localhost:8180/auth", "securebase", "portal",
                "test-secret", "http://localhost:8080");
    }

    /** The slice has no session store; these tests send no logout token, so it is never asked. */
    @Bean
    @SuppressWarnings("unchecked")
    FindByIndexNameSessionRepository<Session> sessionStore() {
        return Mockito.mock(FindByIndexNameSessionRepository.class);
    }

    @Bean
    AuthenticationSuccessHandler afterLogin() {
        return new SimpleUrlAuthenticationSuccessHandler("/");
    }
}
