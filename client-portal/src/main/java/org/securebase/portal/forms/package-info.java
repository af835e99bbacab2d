/**
 * What every form of the portal shares: turning Bean Validation's findings into one message per field (for the
 * error beside it, with {@code aria-invalid} and {@code aria-describedby}), the text limits every template's
 * hints and {@code data-max-length} read ({@code limits}, from platform-contracts, as the services enforce them), the line breaks
 * browsers send, and how a page writes dates: in its language and the reader's time zone ({@code @dates},
 * {@link org.securebase.portal.forms.ReaderZone}). Depends on no other package of the portal.
 */
package org.securebase.portal.forms;
