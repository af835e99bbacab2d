package org.securebase.portal.assignment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.securebase.platform.contracts.JournalLimits;
import org.securebase.portal.forms.FormText;

/** The client's reply to the therapist's feedback, as typed (without the blanks around it). */
record ReplyForm(@NotBlank(message = "feedback.error.empty")
                 @Size(max = JournalLimits.REPLY, message = "feedback.error.reply.long") String body) {

    ReplyForm {
        body = FormText.trimmed(body);
    }

    @Override
    public String toString() {
        return "ReplyForm[redacted]";
    }
}
