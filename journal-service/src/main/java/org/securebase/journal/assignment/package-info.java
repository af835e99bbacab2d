/**
 * Assignments: a therapist assigns a client of their current caseload a published article, pinned to its
 * current version, with 1 to 20 prompts (free text, a checklist built from one of the article's lists, or a
 * 0-10 scale), an optional note and a due date; the client opens it, saves draft answers and submits.
 *
 * <p>Owns tables {@code assignment}, {@code assignment_prompt} and {@code answer};
 * {@code /api/journal/assignments/**} (except feedback) and {@code /api/journal/adherence}; and the topic
 * {@code securebase.journal.assignments.v1}, written through the events kit's transactional outbox.
 * Other features use {@link org.securebase.journal.assignment.AssignmentParticipation}. The workflow's steps, each
 * with the event that announces it, are methods of {@code Assignment}; who may read one is {@code AssignmentReaders}.
 *
 * <p>Status: ASSIGNED, then OPENED (the client first opened it), IN_PROGRESS (a draft answer saved), SUBMITTED,
 * REVIEWED (the therapist gave feedback). A client always reads their own assignments; a therapist reads the
 * assignments they made while the client is on their caseload, and sees answers only once submitted. Every
 * therapist read of an assignment is audited.
 *
 * <p>Feedback read: every feedback stamps {@code last_feedback_at}; the owning client's read of the feedback thread
 * (through {@link org.securebase.journal.assignment.AssignmentParticipation#openFeedbackThread}) stamps {@code feedback_seen_at}.
 * Feedback newer than that is "unread" ({@code unreadFeedback} in the views, a filter of the list). Not a status
 * and not an event.
 */
package org.securebase.journal.assignment;
