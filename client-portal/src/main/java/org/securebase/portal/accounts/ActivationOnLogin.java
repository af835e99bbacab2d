package org.securebase.portal.accounts;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.forms.ReaderZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Optional;

/**
 * After each login, tells account-service who signed in ({@code GET /api/accounts/me}): an invited person's first
 * login is what turns their account active (and so, for a therapist, choosable for a caseload); the answer's time zone
 * is remembered for the session ({@link ReaderZone}), so every date is shown in the person's own. Then continues to
 * the page that asked for the login. When account-service is unreachable the login still succeeds; the next login
 * (or the next call of /me) activates the account.
 */
@Component
public class ActivationOnLogin implements AuthenticationSuccessHandler {

    private static final Logger log = LoggerFactory.getLogger(ActivationOnLogin.class);

    private final AccountsApi accounts;
    private final AuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();

    ActivationOnLogin(AccountsApi accounts) {
        this.accounts = accounts;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, ServletException {
        Fetched<Optional<Accounts.Me>> me = accounts.me();
        if (me.unavailable()) {
            log.warn("account-service did not answer /me after a login; an invited account stays invited until the next login");
        } else {
            me.value().ifPresent(known -> ReaderZone.remember(request, known.zone()));
        }
        next.onAuthenticationSuccess(request, response, authentication);
    }
}
