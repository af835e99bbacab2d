package org.securebase.account.notification;

import java.util.UUID;

import org.springframework.stereotype.Component;

/** Preferences as stored, or the practice's defaults for someone who never chose. */
@Component
class PreferencesStore {

    private final NotificationRepository repository;
    private final NotificationProperties properties;

    PreferencesStore(NotificationRepository repository, NotificationProperties properties) {
        this.repository = repository;
        this.properties = properties;
    }

    NotificationPreferences of(UUID accountId) {
        return repository.preferencesOf(accountId)
                .orElseGet(() -> NotificationPreferences.defaults(properties.defaultZone(), properties.defaultLanguage()));
    }
}
