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
 * @param remindAt  when they want to be reminded of it (before it is due), or null for their usual reminder time; a
 *                  time, not text, so it is a column of its own and may travel in an event
 * @param madeAt    when it was last saved
 */
record Plan(String whenWhere, String obstacle, String coping, Instant remindAt, Instant madeAt) {

    /** What is sealed: the plan without its time, which is a column of its own. */
    record Sealed(String whenWhere, String obstacle, String coping) {
    }

    @Override
    public String toString() {
        return "Plan[remindAt=" + remindAt + ", madeAt=" + madeAt + "]";
    }
}
