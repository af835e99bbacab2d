/**
 * The client's private journal: entries with a title, a body, an optional mood (1-5) and an optional link to one
 * of their assignments.
 *
 * <p>Owns table {@code journal_entry} and {@code /api/journal/entries/**} (the owner: create, read, update,
 * delete, share, unshare) and {@code /api/journal/shared-entries/**} (a therapist: the entries their current
 * clients shared with them). Entries are private until shared; sharing names the client's therapist at that
 * moment, so a later therapist does not inherit what was shared with the former one. Every therapist read is
 * audited in the same transaction. Title, body and mood are stored encrypted as one ciphertext.
 */
package org.securebase.journal.entry;
