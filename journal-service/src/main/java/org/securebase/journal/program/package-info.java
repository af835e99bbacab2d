/**
 * Programs: a therapist or an admin builds an ordered series of published readings, each with its homework prompts,
 * a delivery rule (at once, N days after the previous step was handed in, or on the next given weekday) and the days
 * the client has for it; a therapist enrols a client of their caseload with a reason. Each step becomes an ordinary
 * assignment when its rule fires (made through {@link org.securebase.journal.assignment.AssignmentIssuing}, pinned to
 * the article version current when the program was built). Pausing stops the steps until resumed; ending stops them.
 *
 * <p>Delivery is persistent and exactly once: the enrolment row holds when its next step is due, {@code
 * ProgramDeliveries} takes due rows with {@code for update skip locked}, and the {@code program_delivery} primary key
 * (enrolment, step) is written in the same transaction as the assignment, so neither a second instance nor a restart
 * can deliver a step twice. The previous step's hand-in ({@link org.securebase.journal.assignment.AssignmentHandedIn},
 * in process, in the submitting transaction) sets when the next one is due.
 *
 * <p>Owns tables {@code program}, {@code program_step}, {@code program_enrolment} and {@code program_delivery};
 * {@code /api/journal/programs/**} and {@code /api/journal/program-enrolments/**}. The enrolment's reason is clinical
 * text: sealed ({@code PROGRAM_REASON}), never in events or logs, shown to the client on each step's card.
 */
package org.securebase.journal.program;
