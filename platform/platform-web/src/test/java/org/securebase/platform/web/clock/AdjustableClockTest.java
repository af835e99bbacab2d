package org.securebase.platform.web.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdjustableClockTest {

    private static final Instant START = Instant.parse("2026-12-03T18:00:00Z");

    @Test
    void runsWithItsBasePlusEveryAdvance() {
        AdjustableClock clock = new AdjustableClock(Clock.fixed(START, ZoneOffset.UTC));
        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.advance(Duration.ofDays(14))).isEqualTo(START.plus(Duration.ofDays(14)));
        clock.advance(Duration.ofHours(1));
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofDays(14)).plusSeconds(3600));
        assertThat(clock.offset()).isEqualTo(Duration.ofDays(14).plusHours(1));
    }

    @Test
    void aZonedCopyMovesWithTheOriginal() {
        AdjustableClock clock = new AdjustableClock(Clock.fixed(START, ZoneOffset.UTC));
        Clock chicago = clock.withZone(ZoneId.of("America/Chicago"));
        clock.advance(Duration.ofDays(1));
        assertThat(chicago.instant()).isEqualTo(START.plus(Duration.ofDays(1)));
        assertThat(chicago.getZone()).isEqualTo(ZoneId.of("America/Chicago"));
    }

    @Test
    void neverMovesBackwardsOrStandsStill() {
        AdjustableClock clock = new AdjustableClock(Clock.fixed(START, ZoneOffset.UTC));
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.advance(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.advance(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.instant()).isEqualTo(START);
    }
}
