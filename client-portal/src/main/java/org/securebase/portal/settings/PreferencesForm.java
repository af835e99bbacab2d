package org.securebase.portal.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.securebase.portal.api.Sent;
import org.securebase.portal.forms.FieldProblem;

/**
 * The notification settings form, exactly as the browser sent it (so a refused save shows every value again). A
 * field that is null was not in the preferences account-service gave, and goes back as null; {@code kinds} are the
 * kinds the page offered (hidden fields), {@code on} the ones ticked, because an unticked checkbox sends nothing.
 * account-service checks every value; the portal does not repeat its rules.
 */
public record PreferencesForm(String zone, String language, List<String> kinds, List<String> on, String dueLeadDays,
                              String reminderTime, String quietStart, String quietEnd, String handedInDelivery,
                              String digestTime) {

    /** Kinds whose mail comes at the reminder time (and not in quiet hours). */
    private static final Set<String> REMINDERS = Set.of("HOMEWORK_DUE", "HOMEWORK_OVERDUE", "QUESTIONNAIRE_DUE");

    /** The form's fields in the order of the page, each the API's field names that land on it. */
    private static final List<String> FIELDS = List.of("zone", "language", "kinds", "dueLeadDays", "reminderTime",
            "quietStart", "quietEnd", "handedInDelivery", "digestTime");

    public PreferencesForm {
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        on = on == null ? List.of() : List.copyOf(on);
    }

    static PreferencesForm of(Notifications.Preferences preferences) {
        Map<String, Boolean> kinds = preferences.kinds() == null ? Map.of() : preferences.kinds();
        Notifications.QuietHours quiet = preferences.quietHours();
        return new PreferencesForm(preferences.zone(), preferences.language(), List.copyOf(kinds.keySet()),
                kinds.entrySet().stream().filter(kind -> Boolean.TRUE.equals(kind.getValue())).map(Map.Entry::getKey)
                        .toList(),
                preferences.dueLeadDays() == null ? null : String.valueOf(preferences.dueLeadDays()),
                preferences.reminderTime(), quiet == null ? "" : quiet.start(), quiet == null ? "" : quiet.end(),
                preferences.handedInDelivery(), preferences.digestTime());
    }

    /** The preferences to save: every offered kind on or off, no quiet hours when both times are left empty. */
    Notifications.Preferences request() {
        Map<String, Boolean> switched = new LinkedHashMap<>();
        kinds.forEach(kind -> switched.put(kind, on.contains(kind)));
        boolean quiet = !blank(quietStart) || !blank(quietEnd);
        return new Notifications.Preferences(trimmed(zone), language, switched, number(dueLeadDays), trimmed(reminderTime),
                quiet ? new Notifications.QuietHours(trimmed(quietStart), trimmed(quietEnd)) : null, handedInDelivery,
                trimmed(digestTime));
    }

    public boolean isOn(String kind) {
        return on.contains(kind);
    }

    /** Clients: how many days before homework is due its reminder comes, with that reminder offered. */
    public boolean showsLeadDays() {
        return dueLeadDays != null && kinds.contains("HOMEWORK_DUE");
    }

    /** The reminder time and quiet hours, for a person offered any reminder. */
    public boolean showsReminders() {
        return reminderTime != null && kinds.stream().anyMatch(REMINDERS::contains);
    }

    /** Therapists: how handed-in homework is announced, with that mail offered. */
    public boolean showsHandedIn() {
        return handedInDelivery != null && kinds.contains("HOMEWORK_HANDED_IN");
    }

    /**
     * The API's field violations as one problem per field of this form, in the order of the page, each with the
     * portal's own text (the API's is English and names its fields, not the page's). A field the form does not have
     * is left out: the page shows the API's detail as well.
     */
    static Map<String, FieldProblem> problems(List<Sent.Violation> violations) {
        Map<String, FieldProblem> found = new LinkedHashMap<>();
        for (String field : FIELDS) {
            if (violations.stream().anyMatch(violation -> field.equals(formField(violation.field())))) {
                found.put(field, new FieldProblem("settings.error." + field, 0));
            }
        }
        return found;
    }

    private static String formField(String apiField) {
        if (apiField.startsWith("kinds.")) {
            return "kinds";
        }
        return switch (apiField) {
            case "quietHours.start" -> "quietStart";
            case "quietHours.end" -> "quietEnd";
            default -> apiField;
        };
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trimmed(String value) {
        return value == null ? null : value.strip();
    }

    /** Not a number goes as null, which the API names as wrong, so the person sees it beside the field. */
    private static Integer number(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
