package org.securebase.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.securebase.platform.web.ProblemJsonAutoConfiguration;
import org.securebase.platform.web.problem.ProblemJsonErrorController;
import org.securebase.platform.web.problem.ProblemJsonExceptionHandler;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** How the adapter sits among Boot's own auto-configurations in a real (non-slice) application. */
class KeycloakAdapterAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    ProblemJsonAutoConfiguration.class, KeycloakAdapterAutoConfiguration.class,
                    SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
                    ServletWebSecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
                    OAuth2ResourceServerAutoConfiguration.class,
                    JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
                    DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
                    ErrorMvcAutoConfiguration.class))
            .withPropertyValues(
                    "securebase.security.issuer-uri=http://localhost:8080/auth/realms/securebase",
                    "securebase.security.jwk-set-uri=http://localhost:8180/auth/realms/securebase/protocol/openid-connect/certs",
                    "securebase.security.audience=content-service",
                    // A service that turns Boot's handler on must still get ours.
                    "spring.mvc.problemdetails.enabled=true");

    @Test
    void isRegisteredForApplicationsAndWebMvcTestSlices() {
        ClassLoader classLoader = getClass().getClassLoader();
        List<String> expected = List.of(KeycloakAdapterAutoConfiguration.class.getName());

        assertThat(ImportCandidates.load(AutoConfiguration.class, classLoader)).containsAll(expected);
        assertThat(ImportCandidates.load(org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest.class, classLoader))
                .containsAll(expected);
    }

    @Test
    void replacesBootsDefaultsAndKeepsTheFilterRegisteredWithTheContainer() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeansOfType(SecurityFilterChain.class))
                    .containsOnlyKeys(KeycloakAdapterAutoConfiguration.SECURITY_FILTER_CHAIN_BEAN_NAME);
            assertThat(context).hasSingleBean(DelegatingFilterProxyRegistrationBean.class);
            assertThat(context).doesNotHaveBean(UserDetailsService.class);
            assertThat(context).getBean(JwtDecoder.class).isInstanceOf(VerifiedTokenCache.class);
            assertThat(context).getBean(ErrorController.class).isInstanceOf(ProblemJsonErrorController.class);
            assertThat(context).getBean(ResponseEntityExceptionHandler.class)
                    .isInstanceOf(ProblemJsonSecurityExceptionHandler.class);
            assertThat(context).hasSingleBean(CallerContext.class);
            assertThat(context).hasSingleBean(ProblemJsonAuthenticationFailureHandler.class);
        });
    }

    @Test
    void aServiceChainForItsOwnPathsComesFirstAndKeepsTheDefaultChain() {
        runner.withUserConfiguration(InternalEndpointsSecurity.class).run(context -> {
            assertThat(context).hasNotFailed();
            List<SecurityFilterChain> chains = context.getBean(FilterChainProxy.class).getFilterChains();
            assertThat(chains).hasSize(2);
            assertThat(chains.get(0)).isSameAs(context.getBean("internalEndpoints"));
            assertThat(chains.get(1)).isSameAs(context.getBean(KeycloakAdapterAutoConfiguration.SECURITY_FILTER_CHAIN_BEAN_NAME));
        });
    }

    @Test
    void aServiceDecoderReplacesOurs() {
        runner.withUserConfiguration(OwnDecoder.class).run(context ->
                assertThat(context).getBean(JwtDecoder.class).isSameAs(context.getBean("ownDecoder")));
    }

    @Test
    void failsAtStartupWhenKeycloakIsNotConfigured() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KeycloakAdapterAutoConfiguration.class,
                        ServletWebSecurityAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
                        WebMvcAutoConfiguration.class))
                .withPropertyValues("securebase.security.issuer-uri=http://localhost:8080/auth/realms/securebase")
                .run(context -> assertThat(context).getFailure()
                        .rootCause().hasMessageContaining("securebase.security.jwk-set-uri must be set"));
    }

    @Test
    void staysOutOfNonWebApplications() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ProblemJsonAutoConfiguration.class,
                        KeycloakAdapterAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(JwtDecoder.class)
                        .doesNotHaveBean(ProblemJsonExceptionHandler.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class InternalEndpointsSecurity {

        @Bean
        @Order(0)
        SecurityFilterChain internalEndpoints(HttpSecurity http) throws Exception {
            return http.securityMatcher("/internal/**")
                    .authorizeHttpRequests(authorize -> authorize.anyRequest().denyAll())
                    .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnDecoder {

        @Bean
        JwtDecoder ownDecoder() {
            return token -> {
                throw new UnsupportedOperationException();
            };
        }
    }
}
