package org.securebase.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;

class SessionStoreOidcSessionsTest {

    private static final String PERSON = "7d1f0c3e-5b7a-4a55-9f43-1b2a3c4d5e6f";

    @SuppressWarnings("unchecked")
    private final FindByIndexNameSessionRepository<MapSession> store = mock(FindByIndexNameSessionRepository.class);
    private final SessionStoreOidcSessions sessions = new SessionStoreOidcSessions(store);

    @Test
    void aLogoutTokenWithASidFindsOnlyTheSessionsOpenedWithinThatKeycloakSession() {
        personHas(session("portal-1", "keycloak-a"), session("portal-2", "keycloak-b"), session("portal-3", "keycloak-a"));

        assertThat(ids(sessions.removeSessionInformation(logoutToken("keycloak-a"))))
                .containsExactlyInAnyOrder("portal-1", "portal-3");
    }

    @Test
    void aLogoutTokenWithoutASidFindsEverySessionOfThePerson() {
        personHas(session("portal-1", "keycloak-a"), session("portal-2", "keycloak-b"));

        assertThat(ids(sessions.removeSessionInformation(logoutToken(null))))
                .containsExactlyInAnyOrder("portal-1", "portal-2");
    }

    @Test
    void aSessionWithoutALoginIsNeverTakenForThePersons() {
        MapSession anonymous = new MapSession("portal-anonymous");
        personHas(anonymous, session("portal-1", "keycloak-a"));

        assertThat(ids(sessions.removeSessionInformation(logoutToken(null)))).containsExactly("portal-1");
    }

    @Test
    void endingASessionDeletesItFromTheStore() {
        sessions.end(new OidcSessionInformation("portal-1", Map.of(), user("keycloak-a")));

        verify(store).deleteById("portal-1");
    }

    private void personHas(MapSession... stored) {
        Map<String, MapSession> byId = new HashMap<>();
        for (MapSession session : stored) {
            byId.put(session.getId(), session);
        }
        when(store.findByPrincipalName(PERSON)).thenReturn(byId);
    }

    private static MapSession session(String id, String keycloakSession) {
        MapSession session = new MapSession(id);
        DefaultOidcUser user = user(keycloakSession);
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(
                new OAuth2AuthenticationToken(user, user.getAuthorities(), PortalSecurityConfiguration.REGISTRATION_ID)));
        return session;
    }

    private static DefaultOidcUser user(String keycloakSession) {
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token").subject(PERSON).issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300)).claim("sid", keycloakSession).build();
        return new DefaultOidcUser(AuthorityUtils.createAuthorityList("ROLE_client"), idToken);
    }

    private static OidcLogoutToken logoutToken(String keycloakSession) {
        OidcLogoutToken.Builder token = OidcLogoutToken.withTokenValue("logout-token").subject(PERSON)
                .issuer("http://localhost:8080/auth/realms/securebase").audience(List.of("portal"))
                .issuedAt(Instant.now()).jti("jti-1");
        if (keycloakSession != null) {
            token.sessionId(keycloakSession);
        }
        return token.build();
    }

    private static List<String> ids(Iterable<OidcSessionInformation> found) {
        return StreamSupport.stream(found.spliterator(), false).map(OidcSessionInformation::getSessionId).toList();
    }
}
