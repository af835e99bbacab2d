package org.securebase.platform.security;

import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.DispatcherType;

import org.securebase.platform.web.ProblemJsonAutoConfiguration;
import org.securebase.platform.web.problem.ProblemJsonExceptionHandler;
import org.securebase.platform.web.problem.ProblemResponseWriter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes a servlet application a Secure Base resource server: Keycloak token checks, role mapping,
 * the {@link Caller}, and a default filter chain answering 401/403 with problem+json (503 when a
 * token cannot be checked because Keycloak's keys cannot be fetched).
 *
 * <p>Runs before Boot's security auto-configurations so that they see this chain and decoder and
 * back off (no generated password, no form login), while Boot still registers the filter with the
 * servlet container; and before platform-web's {@link ProblemJsonAutoConfiguration}, whose plain
 * exception handler backs off for {@link ProblemJsonSecurityExceptionHandler}. {@code @EnableWebSecurity}
 * is declared here too so the chain also builds in test slices that do not include Boot's security
 * auto-configuration.
 *
 * <p>A service extends the chain with {@link AuthorizationRules} beans. It may add its own
 * {@code SecurityFilterChain} with a {@code securityMatcher} and an order below
 * {@link #SECURITY_FILTER_CHAIN_ORDER}, or replace this one by defining a bean named
 * {@value #SECURITY_FILTER_CHAIN_BEAN_NAME}.
 */
@AutoConfiguration(before = ProblemJsonAutoConfiguration.class, beforeName = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ SecurityFilterChain.class, NimbusJwtDecoder.class, DispatcherServlet.class })
@EnableConfigurationProperties(SecureBaseSecurityProperties.class)
@EnableWebSecurity
public class KeycloakAdapterAutoConfiguration {

    public static final String SECURITY_FILTER_CHAIN_BEAN_NAME = "secureBaseSecurityFilterChain";

    /** Last, because this chain matches every request; a service's narrower chains go before it. */
    public static final int SECURITY_FILTER_CHAIN_ORDER = Ordered.LOWEST_PRECEDENCE - 10;

    /**
     * Reachable without a token. Health and metrics are for the platform's probes and scrapers;
     * the gateway blocks {@code /actuator/**} from outside.
     */
    public static final List<String> BUILT_IN_PUBLIC_PATHS = List.of(
            "/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/v3/api-docs/**");

    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    public JwtDecoder keycloakJwtDecoder(SecureBaseSecurityProperties properties,
                                         ObjectProvider<DeactivatedAccounts> deactivatedAccounts) {
        String jwkSetUri = required(properties.jwkSetUri(), "jwk-set-uri");
        String issuerUri = required(properties.issuerUri(), "issuer-uri");
        String audience = required(properties.audience(), "audience");
        NimbusJwtDecoder decoder = KeycloakJwtDecoders.fromJwkSetUri(jwkSetUri, issuerUri, audience);
        DeactivatedAccounts accounts = deactivatedAccounts.getIfAvailable();
        OAuth2TokenValidator<Jwt> validator = accounts == null
                ? KeycloakJwtDecoders.tokenValidator(issuerUri, audience)
                : new DelegatingOAuth2TokenValidator<>(KeycloakJwtDecoders.tokenValidator(issuerUri, audience),
                        new DeactivatedAccountValidator(accounts));
        decoder.setJwtValidator(validator);
        return new VerifiedTokenCache(decoder, validator, VerifiedTokenCache.DEFAULT_MAXIMUM_SIZE);
    }

    @Bean
    @ConditionalOnMissingBean
    public JwtAuthenticationConverter keycloakJwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new KeycloakRealmRolesConverter());
        converter.setPrincipalClaimName("sub");
        return converter;
    }

    @Bean
    @ConditionalOnMissingBean
    public CallerContext callerContext() {
        return new CallerContext();
    }

    @Bean
    public WebMvcConfigurer callerArgumentResolverRegistration(CallerContext callerContext) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver(callerContext));
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean(ProblemJsonExceptionHandler.class)
    public ProblemJsonSecurityExceptionHandler problemJsonSecurityExceptionHandler() {
        return new ProblemJsonSecurityExceptionHandler();
    }

    @Bean
    @ConditionalOnMissingBean
    public ProblemResponseWriter problemResponseWriter() {
        return new ProblemResponseWriter();
    }

    @Bean
    @ConditionalOnMissingBean
    public ProblemJsonAuthenticationEntryPoint problemJsonAuthenticationEntryPoint(ProblemResponseWriter writer) {
        return new ProblemJsonAuthenticationEntryPoint(writer);
    }

    @Bean
    @ConditionalOnMissingBean
    public ProblemJsonAuthenticationFailureHandler problemJsonAuthenticationFailureHandler(
            ProblemJsonAuthenticationEntryPoint authenticationEntryPoint, ProblemResponseWriter writer) {
        return new ProblemJsonAuthenticationFailureHandler(authenticationEntryPoint, writer);
    }

    @Bean
    @ConditionalOnMissingBean
    public ProblemJsonAccessDeniedHandler problemJsonAccessDeniedHandler(ProblemResponseWriter writer) {
        return new ProblemJsonAccessDeniedHandler(writer);
    }

    @Bean(SECURITY_FILTER_CHAIN_BEAN_NAME)
    @Order(SECURITY_FILTER_CHAIN_ORDER)
    @ConditionalOnMissingBean(name = SECURITY_FILTER_CHAIN_BEAN_NAME)
    public SecurityFilterChain secureBaseSecurityFilterChain(HttpSecurity http,
            SecureBaseSecurityProperties properties,
            JwtDecoder jwtDecoder,
            JwtAuthenticationConverter jwtAuthenticationConverter,
            ProblemJsonAuthenticationEntryPoint authenticationEntryPoint,
            ProblemJsonAuthenticationFailureHandler authenticationFailureHandler,
            ProblemJsonAccessDeniedHandler accessDeniedHandler,
            ObjectProvider<AuthorizationRules> serviceRules,
            Environment environment) throws Exception {
        boolean separateManagementPort = separateManagementPort(environment);
        String[] publicPaths = Stream.concat(BUILT_IN_PUBLIC_PATHS.stream(), properties.publicPaths().stream())
                .distinct()
                .toArray(String[]::new);
        return http
                // Bearer tokens only: no cookies to ride on, so no CSRF; no session to keep.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(authorize -> {
                    // The error dispatch only renders the status an earlier, already-authorized step chose.
                    authorize.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    authorize.requestMatchers(publicPaths).permitAll();
                    if (separateManagementPort) {
                        authorize.requestMatchers(new LocalOperatorRequests()).permitAll();
                    }
                    serviceRules.orderedStream().forEach(rules -> rules.addRules(authorize));
                    authorize.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(jwtAuthenticationConverter))
                        .authenticationEntryPoint(authenticationEntryPoint)
                        .accessDeniedHandler(accessDeniedHandler)
                        // The configurer has no setter for it. Spring's default handler rethrows the
                        // AuthenticationServiceException of an unreachable Keycloak: a 500.
                        .withObjectPostProcessor(failureHandler(authenticationFailureHandler)))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(authenticationEntryPoint)
                        .accessDeniedHandler(accessDeniedHandler))
                .build();
    }

    /** Only where actuator has a port of its own, which the gateway never routes to. */
    static boolean separateManagementPort(Environment environment) {
        String management = environment.getProperty("management.server.port");
        if (management == null || management.isBlank() || management.trim().equals("-1")) {
            return false;
        }
        return !management.trim().equals(environment.getProperty("server.port", "8080").trim())
                || management.trim().equals("0");
    }

    private static ObjectPostProcessor<BearerTokenAuthenticationFilter> failureHandler(
            AuthenticationFailureHandler authenticationFailureHandler) {
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                filter.setAuthenticationFailureHandler(authenticationFailureHandler);
                return filter;
            }
        };
    }

    private static String required(String value, String propertyName) {
        if (!StringUtils.hasText(value)) {
            throw new IllegalStateException("securebase.security." + propertyName
                    + " must be set (or define your own JwtDecoder bean)");
        }
        return value;
    }
}
