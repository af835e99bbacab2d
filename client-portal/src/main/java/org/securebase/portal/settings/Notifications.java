package org.securebase.portal.settings;

import java.util.Map;
import java.util.UUID;

/** account-service's notification records as the portal reads and sends them. */
public final class Notifications {

    private Notifications() {
    }

    /**
     * A person's preferences ({@code /api/accounts/me/notifications}), read and written whole.
     *
     * @param kinds            each kind of mail the person may switch, on or off, in the API's order
     * @param dueLeadDays      clients: 0, 1 or 2 days before homework is due
     * @param quietHours       null for none
     * @param handedInDelivery therapists: {@code DIGEST} or {@code IMMEDIATE}
     */
    public record Preferences(String zone, String language, Map<String, Boolean> kinds, Integer dueLeadDays,
                              String reminderTime, QuietHours quietHours, String handedInDelivery, String digestTime) {
    }

    public record QuietHours(String start, String end) {
    }

    /** What an unsubscribe link switched off. */
    /** Which kinds of mail one person gets, for an admin: on or off, never what any mail said. */
    public record Kinds(UUID accountId, Map<String, Boolean> kinds) {
    }

    public record Unsubscribed(String kind, boolean unsubscribed) {
    }
}
