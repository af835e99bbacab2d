package org.securebase.account.invitation;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.securebase.account.account.AccountSnapshot;
import org.securebase.account.account.AccountStatus;
import org.securebase.account.account.Accounts;
import org.securebase.account.account.ApiValues;
import org.securebase.account.keycloak.EmailTakenInKeycloakException;
import org.securebase.account.keycloak.KeycloakDirectory;
import org.securebase.account.keycloak.KeycloakException;
import org.securebase.account.keycloak.KeycloakRejectedException;
import org.securebase.account.keycloak.KeycloakUnavailableException;
import org.securebase.account.keycloak.KeycloakUser;
import org.securebase.account.keycloak.KeycloakUserNotFoundException;
import org.securebase.account.keycloak.NewKeycloakUser;
import org.securebase.account.keycloak.RequiredAction;
import org.securebase.account.notification.FirstLanguage;
import org.securebase.platform.security.Role;
import org.securebase.platform.web.problem.BadRequestException;
import org.securebase.platform.web.problem.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invites people through Keycloak. Not transactional as a whole: the Keycloak calls cannot join a database
 * transaction, so the steps are ordered and undone explicitly (see package-info for the guarantees).
 */
@Service
public class InvitationService {

    private static final Logger log = LoggerFactory.getLogger(InvitationService.class);

    static final String EMAIL_TAKEN = "An account with this email already exists.";

    private final KeycloakDirectory keycloak;
    private final Accounts accounts;
    private final TransactionTemplate transaction;
    private final InvitationProperties properties;
    private final InvitationQuota quota;
    private final FirstLanguage firstLanguage;

    InvitationService(KeycloakDirectory keycloak, Accounts accounts, TransactionTemplate transaction,
            InvitationProperties properties, InvitationQuota quota, FirstLanguage firstLanguage) {
        this.firstLanguage = firstLanguage;
        this.keycloak = keycloak;
        this.accounts = accounts;
        this.transaction = transaction;
        this.properties = properties;
        this.quota = quota;
    }

    /** Invites a person on behalf of {@code inviter}, within their {@link InvitationQuota}. */
    public AccountSnapshot invite(UUID inviter, InvitationRequest request) {
        Role role = ApiValues.role(request.role())
                .orElseThrow(() -> BadRequestException.forField("role", "must be one of " + ApiValues.ROLE_WORDS));
        String email = request.email().strip().toLowerCase(Locale.ROOT);
        String firstName = request.firstName().strip();
        String lastName = request.lastName().strip();
        if (accounts.emailTaken(email)) {
            throw new ConflictException(EMAIL_TAKEN);
        }
        quota.take(inviter);

        UUID id = createInKeycloak(new NewKeycloakUser(email, firstName, lastName, RequiredAction.forInvitation(role),
                request.language()));
        try {
            keycloak.grantRole(id, role);
            transaction.executeWithoutResult(status -> {
                accounts.recordInvitation(id, email, firstName, lastName, role);
                firstLanguage.chosenAtInvitation(id, request.language());
            });
        } catch (RuntimeException failure) {
            undoCreate(id, failure);
            throw failure;
        }
        // After the commit: the account and its AccountInvited exist whatever happens to the email.
        send(id, role);
        return accounts.get(id);
    }

    /**
     * Sends the invitation email again, asking for whatever the person still has to do. 409 unless the account
     * is invited and the invitation not yet accepted.
     */
    public AccountSnapshot resend(UUID inviter, UUID id) {
        AccountSnapshot account = accounts.get(id);
        if (account.status() != AccountStatus.INVITED) {
            throw new ConflictException("Only an invited person who has not accepted yet can be sent the invitation again.");
        }
        KeycloakUser user = keycloak.find(id).orElseThrow(() -> new ConflictException(
                "This person was deleted in Keycloak; the account can no longer be changed."));
        List<RequiredAction> pending = RequiredAction.forInvitation(account.role()).stream()
                .filter(action -> user.requiredActions().contains(action.keycloakAlias()))
                .toList();
        if (pending.isEmpty() || user.hasCompletedInvitation()) {
            // They did it all already; we just had not noticed yet.
            accounts.activate(id);
            throw new ConflictException("This person has already accepted the invitation.");
        }
        quota.take(inviter);
        keycloak.sendActionsEmail(id, pending, properties.linkLifespan());
        accounts.invitationSent(id);
        return accounts.get(id);
    }

    /**
     * Tries to send the email of an invitation whose first attempt failed; true if it went out. Called by
     * {@link InvitationRetry}.
     */
    boolean retry(UUID id) {
        return accounts.find(id)
                .filter(account -> account.status() == AccountStatus.INVITED && account.invitationSentAt() == null)
                .map(account -> send(id, account.role()))
                .orElse(false);
    }

    private UUID createInKeycloak(NewKeycloakUser user) {
        try {
            return keycloak.createUser(user);
        } catch (EmailTakenInKeycloakException taken) {
            // Someone made in Keycloak directly, not yet adopted here: the same answer as a local duplicate.
            throw new ConflictException(EMAIL_TAKEN);
        } catch (KeycloakRejectedException rejected) {
            throw new BadRequestException("Keycloak refused these values. Check the name and email for unusual characters.");
        } catch (KeycloakUnavailableException unavailable) {
            // A create that timed out may still have happened: find and undo it, so a retry starts clean.
            try {
                keycloak.findIdByUsername(user.email()).ifPresent(id -> undoCreate(id, unavailable));
            } catch (KeycloakException stillDown) {
                log.warn("Could not check whether a failed invitation left a Keycloak user behind; the reconciliation "
                        + "will adopt it if so", stillDown);
            }
            throw unavailable;
        }
    }

    private void undoCreate(UUID id, RuntimeException cause) {
        try {
            keycloak.delete(id);
            log.info("Invitation failed after creating Keycloak user {}; the user was deleted again ({})", id,
                    cause.getClass().getSimpleName());
        } catch (RuntimeException deleteFailed) {
            cause.addSuppressed(deleteFailed);
            log.error("Invitation failed after creating Keycloak user {} and deleting it failed too; the reconciliation "
                    + "will adopt it as an invited account", id, deleteFailed);
        }
    }

    private boolean send(UUID id, Role role) {
        try {
            keycloak.sendActionsEmail(id, RequiredAction.forInvitation(role), properties.linkLifespan());
            accounts.invitationSent(id);
            return true;
        } catch (KeycloakUserNotFoundException gone) {
            log.warn("Invitation email for account {} not sent: the Keycloak user no longer exists", id);
            accounts.invitationSendFailed(id);
            return false;
        } catch (KeycloakException failed) {
            log.warn("Invitation email for account {} not sent ({}); it will be retried", id, failed.getMessage());
            accounts.invitationSendFailed(id);
            return false;
        }
    }
}
