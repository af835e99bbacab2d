/** The admin's view of accounts. */
package org.securebase.portal.accounts;
