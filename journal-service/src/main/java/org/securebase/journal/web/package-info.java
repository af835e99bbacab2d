/**
 * HTTP plumbing every feature shares: the keyset page shape and its opaque cursors, page-size limits, the
 * request-body limit, the URL role rules of {@code /api/journal/**} and the OpenAPI document. Owns no data.
 */
package org.securebase.journal.web;
