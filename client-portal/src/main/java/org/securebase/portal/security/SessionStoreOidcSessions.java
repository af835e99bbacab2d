package org.securebase.portal.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which portal sessions a Keycloak session stands behind, answered from the portal's own session store rather than a
 * second registry. Spring Session already indexes every session by its principal name (the person's {@code sub}) and
 * keeps the ID token, whose {@code sid} names the Keycloak session; so every portal instance can answer for every
 * session, and no extra table holds session ids next to the people they belong to. Spring Security's default
 * registry is per instance and in memory: a logout arriving at another replica would find nothing.
 */
final class SessionStoreOidcSessions implements OidcSessionRegistry {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SessionStoreOidcSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Nothing to copy: the session store records the session and its ID token when the login is saved. */
    @Override
    public void saveSessionInformation(OidcSessionInformation info) {
    }

    /** Nothing was copied, so there is nothing to forget; the session store drops a session it ends itself. */
    @Override
    public OidcSessionInformation removeSessionInformation(String clientSessionId) {
        return null;
    }

    /**
     * The sessions of the logout token's subject that were opened within its Keycloak session ({@code sid}); every
     * session of the subject when the token names none (Keycloak then logs the person out everywhere).
     */
    @Override
    public Iterable<OidcSessionInformation> removeSessionInformation(OidcLogoutToken logoutToken) {
        String keycloakSession = logoutToken.getSessionId();
        List<OidcSessionInformation> matching = new ArrayList<>();
        for (Map.Entry<String, ? extends Session> entry : sessions.findByPrincipalName(logoutToken.getSubject()).entrySet()) {
            oidcUser(entry.getValue())
                    .filter(user -> keycloakSession == null || keycloakSession.equals(user.getIdToken().getClaimAsString("sid")))
                    .ifPresent(user -> matching.add(new OidcSessionInformation(entry.getKey(), Map.of(), user)));
        }
        return matching;
    }

    /** Ends a session found by {@link #removeSessionInformation(OidcLogoutToken)}, wherever it was opened. */
    void end(OidcSessionInformation session) {
        sessions.deleteById(session.getSessionId());
    }

    private static Optional<OidcUser> oidcUser(Session session) {
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (context instanceof SecurityContext securityContext) {
            Authentication authentication = securityContext.getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
                return Optional.of(user);
            }
        }
        return Optional.empty();
    }
}
