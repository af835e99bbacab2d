/**
 * A client's data rights on the account side: closing the account and what happens to the record afterwards.
 *
 * <p>Owns {@code closure_request} and {@code legal_hold}. A client asks to close their account
 * ({@code POST /api/accounts/me/closure-request}); an admin closes it ({@code POST /api/accounts/{id}/closure}), which
 * is a deactivation (signed out everywhere, notifications cancelled, caseloads ended) recorded as a closure. The
 * {@link org.securebase.account.rights.RetentionPolicy} keeps the record for a configured number of years from the
 * closure; legal holds ({@code /api/accounts/{id}/legal-holds}) keep it longer until lifted. Admins see every closure
 * and hold, who asked, when, and when it was done ({@code GET /api/accounts/rights-requests}); never any content.
 */
package org.securebase.account.rights;
