package org.securebase.account.notification;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * The language someone was invited in becomes the language of their emails too, until they choose another on the
 * settings page: a person invited in Spanish should not get their first reminder in English. Everything else about
 * their preferences stays the practice's default.
 */
@Component
public class FirstLanguage {

    private final NotificationRepository repository;
    private final NotificationProperties properties;
    private final Clock clock;

    FirstLanguage(NotificationRepository repository, NotificationProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Records {@code language} ({@code en} or {@code es}) for a person who has no preferences yet; a choice already
     * made is kept. Joins the caller's transaction.
     */
    public void chosenAtInvitation(UUID accountId, String language) {
        if (!NotificationTemplates.LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("no emails are written in " + language);
        }
        repository.insertPreferencesIfAbsent(accountId,
                NotificationPreferences.defaults(properties.defaultZone(), language), clock.instant());
    }
}
