package org.securebase.account.account;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.securebase.platform.security.Role;

/**
 * One person known to the practice. State changes go through the methods below, each of which says whether
 * anything changed so the caller publishes an event only for real transitions (a replayed reconciliation or a
 * repeated admin click changes nothing and emits nothing).
 */
@Entity
@Table(name = "account")
class Account {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String email;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AccountStatus status;

    @Column(name = "invited_at", nullable = false)
    private Instant invitedAt;

    @Column(name = "invitation_sent_at")
    private Instant invitationSentAt;

    @Column(name = "invitation_attempts", nullable = false)
    private int invitationAttempts;

    @Column(name = "activated_at")
    private Instant activatedAt;

    @Column(name = "deactivated_at")
    private Instant deactivatedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "event_sequence", nullable = false)
    private long eventSequence;

    @Version
    private long version;

    protected Account() {
        // for JPA
    }

    private Account(UUID id, String email, String firstName, String lastName, Role role, AccountStatus status,
            Instant now) {
        this.id = Objects.requireNonNull(id, "id");
        this.email = Objects.requireNonNull(email, "email");
        this.firstName = Objects.requireNonNull(firstName, "firstName");
        this.lastName = Objects.requireNonNull(lastName, "lastName");
        this.role = Objects.requireNonNull(role, "role");
        this.status = Objects.requireNonNull(status, "status");
        this.invitedAt = now;
        this.updatedAt = now;
    }

    static Account invited(UUID id, String email, String firstName, String lastName, Role role, Instant now) {
        return new Account(id, email, firstName, lastName, role, AccountStatus.INVITED, now);
    }

    /**
     * An account that exists in Keycloak but not here (demo users, someone created in the console, or a user
     * whose invitation failed after Keycloak created it and could not be undone). Its invitation email is not
     * ours to send, so it counts as sent.
     */
    static Account adopted(UUID id, String email, String firstName, String lastName, Role role, AccountStatus status,
            Instant createdAt, Instant now) {
        Account account = new Account(id, email, firstName, lastName, role, status, now);
        account.invitedAt = createdAt;
        account.invitationSentAt = createdAt;
        if (status == AccountStatus.ACTIVE) {
            account.activatedAt = now;
        }
        if (status == AccountStatus.DEACTIVATED) {
            account.deactivatedAt = now;
        }
        return account;
    }

    /** The next number in this account's event stream; call once per event published with this account's key. */
    long nextEventSequence() {
        return ++eventSequence;
    }

    boolean activate(Instant now) {
        if (status != AccountStatus.INVITED) {
            return false;
        }
        status = AccountStatus.ACTIVE;
        activatedAt = now;
        updatedAt = now;
        return true;
    }

    boolean deactivate(Instant now) {
        if (status == AccountStatus.DEACTIVATED || status == AccountStatus.DELETED) {
            return false;
        }
        status = AccountStatus.DEACTIVATED;
        deactivatedAt = now;
        updatedAt = now;
        return true;
    }

    /** Back to active, or to invited if they never showed up before being deactivated. */
    boolean reactivate(Instant now) {
        if (status != AccountStatus.DEACTIVATED) {
            return false;
        }
        status = activatedAt == null ? AccountStatus.INVITED : AccountStatus.ACTIVE;
        deactivatedAt = null;
        updatedAt = now;
        return true;
    }

    boolean markDeleted(Instant now) {
        if (status == AccountStatus.DELETED) {
            return false;
        }
        status = AccountStatus.DELETED;
        if (deactivatedAt == null) {
            deactivatedAt = now;
        }
        updatedAt = now;
        return true;
    }

    /** The placeholder domain of erased people's addresses: reserved (RFC 2606), so no mail can ever reach it. */
    static final String ERASED_DOMAIN = "erased.invalid";

    /**
     * Forgets the person: name and email become placeholders, and the account is gone for good. The row stays, with
     * its id, role and dates, so the practice's records of rights requests and the event counter still resolve.
     */
    boolean erase(Instant now) {
        if (isErased()) {
            return false;
        }
        email = "erased-" + id + "@" + ERASED_DOMAIN;
        firstName = "Erased";
        lastName = "person";
        status = AccountStatus.DELETED;
        if (deactivatedAt == null) {
            deactivatedAt = now;
        }
        updatedAt = now;
        return true;
    }

    boolean isErased() {
        return email.endsWith("@" + ERASED_DOMAIN);
    }

    boolean changeRole(Role newRole, Instant now) {
        if (role == newRole) {
            return false;
        }
        role = newRole;
        updatedAt = now;
        return true;
    }

    /** Name and email as Keycloak has them now (edited in the console or the account console); no event. */
    boolean updateProfile(String newEmail, String newFirstName, String newLastName, Instant now) {
        // Never bring an erased person's name back (a Keycloak user that outlived the erasure for a moment).
        if (isErased() || Objects.equals(email, newEmail) && Objects.equals(firstName, newFirstName)
                && Objects.equals(lastName, newLastName)) {
            return false;
        }
        email = newEmail;
        firstName = newFirstName;
        lastName = newLastName;
        updatedAt = now;
        return true;
    }

    void invitationSent(Instant now) {
        invitationSentAt = now;
        invitationAttempts++;
        updatedAt = now;
    }

    void invitationSendFailed(Instant now) {
        invitationAttempts++;
        updatedAt = now;
    }

    AccountSnapshot snapshot() {
        return new AccountSnapshot(id, email, firstName, lastName, role, status, invitedAt, invitationSentAt,
                activatedAt, deactivatedAt);
    }

    UUID id() {
        return id;
    }

    Role role() {
        return role;
    }

    AccountStatus status() {
        return status;
    }

    String displayName() {
        return (firstName + " " + lastName).strip();
    }

    Instant activatedAt() {
        return activatedAt;
    }

    int invitationAttempts() {
        return invitationAttempts;
    }
}
