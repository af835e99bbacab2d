package org.securebase.content.pinning;

import org.securebase.platform.events.consumer.EventMetadata;
import org.securebase.platform.events.consumer.IntegrationEventListener;
import org.securebase.platform.events.journal.AssignmentCreated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Feeds {@code pinned_reading} from journal-service's {@code AssignmentCreated}. The topic's other events are none of
 * this service's business; the events kit skips them, and parks unreadable records and unknown schema versions in
 * the dead-letter topic.
 */
@Component
class AssignmentEventsListener {

    private static final Logger log = LoggerFactory.getLogger(AssignmentEventsListener.class);

    private final JdbcPinnedReadings pins;

    AssignmentEventsListener(JdbcPinnedReadings pins) {
        this.pins = pins;
    }

    @IntegrationEventListener(consumer = "pinned-readings")
    void on(AssignmentCreated created, EventMetadata event) {
        boolean added = pins.pin(created.assignmentId(), created.clientId(), created.articleId(),
                created.articleVersion(), event.occurredAt());
        log.debug("Assignment {} {} article {} version {}", created.assignmentId(),
                added ? "pins" : "already pinned", created.articleId(), created.articleVersion());
    }
}
