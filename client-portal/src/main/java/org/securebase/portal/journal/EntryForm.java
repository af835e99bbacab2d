package org.securebase.portal.journal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the client typed into the entry form, kept as typed so a form with a mistake comes back with every word
 * still there. The mood stays a string for the same reason: "9" must be shown and explained, not lost.
 *
 * @param title   optional; the first line of the body stands in when it is empty (journal-service needs a title)
 * @param body    the entry
 * @param mood    "" for none, else 1 to 5
 * @param share   share with the therapist right after saving (only on the "write" form)
 * @param version the entry version the edit form was opened on, to notice a change made meanwhile elsewhere
 */
record EntryForm(String title, String body, String mood, boolean share, Long version) {

    /** A title made from the first line is cut here: long enough to recognise the entry in a list. */
    static final int DERIVED_TITLE = 80;

    EntryForm {
        title = title == null ? "" : title;
        // Browsers send line breaks as CRLF but count them as one character against maxlength; count them as one
        // here too, so text the browser accepted is never refused as too long.
        body = body == null ? "" : body.replace("\r\n", "\n");
        mood = mood == null ? "" : mood.strip();
    }

    static EntryForm empty() {
        return new EntryForm("", "", "", false, null);
    }

    static EntryForm of(Journal.Entry entry) {
        return new EntryForm(entry.title(), entry.body(), entry.mood() == null ? "" : entry.mood().toString(),
                entry.shared(), entry.version());
    }

    /** Field name to message key, in the order of the form; empty when the form can be sent. */
    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (title.strip().length() > Journal.TITLE_MAX) {
            errors.put("title", "journal.error.title.long");
        }
        if (body.isBlank()) {
            errors.put("body", "journal.error.body.empty");
        } else if (body.strip().length() > Journal.BODY_MAX) {
            errors.put("body", "journal.error.body.long");
        }
        if (!mood.isEmpty() && moodValue() == null) {
            errors.put("mood", "journal.error.mood");
        }
        return errors;
    }

    /** The mood when it is one of the scale's values, else null. */
    Integer moodValue() {
        if (mood.isEmpty() || mood.length() > 2) {
            return null;
        }
        try {
            int value = Integer.parseInt(mood);
            return value >= Journal.MOOD_MIN && value <= Journal.MOOD_MAX ? value : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** The request for a valid form; {@code assignmentId} is the entry's existing link, kept on an edit. */
    Journal.EntryRequest request(UUID assignmentId) {
        String typedTitle = title.strip();
        return new Journal.EntryRequest(typedTitle.isEmpty() ? titleFrom(body) : typedTitle, body.strip(), moodValue(),
                assignmentId);
    }

    /** The first line that says something, cut at a word where possible. */
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
