package org.securebase.portal.assignment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.securebase.platform.contracts.JournalLimits;
import org.securebase.portal.forms.FormText;

/** The therapist's feedback on one answer, as typed (without the blanks around it). */
record FeedbackForm(@NotBlank(message = "feedback.error.empty")
                    @Size(max = JournalLimits.FEEDBACK, message = "feedback.error.long") String body) {

    FeedbackForm {
        body = FormText.trimmed(body);
    }

    @Override
    public String toString() {
        return "FeedbackForm[redacted]";
    }
}
