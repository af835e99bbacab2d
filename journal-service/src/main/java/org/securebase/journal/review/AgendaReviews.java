package org.securebase.journal.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code agenda_review} table: one row per review of a therapist and client pair. */
@Repository
class AgendaReviews {

    private final JdbcClient jdbc;

    AgendaReviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where the pair's next agenda starts: the latest review's {@code reviewed_through}. */
    Optional<Instant> lastReviewedThrough(UUID therapistId, UUID clientId) {
        return jdbc.sql("""
                        select reviewed_through from agenda_review
                        where therapist_id = :therapist and client_id = :client
                        order by reviewed_through desc
                        limit 1""")
                .param("therapist", therapistId).param("client", clientId)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    /** The pair's reviews, latest first, at most {@code limit}. */
    List<AgendaViews.Review> history(UUID therapistId, UUID clientId, int limit) {
        return jdbc.sql("""
                        select reviewed_through, reviewed_at from agenda_review
                        where therapist_id = :therapist and client_id = :client
                        order by reviewed_through desc
                        limit :limit""")
                .param("therapist", therapistId).param("client", clientId).param("limit", limit)
                .query((rs, n) -> new AgendaViews.Review(clientId, rs.getTimestamp("reviewed_through").toInstant(),
                        rs.getTimestamp("reviewed_at").toInstant()))
                .list();
    }

    void insert(UUID therapistId, UUID clientId, Instant through, Instant now) {
        jdbc.sql("""
                        insert into agenda_review (id, therapist_id, client_id, reviewed_through, reviewed_at)
                        values (:id, :therapist, :client, :through, :now)""")
                .param("id", UUID.randomUUID())
                .param("therapist", therapistId).param("client", clientId)
                .param("through", Timestamp.from(through)).param("now", Timestamp.from(now))
                .update();
    }

    /** Serialises reviews of one pair, so two marks at once cannot both pass the "not older than the last" check. */
    void lockPair(UUID therapistId, UUID clientId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:pair, 0))")
                .param("pair", "agenda_review:" + therapistId + ":" + clientId)
                .query((rs, n) -> 1)
                .list();
    }
}
