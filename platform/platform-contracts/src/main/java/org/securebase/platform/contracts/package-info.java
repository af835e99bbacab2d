/**
 * What the services and the portal must agree on, written once: the length and count limits of every text and list
 * the APIs accept ({@code JournalLimits}, {@code ContentLimits}, {@code AccountLimits}), who holds which role
 * ({@code PersonRoles}) and who may change an article ({@code ArticleAuthors}).
 *
 * <p>A service refuses input over a limit (413 or 400 problem+json); the portal checks the same limit before it
 * sends anything and shows the person a form error. Neither side ever shortens text: a limit that differs between
 * the two would otherwise cut clinical text silently, so both read it from here. Lengths are in Java {@code char}s
 * (UTF-16 code units), the unit {@link java.lang.String#length()} counts and the services check.
 */
package org.securebase.platform.contracts;
