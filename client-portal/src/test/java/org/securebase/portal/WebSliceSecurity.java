package org.securebase.portal;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The parts of the portal's security that a controller slice needs: every page needs a login, CSRF protection
 * (Spring Security's default) and the role checks of @PreAuthorize. The OIDC login itself is replaced by
 * {@code oidcLogin()} in the tests.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
public class WebSliceSecurity {

    @Bean
    SecurityFilterChain testChain(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated()).build();
    }
}
