package org.securebase.account.caseload;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One period in which a client belonged to a therapist. Open while {@code endedAt} is null. */
@Entity
@Table(name = "caseload_assignment")
class CaseloadAssignment {

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false)
    private UUID clientId;

    @Column(name = "therapist_id", nullable = false)
    private UUID therapistId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "started_by")
    private UUID startedBy;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "ended_by")
    private UUID endedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    private EndReason endReason;

    protected CaseloadAssignment() {
        // for JPA
    }

    CaseloadAssignment(UUID clientId, UUID therapistId, UUID startedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.therapistId = Objects.requireNonNull(therapistId, "therapistId");
        this.startedBy = startedBy;
        this.startedAt = now;
    }

    void end(EndReason reason, UUID by, Instant now) {
        if (endedAt != null) {
            throw new IllegalStateException("assignment " + id + " already ended");
        }
        endReason = Objects.requireNonNull(reason, "reason");
        endedBy = by;
        endedAt = now;
    }

    UUID id() {
        return id;
    }

    UUID clientId() {
        return clientId;
    }

    UUID therapistId() {
        return therapistId;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant endedAt() {
        return endedAt;
    }

    EndReason endReason() {
        return endReason;
    }
}
