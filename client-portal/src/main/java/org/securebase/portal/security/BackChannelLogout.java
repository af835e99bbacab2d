package org.securebase.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * Keycloak's back-channel logout: when a Keycloak session ends (the person signs out elsewhere, an admin ends their
 * sessions, or Keycloak expires it), Keycloak posts a signed logout token here and the portal sessions opened within
 * it end at once, with the tokens they hold. Spring Security has already checked the token (signature from the
 * realm's keys, issuer, audience, the back-channel logout event) before this runs.
 *
 * <p>Spring Security's own handler would replay a logout request into each session with its cookie, which needs the
 * cookie stored beside the session; deleting the session from the shared store needs nothing of the kind.
 */
final class BackChannelLogout implements LogoutHandler {

    private static final Logger log = LoggerFactory.getLogger(BackChannelLogout.class);

    private final SessionStoreOidcSessions sessions;

    BackChannelLogout(SessionStoreOidcSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (!(authentication != null && authentication.getPrincipal() instanceof OidcLogoutToken logoutToken)) {
            return;
        }
        int ended = 0;
        for (OidcSessionInformation session : sessions.removeSessionInformation(logoutToken)) {
            sessions.end(session);
            ended++;
        }
        log.info("Back-channel logout ended {} portal session(s)", ended);
    }
}
