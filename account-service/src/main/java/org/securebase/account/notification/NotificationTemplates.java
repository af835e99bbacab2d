package org.securebase.account.notification;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a notification as a subject, a plain-text body and an HTML body, in the recipient's language, from
 * {@code mail/notification.txt}, {@code mail/notification.html} and {@code mail/messages_<language>.properties}.
 * The templates see only the practice's name, the recipient's first name, the kind's texts, a date or a count, and
 * the links: nothing else exists for them to show.
 */
@Component
class NotificationTemplates {

    static final Set<String> LANGUAGES = Set.of("en", "es");

    private final SpringTemplateEngine engine;
    private final ResourceBundleMessageSource messages;

    NotificationTemplates() {
        messages = new ResourceBundleMessageSource();
        messages.setBasename("mail/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        engine = new SpringTemplateEngine();
        engine.setTemplateEngineMessageSource(messages);
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setResolvablePatterns(Set.of("*" + suffix));
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    /**
     * @param when a due time, shown in the recipient's zone (null for kinds without one)
     */
    Rendered render(NotificationKind kind, NotificationPreferences preferences, String firstName, String practiceName,
                    Instant when, int count, String link, String unsubscribeLink, String settingsLink) {
        Locale locale = Locale.forLanguageTag(preferences.language());
        String date = when == null ? "" : DateTimeFormatter
                .ofPattern(messages.getMessage("date.pattern", null, locale), locale)
                .format(when.atZone(preferences.zone()));
        Object[] arguments = {practiceName, date, count};
        String key = kind.messageKey();
        Context context = new Context(locale, Map.of(
                "practiceName", practiceName,
                "firstName", firstName,
                "lead", messages.getMessage(key + ".lead", arguments, locale),
                "action", messages.getMessage(key + ".action", arguments, locale),
                "link", link,
                "unsubscribeLink", unsubscribeLink == null ? "" : unsubscribeLink,
                "settingsLink", settingsLink));
        String subject = messages.getMessage(key + ".subject", arguments, locale);
        return new Rendered(subject, engine.process("notification.txt", context), engine.process("notification.html", context));
    }

    record Rendered(String subject, String text, String html) {
    }
}
