package org.securebase.portal.welcome;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Whether a person is visiting for the first time; the answer is yes exactly once per person, however many ask. */
@Component
public class Welcome {

    private final JdbcClient jdbc;
    private final Clock clock;

    @Autowired
    public Welcome(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    Welcome(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * True the first time it is asked for this person, and records that they have been welcomed: one statement, so two
     * pages opened at once show the welcome only once.
     */
    public boolean firstVisit(UUID personId) {
        return jdbc.sql("insert into welcome_seen (person_id, seen_at) values (?, ?) on conflict (person_id) do nothing")
                .params(personId, Timestamp.from(clock.instant()))
                .update() == 1;
    }
}
