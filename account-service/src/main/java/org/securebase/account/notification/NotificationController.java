package org.securebase.account.notification;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.securebase.account.account.AccountSnapshot;
import org.securebase.account.account.Accounts;
import org.securebase.account.caseload.Caseloads;
import org.securebase.account.keycloak.KeycloakDirectory;
import org.securebase.platform.security.Caller;
import org.securebase.platform.security.Role;
import org.securebase.platform.web.problem.BadRequestException;
import org.securebase.platform.web.problem.FieldViolation;
import org.securebase.platform.web.problem.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in person's notification preferences, an admin's view of which kinds someone has on (never what was
 * sent), and the one-click unsubscribe a mail client posts without a session (RFC 8058).
 */
@RestController
class NotificationController {

    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final Set<String> DELIVERIES = Set.of("DIGEST", "IMMEDIATE");

    private final Notifications notifications;
    private final Accounts accounts;
    private final UnsubscribeLinks links;
    private final Caseloads caseloads;
    private final KeycloakDirectory keycloak;

    NotificationController(Notifications notifications, Accounts accounts, UnsubscribeLinks links, Caseloads caseloads,
                           KeycloakDirectory keycloak) {
        this.caseloads = caseloads;
        this.keycloak = keycloak;
        this.notifications = notifications;
        this.accounts = accounts;
        this.links = links;
    }

    /**
     * @param kinds            each kind the person may switch, on or off (kinds of another role are not listed)
     * @param dueLeadDays      0 (on the due day), 1 or 2 days before; the reminder itself is switched by HOMEWORK_DUE
     * @param reminderTime     the time of day reminders come, {@code HH:mm} in {@code zone}
     * @param quietHours       no reminder between these times; null for none
     * @param handedInDelivery therapists: {@code DIGEST} (one mail a day at {@code digestTime}) or {@code IMMEDIATE}
     */
    record PreferencesView(String zone, String language, Map<String, Boolean> kinds, Integer dueLeadDays,
                           String reminderTime, QuietHours quietHours, String handedInDelivery, String digestTime) {
    }

    record QuietHours(String start, String end) {
    }

    record KindsView(UUID accountId, Map<String, Boolean> kinds) {
    }

    record Unsubscribed(String kind, boolean unsubscribed) {
    }

    @GetMapping("/api/accounts/me/notifications")
    PreferencesView mine(Caller caller) {
        AccountSnapshot me = accounts.find(caller.id()).orElseThrow(NotFoundException::new);
        return view(me.role(), notifications.preferencesOf(me.id()));
    }

    @PutMapping("/api/accounts/me/notifications")
    PreferencesView change(Caller caller, @RequestBody PreferencesView request) {
        AccountSnapshot me = accounts.find(caller.id()).orElseThrow(NotFoundException::new);
        NotificationPreferences before = notifications.preferencesOf(me.id());
        NotificationPreferences changed = validated(me.role(), before, request);
        if (!changed.language().equals(before.language())) {
            // Keycloak first: when it cannot be told, the answer is 503 and nothing changes, so mails and Keycloak's
            // pages never disagree about the person's language.
            keycloak.setLocale(me.id(), changed.language());
        }
        notifications.savePreferences(me.id(), changed);
        return view(me.role(), changed);
    }

    /**
     * The time zone of a client on the calling therapist's caseload, so that homework assigned to them is due at the
     * end of the day in their zone, not the therapist's. 404 for anyone not on the caller's caseload.
     */
    @GetMapping("/api/accounts/caseload/{clientId}/zone")
    ZoneView zoneOfClient(@PathVariable UUID clientId, Caller therapist) {
        caseloads.currentOf(clientId).filter(assignment -> assignment.therapistId().equals(therapist.id()))
                .orElseThrow(NotFoundException::new);
        return new ZoneView(clientId, notifications.preferencesOf(clientId).zone().getId());
    }

    record ZoneView(UUID accountId, String zone) {
    }

    @GetMapping("/api/accounts/{id}/notifications")
    KindsView kindsOf(@PathVariable UUID id) {
        AccountSnapshot account = accounts.find(id).orElseThrow(NotFoundException::new);
        return new KindsView(id, kinds(account.role(), notifications.preferencesOf(id)));
    }

    /** Idempotent: a second post of the same link answers the same. */
    @PostMapping("/api/accounts/notifications/unsubscribe")
    Unsubscribed unsubscribe(@RequestParam(name = "token", required = false) String token) {
        UnsubscribeLinks.Unsubscribe unsubscribe = links.verify(token)
                .orElseThrow(() -> new BadRequestException("This unsubscribe link is not valid."));
        if (accounts.find(unsubscribe.accountId()).isEmpty()) {
            throw new BadRequestException("This unsubscribe link is not valid.");
        }
        notifications.switchOff(unsubscribe.accountId(), unsubscribe.kind());
        return new Unsubscribed(unsubscribe.kind().name(), true);
    }

    private static PreferencesView view(Role role, NotificationPreferences p) {
        return new PreferencesView(p.zone().getId(), p.language(), kinds(role, p), p.dueLeadDays(),
                p.reminderTime().toString(),
                p.quietStart() == null ? null : new QuietHours(p.quietStart().toString(), p.quietEnd().toString()),
                p.handedInDigest() ? "DIGEST" : "IMMEDIATE", p.digestTime().toString());
    }

    private static Map<String, Boolean> kinds(Role role, NotificationPreferences preferences) {
        Map<String, Boolean> kinds = new LinkedHashMap<>();
        for (NotificationKind kind : switchableFor(role)) {
            kinds.put(kind.name(), preferences.wants(kind));
        }
        return kinds;
    }

    private static List<NotificationKind> switchableFor(Role role) {
        return EnumSet.allOf(NotificationKind.class).stream()
                .filter(kind -> kind.switchable() && kind.recipientRole() == role).toList();
    }

    /** The request as preferences, or a 400 naming every field that is wrong. Kinds not named keep their setting. */
    private static NotificationPreferences validated(Role role, NotificationPreferences current, PreferencesView request) {
        if (request == null) {
            throw new BadRequestException("A body with the preferences is required.");
        }
        List<FieldViolation> violations = new ArrayList<>();
        ZoneId zone = null;
        if (request.zone() == null || !ZoneId.getAvailableZoneIds().contains(request.zone())) {
            violations.add(new FieldViolation("zone", "must be a time zone such as America/New_York"));
        } else {
            zone = ZoneId.of(request.zone());
        }
        if (request.language() == null || !NotificationTemplates.LANGUAGES.contains(request.language())) {
            violations.add(new FieldViolation("language", "must be en or es"));
        }
        EnumSet<NotificationKind> disabled = current.disabled().isEmpty() ? EnumSet.noneOf(NotificationKind.class)
                : EnumSet.copyOf(current.disabled());
        List<NotificationKind> switchable = switchableFor(role);
        if (request.kinds() != null) {
            request.kinds().forEach((name, on) -> {
                NotificationKind kind = switchable.stream().filter(k -> k.name().equals(name)).findFirst().orElse(null);
                if (kind == null) {
                    violations.add(new FieldViolation("kinds." + name, "is not a kind of notification you can switch"));
                } else if (on == null) {
                    violations.add(new FieldViolation("kinds." + name, "must be true or false"));
                } else if (on) {
                    disabled.remove(kind);
                } else {
                    disabled.add(kind);
                }
            });
        }
        if (request.dueLeadDays() == null || request.dueLeadDays() < 0 || request.dueLeadDays() > 2) {
            violations.add(new FieldViolation("dueLeadDays", "must be 0, 1 or 2"));
        }
        LocalTime reminderTime = time(request.reminderTime(), "reminderTime", violations);
        LocalTime digestTime = time(request.digestTime(), "digestTime", violations);
        LocalTime quietStart = null;
        LocalTime quietEnd = null;
        if (request.quietHours() != null) {
            quietStart = time(request.quietHours().start(), "quietHours.start", violations);
            quietEnd = time(request.quietHours().end(), "quietHours.end", violations);
            if (quietStart != null && quietStart.equals(quietEnd)) {
                violations.add(new FieldViolation("quietHours.end", "must differ from the start"));
            }
        }
        if (request.handedInDelivery() == null || !DELIVERIES.contains(request.handedInDelivery())) {
            violations.add(new FieldViolation("handedInDelivery", "must be DIGEST or IMMEDIATE"));
        }
        if (!violations.isEmpty()) {
            throw new BadRequestException("The preferences have invalid fields.", violations);
        }
        return new NotificationPreferences(zone, request.language(), disabled, request.dueLeadDays(), reminderTime,
                quietStart, quietEnd, "DIGEST".equals(request.handedInDelivery()), digestTime);
    }

    private static LocalTime time(String value, String field, List<FieldViolation> violations) {
        if (value == null || !TIME.matcher(value).matches()) {
            violations.add(new FieldViolation(field, "must be a time of day as HH:mm, 00:00 to 23:59"));
            return null;
        }
        return LocalTime.parse(value);
    }
}
