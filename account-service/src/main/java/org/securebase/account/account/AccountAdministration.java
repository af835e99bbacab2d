package org.securebase.account.account;

import java.util.UUID;

import org.securebase.platform.events.accounts.StatusChangeCause;
import org.securebase.account.keycloak.KeycloakDirectory;
import org.securebase.platform.web.problem.ConflictException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an administrator does to existing accounts.
 *
 * <p>Deactivation changes Keycloak first and the row second. If the second step fails the person is already
 * locked out (the safe side) and the next reconciliation records the deactivation; the other order could leave
 * someone marked deactivated here who can still log in.
 */
@Service
public class AccountAdministration {

    private final AccountRepository repository;
    private final Accounts accounts;
    private final KeycloakDirectory keycloak;

    AccountAdministration(AccountRepository repository, Accounts accounts, KeycloakDirectory keycloak) {
        this.repository = repository;
        this.accounts = accounts;
        this.keycloak = keycloak;
    }

    @Transactional(readOnly = true)
    public Page<AccountSnapshot> search(AccountQuery query, Pageable pageable) {
        return repository.findAll(query.toSpecification(), pageable).map(Account::snapshot);
    }

    /** Disables the Keycloak user, ends all their sessions, then marks the account (idempotent). */
    public AccountSnapshot deactivate(UUID id, UUID adminId) {
        AccountSnapshot account = changeable(id);
        if (id.equals(adminId)) {
            // An admin locking themselves out could leave the practice without anyone able to undo it.
            throw new ConflictException("You cannot deactivate your own account.");
        }
        // Also when already deactivated here: repeating it is harmless and heals a Keycloak user re-enabled by hand.
        keycloak.disableAndLogOut(account.id());
        accounts.deactivate(id, StatusChangeCause.ADMIN);
        return accounts.get(id);
    }

    /** Enables the Keycloak user again, then marks the account (idempotent). */
    public AccountSnapshot reactivate(UUID id) {
        AccountSnapshot account = changeable(id);
        keycloak.enable(account.id());
        accounts.reactivate(id, StatusChangeCause.ADMIN);
        return accounts.get(id);
    }

    /** Deletes the person's Keycloak user, with their credentials, sessions and attributes; deleting twice is harmless. */
    public void deleteFromKeycloak(UUID id) {
        keycloak.delete(id);
    }

    private AccountSnapshot changeable(UUID id) {
        AccountSnapshot account = accounts.get(id);
        if (account.status() == AccountStatus.DELETED) {
            throw new ConflictException("This person was deleted in Keycloak; the account can no longer be changed.");
        }
        return account;
    }
}
