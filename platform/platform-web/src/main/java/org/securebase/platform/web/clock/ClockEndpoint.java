package org.securebase.platform.web.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code GET /actuator/clock} tells the service's now; {@code POST /actuator/clock} with {@code {"advance":"PT24H"}}
 * (an ISO-8601 duration) moves it forward. On the management port, and only where the clock is adjustable.
 */
@Endpoint(id = "clock")
public class ClockEndpoint {

    private final AdjustableClock clock;

    public ClockEndpoint(AdjustableClock clock) {
        this.clock = clock;
    }

    @ReadOperation
    public Now now() {
        return new Now(clock.instant(), clock.offset().toString());
    }

    @WriteOperation
    public Now advance(String advance) {
        Duration amount;
        try {
            amount = Duration.parse(advance);
        } catch (DateTimeParseException e) {
            throw new InvalidEndpointRequestException("advance must be an ISO-8601 duration such as PT24H",
                    "not a duration");
        }
        try {
            clock.advance(amount);
        } catch (IllegalArgumentException e) {
            throw new InvalidEndpointRequestException(e.getMessage(), "not a positive duration");
        }
        return now();
    }

    public record Now(Instant now, String offset) {
    }
}
