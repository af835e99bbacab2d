/**
 * The conversation on a submitted assignment: the therapist's feedback on a specific answer and the client's
 * replies to it.
 *
 * <p>Owns tables {@code feedback} and {@code feedback_reply} and the endpoints
 * {@code /api/journal/assignments/{id}/answers/{answerId}/feedback},
 * {@code /api/journal/assignments/{id}/feedback} and {@code .../feedback/{feedbackId}/replies}. Who may take
 * part is asked of the assignment feature ({@link org.securebase.journal.assignment.AssignmentParticipation}); giving
 * feedback marks the assignment reviewed and announces {@code FeedbackGiven} (ids only) through the outbox.
 * Text is encrypted, bound to the row id and the client.
 */
package org.securebase.journal.feedback;
