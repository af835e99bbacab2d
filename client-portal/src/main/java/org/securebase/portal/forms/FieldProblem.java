package org.securebase.portal.forms;

/**
 * What is wrong with one field of a form, as the template says it beside the field.
 *
 * @param key   the message key
 * @param limit the limit the message names ({@code {0}}), or 0 when it names none
 */
public record FieldProblem(String key, int limit) {

    /** Whether the message takes the limit as its argument (only then is it formatted, so apostrophes stay as written). */
    public boolean namesALimit() {
        return limit > 0;
    }
}
