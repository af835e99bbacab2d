package org.securebase.portal;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;
import java.util.Map;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

/**
 * The parts of the portal's security that a controller slice needs: every page needs a login, CSRF protection
 * (Spring Security's default) and the role checks of @PreAuthorize. The OIDC login itself is replaced by
 * {@code oidcLogin()} in the tests.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
public class WebSliceSecurity {

    /** Signed in with one realm role, as Keycloak's ID token and the portal's realm-role mapper would have it. */
    public static RequestPostProcessor as(String role) {
        return as(role, "user");
    }

    /** {@link #as(String)} as a given person ({@code sub}). */
    public static RequestPostProcessor as(String role, String person) {
        return oidcLogin().idToken(token -> token.subject(person).claim("given_name", "Sam").claim("name", "Sam Doe")
                        .claim("realm_access", Map.of("roles", List.of(role, "default-roles-securebase"))))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    @Bean
    SecurityFilterChain testChain(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated()).build();
    }
}
