package org.securebase.platform.events.consumer;

import java.util.List;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The parked events of this service's consumers, on the management port (never public; docs/operations.md,
 * "Parked events"): {@code GET /actuator/deadletters} lists them per consumer and reason;
 * {@code POST /actuator/deadletters} with {@code {"consumer": "<name>"}} replays that consumer's parked records.
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

    private final DeadLetters deadLetters;

    public DeadLettersEndpoint(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @ReadOperation
    public List<DeadLetters.Inventory> inventory() {
        return deadLetters.inventory();
    }

    @WriteOperation
    public DeadLetters.Replay replay(String consumer) {
        if (!deadLetters.consumers().contains(consumer)) {
            throw new InvalidEndpointRequestException("no consumer named '" + consumer + "' in this service; there are "
                    + deadLetters.consumers(), "unknown consumer");
        }
        return deadLetters.replay(consumer);
    }
}
