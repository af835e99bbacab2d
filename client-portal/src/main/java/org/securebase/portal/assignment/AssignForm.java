package org.securebase.portal.assignment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.securebase.platform.contracts.JournalLimits;
import org.securebase.portal.forms.FormText;

import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The therapist's assignment form as typed (without the blanks around each text).
 *
 * @param client   whom to assign the reading to
 * @param article  the chosen article's slug
 * @param question a question to answer in writing, or empty
 * @param followUp a second one, or empty
 * @param scale    a question to answer from 0 to 10, or empty
 * @param listId   the article's list to turn into a checklist, or null
 * @param due      the day it is due (at the end of that day in the practice's time zone)
 * @param note     a note for the client, or empty
 * @param reason   why this homework matters for this client (shown to them at the top of it), or empty
 * @param obstacle what might get in the way, as discussed, or empty
 */
record AssignForm(
        @NotNull(message = "assign.error.client") UUID client,
        String article,
        @Size(max = JournalLimits.QUESTION, message = "assign.error.question.long") String question,
        @Size(max = JournalLimits.QUESTION, message = "assign.error.followUp.long") String followUp,
        @Size(max = JournalLimits.QUESTION, message = "assign.error.scale.long") String scale,
        String listId,
        @NotNull(message = "assign.error.due") LocalDate due,
        @Size(max = JournalLimits.NOTE, message = "assign.error.note.long") String note,
        @Size(max = JournalLimits.REASON, message = "assign.error.reason.long") String reason,
        @Size(max = JournalLimits.OBSTACLE, message = "assign.error.obstacle.long") String obstacle) {

    AssignForm {
        article = article == null ? "" : article.strip();
        question = FormText.trimmed(question);
        followUp = FormText.trimmed(followUp);
        scale = FormText.trimmed(scale);
        listId = listId == null || listId.isBlank() ? null : listId.strip();
        note = FormText.trimmed(note);
        reason = FormText.trimmed(reason);
        obstacle = FormText.trimmed(obstacle);
    }

    /** Whether the form asks the client anything: homework without a prompt cannot be answered. */
    boolean hasPrompt() {
        return Stream.of(question, followUp, scale).anyMatch(text -> !text.isEmpty()) || listId != null;
    }
}
