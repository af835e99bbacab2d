/**
 * Pages about the portal itself that anyone may read, signed in or not: the accessibility statement, linked from
 * every page's footer. Owns no data and calls no service.
 */
package org.securebase.portal.about;
