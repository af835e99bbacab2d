package org.securebase.portal.journal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.securebase.platform.contracts.JournalLimits;
import org.securebase.portal.forms.FormText;

import java.util.UUID;

/**
 * What the client typed into the entry form, kept as typed (without the blanks around it) so a form with a mistake
 * comes back with every word still there, and checked against journal-service's limits before anything is sent. The
 * mood and the version stay strings for the same reason: "9" must be shown and explained, not lost.
 *
 * @param title   optional; the first line of the body stands in when it is empty (journal-service needs a title)
 * @param body    the entry
 * @param mood    "" for none, else 1 to 5
 * @param share   share with the therapist right after saving (only on the "write" form)
 * @param version the entry version the edit form was opened on, to notice a change made meanwhile elsewhere
 */
record EntryForm(
        @Size(max = JournalLimits.TITLE, message = "journal.error.title.long") String title,
        @NotBlank(message = "journal.error.body.empty")
        @Size(max = JournalLimits.ENTRY_BODY, message = "journal.error.body.long") String body,
        @Pattern(regexp = "|[" + Journal.MOOD_MIN + "-" + Journal.MOOD_MAX + "]", message = "journal.error.mood") String mood,
        Boolean share,
        String version) {

    /** A title made from the first line is cut here: long enough to recognise the entry in a list. */
    static final int DERIVED_TITLE = 80;

    EntryForm {
        title = FormText.trimmed(title);
        body = FormText.trimmed(body);
        mood = mood == null ? "" : mood.strip();
        share = Boolean.TRUE.equals(share);
        version = version == null ? null : version.strip();
    }

    static EntryForm empty() {
        return new EntryForm("", "", "", false, null);
    }

    static EntryForm of(Journal.Entry entry) {
        return new EntryForm(entry.title(), entry.body(), entry.mood() == null ? "" : entry.mood().toString(),
                entry.shared(), Long.toString(entry.version()));
    }

    /** The same text and mood, as a form opened on another version of the entry. */
    EntryForm onVersion(long current) {
        return new EntryForm(title, body, mood, false, Long.toString(current));
    }

    /** The mood when it is one of the scale's values, else null. */
    Integer moodValue() {
        if (mood.length() != 1) {
            return null;
        }
        int value = mood.charAt(0) - '0';
        return value >= Journal.MOOD_MIN && value <= Journal.MOOD_MAX ? value : null;
    }

    /** The version the form was opened on, or null when it does not say one. */
    Long versionNumber() {
        try {
            return version == null || version.isEmpty() || version.length() > 19 ? null : Long.valueOf(version);
        } catch (NumberFormatException notAVersion) {
            return null;
        }
    }

    /** The request for a valid form; {@code assignmentId} is the entry's existing link, kept on an edit. */
    Journal.EntryRequest request(UUID assignmentId) {
        return new Journal.EntryRequest(title.isEmpty() ? titleFrom(body) : title, body, moodValue(), assignmentId);
    }

    /**
     * A title for an entry written without one: its first line that says something, shortened at a word if long. The
     * entry's text itself is sent whole; only this stand-in title is made short, as a list needs it.
     */
    static String titleFrom(String body) {
        String firstLine = body.strip().lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst()
                .orElse("");
        if (firstLine.length() <= DERIVED_TITLE) {
            return firstLine;
        }
        int cut = firstLine.lastIndexOf(' ', DERIVED_TITLE - 1);
        return firstLine.substring(0, cut > DERIVED_TITLE / 2 ? cut : DERIVED_TITLE - 1).stripTrailing() + "…";
    }

    @Override
    public String toString() {
        return "EntryForm[redacted]";
    }
}
