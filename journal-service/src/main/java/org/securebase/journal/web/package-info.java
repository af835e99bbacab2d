/**
 * HTTP plumbing every feature shares: the keyset page shape and its opaque cursors, page-size limits, the
 * URL role rules of {@code /api/journal/**} and the OpenAPI document. Owns no data. The request body limit is
 * platform-web's, sized in {@code application.yml} ({@code securebase.web.max-body-size}).
 */
package org.securebase.journal.web;
