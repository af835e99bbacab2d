/**
 * The versions assigned to clients: a local projection of journal-service's {@code AssignmentCreated}
 * events (topic {@code securebase.journal.assignments.v1}), table {@code pinned_reading}.
 *
 * <p>It exists for one rule: a client keeps reading the version of an article their assignment pinned even
 * after the article is retracted. Idempotent (keyed by assignment id, a replay changes nothing); a record
 * that cannot be read goes to the topic's dead-letter topic ({@code .dlt}) and the consumer moves on.
 */
package org.securebase.content.pinning;
