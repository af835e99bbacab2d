package org.securebase.account.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AccountRepository extends JpaRepository<Account, UUID>, JpaSpecificationExecutor<Account> {

    /** {@code SELECT ... FOR UPDATE}: serialises changes to one account (e.g. two admins reassigning one client). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Account a where a.id = :id")
    Optional<Account> findByIdForUpdate(@Param("id") UUID id);

    @Query("""
            select count(a) > 0 from Account a
            where lower(a.email) = lower(:email) and a.status <> org.securebase.account.account.AccountStatus.DELETED""")
    boolean existsByEmailIgnoreCase(@Param("email") String email);

    @Query("""
            select a.id from Account a
            where a.status = org.securebase.account.account.AccountStatus.INVITED
              and a.invitationSentAt is null and a.invitedAt < :before
            order by a.invitedAt""")
    List<UUID> findPendingInvitations(@Param("before") Instant before, Pageable page);

    @Query("""
            select a.id from Account a
            where a.status <> org.securebase.account.account.AccountStatus.DELETED and a.id > :after
            order by a.id""")
    List<UUID> findLiveIdsAfter(@Param("after") UUID after, Pageable page);
}
