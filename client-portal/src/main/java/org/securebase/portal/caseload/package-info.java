/**
 * The therapist's caseload with each client's adherence to their homework (from journal-service through {@link
 * org.securebase.portal.caseload.AdherenceApi}), and the submitted homework waiting for their feedback.
 */
package org.securebase.portal.caseload;
