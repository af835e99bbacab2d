/**
 * How the portal calls the platform's APIs: through the gateway, with the signed-in person's access token
 * (refreshed when it is about to expire), and with every failure turned into something a page can show.
 */
package org.securebase.portal.api;
