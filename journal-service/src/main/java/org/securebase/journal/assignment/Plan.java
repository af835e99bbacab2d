package org.securebase.journal.assignment;

import java.time.Instant;

/**
 * The client's plan for a homework, made when they first open it if they choose to: when and where they will do it
 * ("after dinner on Tuesday, at the kitchen table"), what might get in the way, and what they will do then. Clinical
 * text: sealed in the assignment's row, never in an event or a mail.
 *
 * @param whenWhere when and where (required)
 * @param obstacle  what might get in the way, or null
 * @param coping    what they will do then, or null
 * @param madeAt    when it was last saved
 */
record Plan(String whenWhere, String obstacle, String coping, Instant madeAt) {

    /** What is sealed: the plan without its time, which is a column of its own. */
    record Sealed(String whenWhere, String obstacle, String coping) {
    }

    @Override
    public String toString() {
        return "Plan[madeAt=" + madeAt + "]";
    }
}
