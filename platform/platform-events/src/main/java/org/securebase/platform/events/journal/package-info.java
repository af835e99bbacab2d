/**
 * Payload contracts of {@link org.securebase.platform.events.Topics#JOURNAL_ASSIGNMENTS}, owned by
 * journal-service. Only what other services already read is defined here; journal-service may add fields
 * (readers ignore unknown ones) but must not remove or rename these without a new schema version.
 */
package org.securebase.platform.events.journal;
