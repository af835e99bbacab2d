/**
 * Homework: the therapist assigns a reading with prompts; the client reads the pinned version of the article
 * beside the prompts, answers (autosaved), submits, and reads the therapist's feedback on an answer.
 * {@link org.securebase.portal.assignment.AssignmentsApi} is the client of journal-service's homework endpoints, with
 * its requests and answers ({@link org.securebase.portal.assignment.Homework}); the home pages and the caseload use it
 * too.
 */
package org.securebase.portal.assignment;
