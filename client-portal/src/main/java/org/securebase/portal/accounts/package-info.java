/**
 * Accounts: {@link org.securebase.portal.accounts.AccountsApi}, the client of account-service, with its requests and
 * answers ({@link org.securebase.portal.accounts.Accounts}); the admin's pages (invite, resend, deactivate,
 * reactivate, assign a therapist); and the activation after every login.
 */
package org.securebase.portal.accounts;
