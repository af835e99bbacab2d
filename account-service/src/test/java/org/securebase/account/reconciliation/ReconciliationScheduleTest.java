package org.securebase.account.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The start-up and scheduled runs: on when enabled, off when not, and a failing Keycloak does not stop start-up. */
class ReconciliationScheduleTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-31T09:30:00Z"), ZoneOffset.UTC);
    private static final ReconciliationReport NOTHING = new ReconciliationReport(3, 0, 0, 0, 0, 0, 0, 0);

    private final Reconciliation reconciliation = mock(Reconciliation.class);

    @Test
    void runsWhenTheServiceIsReadyAndRemembersThatRun() {
        when(reconciliation.runUnlessRunning()).thenReturn(Optional.of(NOTHING));
        ReconciliationSchedule schedule = schedule(true);

        schedule.onStartup();

        verify(reconciliation).runUnlessRunning();
        assertThat(schedule.startupRun()).contains(new ReconciliationSchedule.CompletedRun(CLOCK.instant(), NOTHING));
    }

    @Test
    void aKeycloakThatIsNotUpYetDoesNotFailStartUp() {
        when(reconciliation.runUnlessRunning()).thenThrow(new IllegalStateException("connection refused"));
        ReconciliationSchedule schedule = schedule(true);

        schedule.onStartup();

        assertThat(schedule.startupRun()).isEmpty();
    }

    @Test
    void doesNothingWhenDisabled() {
        ReconciliationSchedule schedule = schedule(false);

        schedule.onStartup();
        schedule.onSchedule();

        verify(reconciliation, never()).runUnlessRunning();
    }

    private ReconciliationSchedule schedule(boolean enabled) {
        return new ReconciliationSchedule(reconciliation,
                new ReconciliationProperties(enabled, Duration.ofMinutes(5), Duration.ofMinutes(2), 100), CLOCK);
    }
}
