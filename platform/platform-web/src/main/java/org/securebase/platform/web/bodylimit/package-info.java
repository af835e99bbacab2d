/**
 * The request body limit of a servlet service: one filter, sized per service with
 * {@code securebase.web.max-body-size}, that answers a body over it with 413 problem+json before any JSON
 * parser or controller sees it.
 */
package org.securebase.platform.web.bodylimit;
