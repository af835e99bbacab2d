/**
 * Measurement-based care: standardised questionnaires (PHQ-9, GAD-7) that a therapist assigns to a client of their
 * current caseload, once or on a schedule, and that the server scores.
 *
 * <p>Instruments are data, not code: one versioned JSON definition per instrument under
 * {@code classpath:measures/} (items, options, scoring bands, LOINC codes, the safety item, the reliable-change
 * threshold), read by {@code Instruments}; a third instrument is a new file. {@code Scoring} turns the answers of a
 * definition into a total, a band, the change since the first and the previous result and the reliable-change and
 * response markers (docs/measures.md gives the thresholds and their sources).
 *
 * <p>Owns the tables {@code measure_schedule}, {@code measure_instance} and {@code measure_response} and
 * {@code /api/journal/measures/**}. Responses and scores are clinical data: stored as AEAD ciphertexts bound to their
 * row and client (the {@code MEASURE_RESPONSE} field of the service's cipher), read by the client and their current
 * therapist only, every therapist read audited, never in events or logs.
 */
package org.securebase.journal.measure;
