package org.securebase.account.invitation;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;

import org.securebase.account.account.AccountView;
import org.securebase.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin API: invite a person, send an invitation again. Admins only (AccountServiceSecurity). */
@RestController
@RequestMapping("/api/accounts")
class InvitationController {

    private final InvitationService invitations;

    InvitationController(InvitationService invitations) {
        this.invitations = invitations;
    }

    /**
     * Creates the person in Keycloak with their role and has Keycloak email them the invitation. 201 with the
     * account; {@code invitationSentAt} is null if the email could not be sent yet (it is retried).
     */
    @PostMapping
    ResponseEntity<AccountView> invite(@Valid @RequestBody InvitationRequest request, Caller admin) {
        AccountView account = AccountView.of(invitations.invite(admin.id(), request));
        return ResponseEntity.created(URI.create("/api/accounts/" + account.id())).body(account);
    }

    /** Emails the invitation again (a fresh link) to someone who has not accepted it yet. */
    @PostMapping("/{id}/invitation")
    AccountView resend(@PathVariable UUID id, Caller admin) {
        return AccountView.of(invitations.resend(admin.id(), id));
    }
}
