package org.securebase.journal.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.UUID;

import org.securebase.platform.security.Caller;
import org.securebase.platform.web.requestid.RequestIdFilter;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records reads of a client's clinical data by someone else. MANDATORY propagation: the audit row is written in
 * the transaction that reads the data, so nobody gets content whose read was not recorded. The owner reading
 * their own data is not recorded (there is no "someone else").
 */
@Component
public class AccessAudit {

    private final JdbcClient jdbc;
    private final Clock clock;

    AccessAudit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void recordRead(Caller reader, UUID subjectId, AuditedResource resource, UUID resourceId, AuditAction action) {
        if (reader.id().equals(subjectId)) {
            return;
        }
        jdbc.sql("""
                        insert into access_audit (occurred_at, actor_id, actor_role, actor_name, subject_id,
                                                  resource_type, resource_id, action, request_id)
                        values (:at, :actor, :role, :name, :subject, :type, :resource, :action, :requestId)""")
                .param("at", java.sql.Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .param("actor", reader.id())
                .param("role", reader.role().name())
                .param("name", reader.displayName())
                .param("subject", subjectId)
                .param("type", resource.name())
                .param("resource", resourceId)
                .param("action", action.name())
                .param("requestId", MDC.get(RequestIdFilter.MDC_KEY))
                .update();
    }

    /** One row per item, for lists that show content of several resources of (possibly) several clients. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordListed(Caller reader, Collection<ReadItem> items, AuditedResource resource) {
        items.forEach(item -> recordRead(reader, item.subjectId(), resource, item.resourceId(), AuditAction.LISTED));
    }

    /** A resource shown in a list and the client it belongs to. */
    public record ReadItem(UUID subjectId, UUID resourceId) {
    }
}
