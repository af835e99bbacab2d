package org.securebase.portal.forms;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The languages pages are written in, English and Spanish. A signed-in person reads the language Keycloak keeps for
 * them (its {@code locale} attribute, the ID token's {@code locale} claim: set at the invitation, changed on the sign-in
 * page or in the portal's settings, so chosen once and remembered everywhere; a change in the settings counts from the
 * next page, through the session); anyone else reads the browser's Accept-Language, a Spanish variant
 * (es-MX, es-US) as Spanish and any language the portal has no messages in as English. So {@code lang} on every page
 * names the language its text is in, never one the browser asked for that the page is not in.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration {

    @Bean
    LocaleResolver localeResolver() {
        PersonsLanguage resolver = new PersonsLanguage();
        resolver.setSupportedLocales(PageLanguage.WRITTEN_IN);
        resolver.setDefaultLocale(PageLanguage.WRITTEN_IN.get(0));
        return resolver;
    }

    /** The person's own language when they are signed in and have one the portal is written in; else the browser's. */
    static final class PersonsLanguage extends AcceptHeaderLocaleResolver {

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
                HttpSession session = request.getSession(false);
                String chosen = session != null && session.getAttribute(PageLanguage.CHOSEN) instanceof String saved
                        ? saved : user.getClaimAsString("locale");
                if (chosen != null) {
                    String language = Locale.forLanguageTag(chosen).getLanguage();
                    for (Locale written : PageLanguage.WRITTEN_IN) {
                        if (written.getLanguage().equals(language)) {
                            return written;
                        }
                    }
                }
            }
            return super.resolveLocale(request);
        }
    }
}
