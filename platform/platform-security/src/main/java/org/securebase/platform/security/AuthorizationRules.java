package org.securebase.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own URL rules for the shared filter chain. Every bean of this type is applied (in
 * {@code @Order}) after the public paths and before the final {@code anyRequest().authenticated()}:
 *
 * <pre>{@code
 * @Bean
 * AuthorizationRules articleRules() {
 *     return rules -> rules
 *             .requestMatchers(HttpMethod.GET, "/api/content/articles/**").authenticated()
 *             .requestMatchers("/api/content/articles/**").hasAnyRole("THERAPIST", "ADMIN");
 * }
 * }</pre>
 *
 * URL rules only settle the role; ownership ("own caseload") belongs in the service, which answers
 * 404 for other people's objects.
 */
@FunctionalInterface
public interface AuthorizationRules {

    void addRules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
