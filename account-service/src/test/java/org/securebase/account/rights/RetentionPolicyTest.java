package org.securebase.account.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    static final Instant CLOSED = Instant.parse("2026-03-10T14:00:00Z");
    static final Instant SEVEN_YEARS_ON = Instant.parse("2033-03-10T14:00:00Z");

    static RetentionPolicy at(Instant now, int years) {
        return new RetentionPolicy(new RetentionProperties(years), Clock.fixed(now, ZoneOffset.UTC));
    }

    static LegalHold hold(boolean inForce) {
        return new LegalHold(UUID.randomUUID(), UUID.randomUUID(), "Matter 2026-14", UUID.randomUUID(), CLOSED,
                inForce ? null : UUID.randomUUID(), inForce ? null : CLOSED.plusSeconds(60));
    }

    @Test
    void aClosedRecordIsKeptForTheConfiguredYearsFromItsClosureAndNotASecondLess() {
        assertThat(at(CLOSED, 7).keepUntil(CLOSED)).isEqualTo(SEVEN_YEARS_ON);
        assertThat(at(SEVEN_YEARS_ON.minusSeconds(1), 7).standing(CLOSED, List.of()).erasable()).isFalse();
        RetentionStanding due = at(SEVEN_YEARS_ON, 7).standing(CLOSED, List.of());
        assertThat(due.erasable()).isTrue();
        assertThat(due.keepUntil()).isEqualTo(SEVEN_YEARS_ON);
        assertThat(due.retentionYears()).isEqualTo(7);
    }

    @Test
    void aHoldInForceKeepsTheRecordPastItsPeriodAndALiftedOneDoesNot() {
        Instant longAfter = SEVEN_YEARS_ON.plusSeconds(86_400L * 365);
        RetentionStanding held = at(longAfter, 7).standing(CLOSED, List.of(hold(false), hold(true)));
        assertThat(held.onHold()).isTrue();
        assertThat(held.erasable()).isFalse();
        RetentionStanding lifted = at(longAfter, 7).standing(CLOSED, List.of(hold(false)));
        assertThat(lifted.onHold()).isFalse();
        assertThat(lifted.erasable()).isTrue();
    }

    @Test
    void anOpenAccountIsAlwaysKept() {
        RetentionStanding open = at(Instant.parse("2100-01-01T00:00:00Z"), 0).standing(null, List.of());
        assertThat(open.erasable()).isFalse();
        assertThat(open.keepUntil()).isNull();
    }

    @Test
    void withNoRetentionTheRecordMayGoAtOnceAndTheTwentyNinthOfFebruaryEndsOnTheTwentyEighth() {
        assertThat(at(CLOSED, 0).standing(CLOSED, List.of()).erasable()).isTrue();
        Instant leapDay = Instant.parse("2028-02-29T09:00:00Z");
        assertThat(at(leapDay, 1).keepUntil(leapDay)).isEqualTo(Instant.parse("2029-02-28T09:00:00Z"));
    }

    @Test
    void aNegativeOrAbsurdPeriodIsRefusedAtStart() {
        assertThatThrownBy(() -> new RetentionProperties(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetentionProperties(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
