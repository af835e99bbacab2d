package org.securebase.content.pinning;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPinnedReadings implements PinnedReadings {

    private final JdbcClient jdbc;

    JdbcPinnedReadings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isPinned(UUID clientId, UUID articleId, int version) {
        return jdbc.sql("""
                        select exists(select 1 from pinned_reading
                                      where client_id = :client and article_id = :article and version = :version)""")
                .param("client", clientId)
                .param("article", articleId)
                .param("version", version)
                .query(Boolean.class)
                .single();
    }

    /** Records a pin; the same assignment twice is one pin. Returns whether this call added it. */
    boolean pin(UUID assignmentId, UUID clientId, UUID articleId, int version, Instant at) {
        return jdbc.sql("""
                        insert into pinned_reading (assignment_id, client_id, article_id, version, pinned_at)
                        values (:assignment, :client, :article, :version, :at)
                        on conflict (assignment_id) do nothing""")
                .param("assignment", assignmentId)
                .param("client", clientId)
                .param("article", articleId)
                .param("version", version)
                .param("at", java.sql.Timestamp.from(at.truncatedTo(ChronoUnit.MICROS)))
                .update() == 1;
    }

    @Override
    public int forget(UUID clientId) {
        return jdbc.sql("delete from pinned_reading where client_id = :client").param("client", clientId).update();
    }
}
