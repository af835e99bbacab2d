package org.securebase.journal.caseload;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.securebase.platform.security.DeactivatedAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may see which client: the one question other features ask the caseload projection. Only an account this
 * projection knows as an active therapist has a caseload, whatever rows remain: a therapist deactivated, given
 * another role, or not known at all (their events not here yet) sees nobody. Fail closed.
 */
@Component
public class Caseloads implements DeactivatedAccounts {

    private final JdbcClient jdbc;
    private final CaseloadFreshness freshness;

    Caseloads(JdbcClient jdbc, CaseloadFreshness freshness) {
        this.jdbc = jdbc;
        this.freshness = freshness;
    }

    /** The client's current therapist, if they have one this projection knows as an active therapist. */
    @Transactional(readOnly = true)
    public Optional<UUID> currentTherapistOf(UUID clientId) {
        return jdbc.sql("""
                        select c.therapist_id from caseload c
                        join account_projection t on t.account_id = c.therapist_id
                        where c.client_id = :client and t.role = 'THERAPIST' and t.status = 'ACTIVE'""")
                .param("client", clientId)
                .query(UUID.class)
                .optional();
    }

    /**
     * Whether the therapist may see the client's data now. Fails closed with 503 (Retry-After) while the projection
     * may be behind (ADR 0016), rather than answer from a caseload that a revocation may already have ended.
     */
    @Transactional(readOnly = true)
    public boolean isCurrentTherapist(UUID therapistId, UUID clientId) {
        freshness.requireCurrent();
        return currentTherapistOf(clientId).filter(therapistId::equals).isPresent();
    }

    /**
     * The therapist's current clients, ordered by id, after {@code afterClientId} (keyset), at most {@code limit}.
     * Fails closed like {@link #isCurrentTherapist}.
     */
    @Transactional(readOnly = true)
    public List<UUID> clientsOf(UUID therapistId, UUID afterClientId, int limit) {
        freshness.requireCurrent();
        if (!isActiveTherapist(therapistId)) {
            return List.of();
        }
        return jdbc.sql(CLIENTS_OF_SQL)
                .param("therapist", therapistId)
                // PostgreSQL orders uuids byte by byte, so the all-zero uuid sorts first (unlike Java's signed compareTo).
                .param("after", afterClientId == null ? new UUID(0L, 0L) : afterClientId)
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** Index: caseload_therapist_idx (therapist_id, client_id). */
    static final String CLIENTS_OF_SQL = """
            select client_id from caseload
            where therapist_id = :therapist and client_id > :after
            order by client_id
            limit :limit""";

    /** All of the therapist's current clients (a caseload is tens, at most a few hundred, of clients). */
    @Transactional(readOnly = true)
    public List<UUID> allClientsOf(UUID therapistId) {
        return clientsOf(therapistId, null, Integer.MAX_VALUE);
    }

    private boolean isActiveTherapist(UUID accountId) {
        return jdbc.sql("""
                        select exists(select 1 from account_projection
                                      where account_id = :id and role = 'THERAPIST' and status = 'ACTIVE')""")
                .param("id", accountId)
                .query(Boolean.class)
                .single();
    }

    /** A display name for an account, when account-service has told us one. */
    @Transactional(readOnly = true)
    public Optional<String> displayName(UUID accountId) {
        return jdbc.sql("select display_name from account_projection where account_id = :id and display_name is not null")
                .param("id", accountId)
                .query(String.class)
                .optional();
    }

    /**
     * As account-service's events told this service: platform-security refuses a deactivated person's tokens as soon
     * as the event arrives here, not when they expire.
     */
    @Override
    public boolean isDeactivated(UUID accountId) {
        return jdbc.sql("select exists(select 1 from account_projection where account_id = :id and status = 'DEACTIVATED')")
                .param("id", accountId)
                .query(Boolean.class)
                .single();
    }
}
