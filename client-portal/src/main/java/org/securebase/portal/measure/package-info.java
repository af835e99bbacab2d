/**
 * Standardised measures (PHQ-9, GAD-7) on the portal: the client answers one radio group per item and submits, and
 * reads the practice's crisis text when the result needs attention; the therapist assigns a measure to a client,
 * reads the results and acknowledges a result that needs attention. Scoring is journal-service's
 * ({@code /api/journal/measures}); the portal only shows what it answers.
 */
package org.securebase.portal.measure;
