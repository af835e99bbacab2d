/**
 * The welcome a client gets on their first visit: what Secure Base is, who can see what, how to add a second factor.
 * Owns the portal's record of who has been welcomed ({@code welcome_seen}); the home page asks {@link
 * org.securebase.portal.welcome.Welcome} whether this is someone's first visit, and the page stays reachable from the
 * footer.
 */
package org.securebase.portal.welcome;
