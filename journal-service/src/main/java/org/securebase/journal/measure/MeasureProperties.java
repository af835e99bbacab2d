package org.securebase.journal.measure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param crisisText    what the client reads right after submitting a result that needs attention: the practice's own
 *                      words and numbers; the default names emergency services and a crisis line, so a practice that
 *                      has set nothing still shows something useful
 * @param dueInterval   how often the periodic task makes the instances that came due
 * @param fhirBase      where the FHIR documents' canonical urls start (the Questionnaires' {@code url})
 */
@ConfigurationProperties("securebase.journal.measures")
public record MeasureProperties(
        @DefaultValue("If you are thinking about harming yourself or feel you might act on such thoughts, please get "
                + "help now: call your local emergency number (112 in Europe, 911 in North America, 999 in the UK) or "
                + "go to the nearest emergency department. You can also call or text a crisis line at any hour, for "
                + "example 988 (Suicide & Crisis Lifeline, US) or 116 123 (Samaritans, UK and Ireland). Your therapist "
                + "has been told that your answers need attention.") String crisisText,
        @DefaultValue("PT1M") Duration dueInterval,
        @DefaultValue("http://localhost:8080/fhir") String fhirBase) {
}
