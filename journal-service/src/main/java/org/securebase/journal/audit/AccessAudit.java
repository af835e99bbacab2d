package org.securebase.journal.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.UUID;

import org.securebase.platform.events.accounts.ClientIdentityRead;
import org.securebase.platform.events.consumer.IntegrationEventListener;
import org.securebase.platform.security.Caller;
import org.securebase.platform.web.requestid.RequestIdFilter;
import org.slf4j.MDC;
import org.securebase.journal.caseload.Caseloads;
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
    private final Caseloads accounts;
    private final Clock clock;

    AccessAudit(JdbcClient jdbc, Caseloads accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void recordRead(Caller reader, UUID subjectId, AuditedResource resource, UUID resourceId, AuditAction action) {
        if (reader.id().equals(subjectId)) {
            return;
        }
        insert(reader.id(), reader.role().name(), subjectId, resource, resourceId, action, clock.instant(),
                MDC.get(RequestIdFilter.MDC_KEY), null);
    }

    /**
     * A download of a copy of the client's record, by anyone, the client included: a copy that left the platform is
     * something the person should see in "Who has seen my data", even when they took it themselves.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordExport(Caller reader, UUID subjectId, UUID exportId) {
        insert(reader.id(), reader.role().name(), subjectId, AuditedResource.CLIENT_RECORD, exportId,
                AuditAction.EXPORTED, clock.instant(), MDC.get(RequestIdFilter.MDC_KEY), null);
    }

    /** account-service saw someone read a client's identity: kept here, in the one audit the client reads. */
    @IntegrationEventListener(consumer = "identity-reads")
    void on(ClientIdentityRead read) {
        insert(read.actorId(), read.actorRole().name(), read.clientId(), AuditedResource.CLIENT_IDENTITY, read.clientId(),
                read.listed() ? AuditAction.LISTED : AuditAction.READ, read.readAt(), "account-service:" + read.view(),
                read.readId());
    }

    private void insert(UUID actor, String role, UUID subjectId, AuditedResource resource, UUID resourceId,
                        AuditAction action, java.time.Instant at, String requestId, UUID sourceEventId) {
        jdbc.sql("""
                        insert into access_audit (occurred_at, actor_id, actor_role, actor_name, subject_id,
                                                  resource_type, resource_id, action, request_id, source_event_id)
                        values (:at, :actor, :role, :name, :subject, :type, :resource, :action, :requestId, :source)
                        on conflict do nothing""")
                .param("source", sourceEventId)
                .param("at", java.sql.Timestamp.from(at.truncatedTo(ChronoUnit.MICROS)))
                .param("actor", actor)
                .param("role", role)
                .param("name", nameOnRecord(actor, role))
                .param("subject", subjectId)
                .param("type", resource.name())
                .param("resource", resourceId)
                .param("action", action.name())
                .param("requestId", requestId)
                .update();
    }

    /**
     * The reader's name as the practice has it (account-service's, through the caseload projection), never the token's
     * {@code name} claim: a person edits that one in Keycloak, and could appear in a client's audit as anyone.
     */
    String nameOnRecord(UUID actor, String role) {
        return accounts.displayName(actor).orElse(NO_NAME_ON_RECORD.formatted(role.toLowerCase(java.util.Locale.ROOT)));
    }

    static final String NO_NAME_ON_RECORD = "A %s (no name on record)";

    /** One row per item, for lists that show content of several resources of (possibly) several clients. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordListed(Caller reader, Collection<ReadItem> items, AuditedResource resource) {
        items.forEach(item -> recordRead(reader, item.subjectId(), resource, item.resourceId(), AuditAction.LISTED));
    }

    /** A resource shown in a list and the client it belongs to. */
    public record ReadItem(UUID subjectId, UUID resourceId) {
    }
}
