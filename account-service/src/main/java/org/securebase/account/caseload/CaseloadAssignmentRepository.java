package org.securebase.account.caseload;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CaseloadAssignmentRepository extends JpaRepository<CaseloadAssignment, UUID> {

    @Query("select a from CaseloadAssignment a where a.clientId = :clientId and a.endedAt is null")
    Optional<CaseloadAssignment> findOpenByClient(@Param("clientId") UUID clientId);

    @Query("select a from CaseloadAssignment a where a.therapistId = :therapistId and a.endedAt is null order by a.startedAt")
    List<CaseloadAssignment> findOpenByTherapist(@Param("therapistId") UUID therapistId);

    @Query("select a from CaseloadAssignment a where a.clientId = :clientId order by a.startedAt desc, a.id")
    List<CaseloadAssignment> findHistoryOfClient(@Param("clientId") UUID clientId);
}
