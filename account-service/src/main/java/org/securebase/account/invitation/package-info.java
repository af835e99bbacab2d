/**
 * Inviting people: {@code POST /api/accounts} creates the Keycloak user (no password; required actions verify
 * email, set password, and for therapists and admins configure TOTP), grants the role, records the account with
 * {@code AccountInvited}, and has Keycloak send the execute-actions email through the realm's SMTP server.
 * {@code POST /api/accounts/{id}/invitation} sends it again.
 *
 * <p>Consistency with Keycloak (a choice, written down here):
 * <ul>
 *   <li>Refused by Keycloak (taken email, invalid values) or Keycloak unreachable while creating: nothing exists
 *       anywhere. A create that timed out may still have happened, so the user is looked up by username and
 *       deleted if found.</li>
 *   <li>Failure after Keycloak created the user (granting the role, or writing the row and its event):
 *       <b>compensated</b> - the Keycloak user is deleted (idempotently) before the error is answered, so the
 *       admin can simply try again. Should that delete fail too, the half-made user holds a Secure Base role, and
 *       the reconciliation adopts it as an invited account after its grace period: nothing is lost or
 *       invisible.</li>
 *   <li>Failure sending the email, after the account committed: <b>retried</b>. The account answers 201 with
 *       {@code invitationSentAt = null}; {@link org.securebase.account.invitation.InvitationRetry} sends it again
 *       until it works. Sending is idempotent for our purposes: each send issues a fresh link, earlier links stay
 *       valid until they expire.</li>
 * </ul>
 */
package org.securebase.account.invitation;
