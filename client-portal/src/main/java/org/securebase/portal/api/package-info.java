/**
 * How the portal calls the platform's APIs: at each service's own address (ADR 0030), with the signed-in person's access token
 * (refreshed when it is about to expire), and with every failure turned into something a page can show
 * ({@link org.securebase.portal.api.Fetched}, {@link org.securebase.portal.api.Sent}). Pages do not use
 * {@link org.securebase.portal.api.PlatformApi} (or {@link org.securebase.portal.api.PublicApi}, for the calls made
 * without anyone's token) themselves: the typed client of each service or feature (in the package
 * of the pages that use it) names every call and builds its URI on top of it. A page's independent calls may run at
 * once ({@link org.securebase.portal.api.PageCalls}, ADR 0031).
 */
package org.securebase.portal.api;
