package org.securebase.portal.forms;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The languages pages are written in, English and Spanish, chosen from the browser's Accept-Language: a Spanish
 * variant (es-MX, es-US) reads Spanish, any language the portal has no messages in reads English. So {@code lang} on
 * every page names the language its text is in, never one the browser asked for that the page is not in.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration {

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(PageLanguage.WRITTEN_IN);
        resolver.setDefaultLocale(PageLanguage.WRITTEN_IN.get(0));
        return resolver;
    }
}
