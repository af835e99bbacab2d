/**
 * Programs (journal-service's {@code /api/journal/programs} and {@code /program-enrolments}, through {@link
 * org.securebase.portal.program.ProgramsApi}): therapists and admins build a series of published readings with their
 * homework and delivery rules; a therapist enrols a client of their caseload and pauses, resumes or ends the
 * enrolment. The steps reach the client as ordinary homework.
 */
package org.securebase.portal.program;
