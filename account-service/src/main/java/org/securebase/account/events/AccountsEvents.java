package org.securebase.account.events;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes account events into the outbox. MANDATORY propagation: an event is only ever written in the same
 * transaction as the change it reports, so both commit or neither does.
 */
@Component
public class AccountsEvents {

    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    public AccountsEvents(ApplicationEventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public AccountsEvent publish(AccountsEventPayload payload) {
        AccountsEvent event = AccountsEvent.of(payload, clock.instant());
        publisher.publishEvent(event);
        return event;
    }
}
