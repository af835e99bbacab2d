/**
 * What every form of the portal shares: turning Bean Validation's findings into one message per field (for the
 * error beside it, with {@code aria-invalid} and {@code aria-describedby}), the text limits every template's
 * hints and {@code data-max-length} read ({@code limits}, from platform-contracts, as the services enforce them), and the line breaks
 * browsers send. Depends on no other package of the portal.
 */
package org.securebase.portal.forms;
