package org.securebase.account.invitation;

import java.util.List;
import java.util.UUID;

import org.securebase.account.account.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends the invitation emails that could not be sent when the account was created (SMTP or Keycloak down). */
@Component
public class InvitationRetry {

    private static final Logger log = LoggerFactory.getLogger(InvitationRetry.class);
    private static final int BATCH = 50;

    private final Accounts accounts;
    private final InvitationService invitations;
    private final InvitationProperties properties;

    InvitationRetry(Accounts accounts, InvitationService invitations, InvitationProperties properties) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${securebase.accounts.invitation.retry-interval:PT1M}",
            initialDelayString = "${securebase.accounts.invitation.retry-interval:PT1M}")
    void onSchedule() {
        retryPending();
    }

    /**
     * One pass over the pending invitations, oldest first; returns how many went out. Invitations younger than
     * {@code retry-min-age} are left to the request that is still sending them.
     */
    public int retryPending() {
        List<UUID> pending = accounts.pendingInvitations(properties.retryMinAge(), BATCH);
        int sent = 0;
        for (UUID id : pending) {
            try {
                if (invitations.retry(id)) {
                    sent++;
                }
            } catch (RuntimeException e) {
                log.warn("Retrying the invitation email of account {} failed", id, e);
            }
        }
        if (!pending.isEmpty()) {
            log.info("Invitation emails retried: {} of {} sent", sent, pending.size());
        }
        return sent;
    }
}
