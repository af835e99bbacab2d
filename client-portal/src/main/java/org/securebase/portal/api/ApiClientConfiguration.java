package org.securebase.portal.api;

import org.securebase.portal.security.PortalSecurityConfiguration;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;
import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class ApiClientConfiguration {

    /**
     * Tokens live in the HTTP session, which Spring Session keeps in PostgreSQL: any portal instance can
     * serve the next request, and a portal restart does not log anyone out.
     */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
                                                          OAuth2AuthorizedClientRepository authorizedClients) {
        OAuth2AuthorizedClientProvider provider = OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                // Refresh a little early so a token never expires between the check and the backend.
                .refreshToken(refresh -> refresh.clockSkew(Duration.ofSeconds(30)))
                .build();
        DefaultOAuth2AuthorizedClientManager manager =
                new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(provider);
        return manager;
    }

    @Bean
    PageCalls pageCalls(ApiProperties properties) {
        return new PageCalls(properties.concurrentCalls());
    }

    @Bean
    RestClient platformRestClient(ApiProperties properties, OAuth2AuthorizedClientManager manager,
                           OAuth2AuthorizedClientRepository authorizedClients, ObservationRegistry observations) {
        // A page's calls may run at once (PageCalls); only one of them may refresh the rotating refresh token.
        OAuth2ClientHttpRequestInterceptor bearer = new OAuth2ClientHttpRequestInterceptor(new OneRefreshAtATime(manager));
        bearer.setClientRegistrationIdResolver(request -> PortalSecurityConfiguration.REGISTRATION_ID);
        // A refused token (e.g. the Keycloak session ended) forgets the stored tokens, so the next page asks for a login.
        bearer.setAuthorizationFailureHandler(
                OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
        return withoutToken(properties, observations).requestInterceptor(bearer).build();
    }

    /**
     * The services, each at its internal address, with the timeouts and request id of every call, and no one's token:
     * the base of both the platform's client and {@link PublicApi}'s anonymous one. Observed, so every call is timed
     * and, while tracing is on, carries the page request's trace context ({@code traceparent}) to the service.
     */
    static RestClient.Builder withoutToken(ApiProperties properties, ObservationRegistry observations) {
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
        requestFactory.setReadTimeout(properties.readTimeout());
        // No base URL: the typed clients' URIs are paths, and the routing adds the service's address.
        return RestClient.builder()
                .requestFactory(new ServiceRoutingRequestFactory(properties, requestFactory))
                .observationRegistry(observations)
                .requestInterceptor((request, body, execution) -> {
                    String requestId = MDC.get("requestId");
                    if (requestId != null) {
                        request.getHeaders().set("X-Request-Id", requestId);
                    }
                    return execution.execute(request, body);
                });
    }
}
