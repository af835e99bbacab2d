package org.securebase.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.HttpClientErrorException;

/**
 * When the person's tokens can no longer be used (refresh refused because the Keycloak session ended or the
 * account was deactivated, or an API says 401), the portal session is ended and the person is sent to log
 * in again, instead of seeing an error page.
 */
@ControllerAdvice
class LoginAgainAdvice {

    @ExceptionHandler({ClientAuthorizationException.class, HttpClientErrorException.Unauthorized.class})
    String loginAgain(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:/oauth2/authorization/" + PortalSecurityConfiguration.REGISTRATION_ID;
    }
}
