package org.securebase.portal.assignment;

import jakarta.validation.constraints.Size;
import org.securebase.platform.contracts.JournalLimits;

import java.util.List;
import java.util.Optional;

/**
 * One answer as the client gave it: what homework.js autosaves, and what the whole homework form holds for each
 * prompt. A written answer is sent exactly as typed (line breaks as the browser counted them), or refused here when
 * it is longer than journal-service takes; it is never shortened.
 *
 * @param kind  the prompt's kind: TEXT, CHECKLIST or SCALE
 * @param text  the written answer, or null when the form had none for this prompt
 * @param check the ticked items of a checklist, or null when none came
 * @param value a scale's value as typed
 */
record AnswerForm(String kind,
                  @Size(max = JournalLimits.ANSWER, message = "homework.error.answer.long") String text,
                  List<String> check, String value) {

    AnswerForm {
        kind = kind == null ? "TEXT" : kind;
        // Not stripped: spaces and line breaks a client typed in an answer are theirs, as before the save.
        text = text == null ? null : text.replace("\r\n", "\n");
        check = check == null ? null : List.copyOf(check);
    }

    /** The answer saved for a prompt, as the form shows it. */
    static AnswerForm saved(Homework.Prompt prompt) {
        Homework.Answer answer = prompt.answer();
        if (answer == null) {
            return new AnswerForm(prompt.kind(), null, null, null);
        }
        return new AnswerForm(prompt.kind(), answer.text(), answer.checkedItemIds(),
                answer.value() == null ? null : answer.value().toString());
    }

    /**
     * The answer to send, or none when the form has nothing for this prompt. A checklist with nothing ticked is still
     * an answer when its checkboxes were on the form ({@code present}): unticking all is a choice.
     */
    Optional<Homework.AnswerRequest> request(boolean present) {
        return switch (kind) {
            case "TEXT" -> text == null ? Optional.empty() : Optional.of(new Homework.AnswerRequest(text, null, null));
            case "CHECKLIST" -> present || check != null
                    ? Optional.of(new Homework.AnswerRequest(null, check == null ? List.of() : check, null))
                    : Optional.empty();
            case "SCALE" -> scaleValue().map(v -> new Homework.AnswerRequest(null, null, v));
            default -> Optional.empty();
        };
    }

    /**
     * Whether the form holds an answer for this prompt: written text, a scale's value, or a checklist that was saved
     * or has something ticked. Public for the template, as {@link #ticks}.
     */
    public boolean answered() {
        return switch (kind) {
            case "TEXT" -> text != null && !text.isBlank();
            case "SCALE" -> scaleValue().filter(v -> v >= JournalLimits.SCALE_MIN && v <= JournalLimits.SCALE_MAX).isPresent();
            case "CHECKLIST" -> check != null;
            default -> false;
        };
    }

    /**
     * Whether submitting needs something more here. A checklist never does: the form always sends it, and nothing
     * ticked is an answer too.
     */
    public boolean missingForSubmit() {
        return !kind.equals("CHECKLIST") && !answered();
    }

    // Public: the template calls it through SpEL, which only sees public methods.
    public boolean ticks(String itemId) {
        return check != null && check.contains(itemId);
    }

    private Optional<Integer> scaleValue() {
        try {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "AnswerForm[kind=" + kind + "]";
    }
}
