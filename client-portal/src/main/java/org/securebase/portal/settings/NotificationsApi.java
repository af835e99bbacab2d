package org.securebase.portal.settings;

import java.util.Optional;
import java.util.UUID;

import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.api.PublicApi;
import org.securebase.portal.api.Sent;
import org.springframework.stereotype.Component;

/** account-service's notification preferences and the mails' unsubscribe link. */
@Component
public class NotificationsApi {

    private final PlatformApi api;
    private final PublicApi anonymous;

    public NotificationsApi(PlatformApi api, PublicApi anonymous) {
        this.api = api;
        this.anonymous = anonymous;
    }

    public Fetched<Optional<Notifications.Preferences>> mine() {
        return api.get(uri -> uri.path("/api/accounts/me/notifications").build(), Notifications.Preferences.class);
    }

    /** For an admin: which kinds of mail the person gets; empty when there is no such account. */
    public Fetched<Optional<Notifications.Kinds>> kindsOf(UUID accountId) {
        return api.get(uri -> uri.path("/api/accounts/{id}/notifications").build(accountId), Notifications.Kinds.class);
    }

    /** Saves all of them; a refusal names each wrong field in {@link Sent#violations()}. */
    public Sent<Notifications.Preferences> save(Notifications.Preferences preferences) {
        return api.put(uri -> uri.path("/api/accounts/me/notifications").build(), preferences,
                Notifications.Preferences.class);
    }

    /**
     * Switches off the kind the mail's token names, without anyone's token: whoever opened the mail may not be
     * signed in, and the token is what proves the mail was theirs. Refused (400) when the token is not valid.
     */
    public Sent<Notifications.Unsubscribed> unsubscribe(String token) {
        // As a URI variable, so it is encoded whole: a literal "+" in a query would arrive as a space.
        return anonymous.post(uri -> uri.path("/api/accounts/notifications/unsubscribe").queryParam("token", "{token}")
                .build(token), Notifications.Unsubscribed.class);
    }
}
