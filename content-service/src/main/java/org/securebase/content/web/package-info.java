/**
 * HTTP concerns the features share: the request body limit ({@link org.securebase.content.web.RequestBodyLimit})
 * and the OpenAPI document at {@code /api/content/v3/api-docs}.
 */
package org.securebase.content.web;
