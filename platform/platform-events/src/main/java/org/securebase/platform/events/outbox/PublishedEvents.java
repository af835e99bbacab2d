package org.securebase.platform.events.outbox;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox's record of events already sent (completed publications, kept for {@code keep-completed} and in the
 * archive table). Events carry ids, and a display name where a consumer needs one; when a person is erased their
 * service drops every sent event keyed by them, so the integration-event log keeps nothing of theirs. Events not sent
 * yet stay: dropping one would lose it.
 */
public class PublishedEvents {

    private final JdbcClient jdbc;

    public PublishedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Drops every sent event with this record key (an aggregate id); returns how many. */
    public int forgetSentEventsKeyed(String key) {
        // The stored event is OutboxEvent's JSON; its "key" field is the record key.
        String pattern = "%\"key\":\"" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "\"%";
        int forgotten = 0;
        for (String table : new String[] {"event_publication", "event_publication_archive"}) {
            forgotten += jdbc.sql("delete from " + table + " where completion_date is not null "
                            + "and serialized_event like :pattern")
                    .param("pattern", pattern)
                    .update();
        }
        return forgotten;
    }
}
