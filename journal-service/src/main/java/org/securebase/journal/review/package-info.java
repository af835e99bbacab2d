/**
 * The review agenda: for one client of the calling therapist's caseload, what happened since the pair's last review,
 * to prepare the next session. Homework handed in (with answers, plan and rating), client replies to feedback not yet
 * answered, journal entries shared or changed, questionnaire results, and homework that fell overdue. Marking it
 * reviewed through the agenda's {@code generatedAt} starts the next "since", so nothing that arrived while the
 * therapist read it is lost.
 *
 * <p>Owns table {@code agenda_review} and {@code /api/journal/agenda/**} (therapists only; a client not on the caller's
 * caseload is not found). Reads the other features through their public history types, which audit every item shown
 * in the same transaction as the read, as any other read of those items.
 */
package org.securebase.journal.review;
