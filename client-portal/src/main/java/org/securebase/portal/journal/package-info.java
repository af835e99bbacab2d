/**
 * The journal pages: a client writes, edits, deletes and shares entries and sees their mood over time; a
 * therapist reads the entries their clients chose to share with them. {@link org.securebase.portal.journal.JournalApi}
 * is the client of journal-service's entry endpoints, with its requests and answers
 * ({@link org.securebase.portal.journal.Journal}). journal-service owns the entries, decides who may see what and
 * audits the therapist's reads; the portal only shows and forwards.
 */
package org.securebase.portal.journal;
