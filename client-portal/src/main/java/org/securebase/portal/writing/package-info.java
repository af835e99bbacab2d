/**
 * Writing articles: therapists (and admins, whom content-service also lets write) list the library's drafts,
 * published and retracted articles, write one in Markdown beside a preview of exactly what readers will see,
 * save it, publish it and retract it. {@link org.securebase.portal.writing.AuthoringApi} is the client of
 * content-service's authoring endpoints (with entity tags), with its requests and answers
 * ({@link org.securebase.portal.writing.Writing}). content-service owns the articles and enforces every rule; this
 * package checks the same limits (platform-contracts) first so a mistake is explained beside the field, with the
 * typed text kept.
 */
package org.securebase.portal.writing;
