package org.securebase.portal.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

@Configuration(proxyBeanMethods = false)
// Controllers state which role may use them with @PreAuthorize; the APIs check again on every call.
@EnableMethodSecurity
public class PortalSecurityConfiguration {

    /** The one client registration: Keycloak's {@code portal} client. */
    public static final String REGISTRATION_ID = "keycloak";

    /** The one page anyone may open without logging in. */
    static final String UNSUBSCRIBE = "/notifications/unsubscribe";
    static final String ACCESSIBILITY_STATEMENT = "/accessibility";

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain portalSecurity(HttpSecurity http, ClientRegistrationRepository registrations,
                                       KeycloakProperties keycloak, AuthenticationSuccessHandler afterLogin,
                                       SessionStoreOidcSessions oidcSessions) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
                        // Only reachable on the management port; the gateway never routes /actuator.
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        // A mail's unsubscribe link works in any browser, signed in or not; the link's token is what
                        // proves the mail was the person's, and account-service checks it. CSRF still guards the POST.
                        .requestMatchers(HttpMethod.GET, UNSUBSCRIBE).permitAll()
                        .requestMatchers(HttpMethod.POST, UNSUBSCRIBE).permitAll()
                        // The accessibility statement is for anyone, before they can sign in too.
                        .requestMatchers(HttpMethod.GET, ACCESSIBILITY_STATEMENT).permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login.loginPage("/oauth2/authorization/" + REGISTRATION_ID).successHandler(afterLogin)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(new KeycloakActions(registrations))))
                .logout(logout -> logout.logoutSuccessHandler(keycloakLogout(registrations, keycloak)))
                // POST /logout/connect/back-channel/keycloak, called by Keycloak itself (the realm's portal client
                // names it); the signed logout token is the credential, so it sits before CSRF and needs no session.
                .oidcLogout(oidc -> oidc.backChannel(backChannel -> backChannel.logoutHandler(new BackChannelLogout(oidcSessions))))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .contentTypeOptions(Customizer.withDefaults())
                        .cacheControl(Customizer.withDefaults()));
        return http.build();
    }

    /** The portal's session store answers which sessions a Keycloak session stands behind, on every instance. */
    @Bean
    SessionStoreOidcSessions oidcSessionRegistry(FindByIndexNameSessionRepository<? extends Session> sessions) {
        return new SessionStoreOidcSessions(sessions);
    }

    /** Ends the Keycloak session as well, then lands on the portal (which asks for a new login). */
    private static OidcClientInitiatedLogoutSuccessHandler keycloakLogout(ClientRegistrationRepository registrations,
                                                                          KeycloakProperties keycloak) {
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri(keycloak.portalPublicUrl() + "/");
        return handler;
    }

    /**
     * The registration is built here rather than from an issuer URI, because discovery would run at
     * start-up against the public URL, which goes through the gateway and may not be up yet. Browser-facing
     * endpoints use the public URL, server-to-server ones the internal URL; tokens are checked against
     * the public issuer.
     */
    @Bean
    ClientRegistrationRepository clientRegistrationRepository(KeycloakProperties keycloak) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(keycloak.clientId())
                .clientSecret(keycloak.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(keycloak.portalPublicUrl() + "/login/oauth2/code/" + REGISTRATION_ID)
                .scope("openid", "profile", "email")
                .issuerUri(keycloak.issuer())
                .authorizationUri(keycloak.publicEndpoint("auth"))
                .tokenUri(keycloak.internalEndpoint("token"))
                .jwkSetUri(keycloak.internalEndpoint("certs"))
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", keycloak.publicEndpoint("logout")))
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .clientName("Secure Base")
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    /** Realm roles from the ID token become {@code ROLE_client}, {@code ROLE_therapist}, {@code ROLE_admin}. */
    @Bean
    GrantedAuthoritiesMapper keycloakRealmRoles() {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    PortalRole.fromClaims(oidc.getIdToken().getClaims())
                            .forEach(role -> mapped.add(new SimpleGrantedAuthority("ROLE_" + role.claimValue())));
                }
            }
            return mapped;
        };
    }
}
