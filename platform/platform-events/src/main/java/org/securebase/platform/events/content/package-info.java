/**
 * Payload contracts of {@link org.securebase.platform.events.Topics#CONTENT_ARTICLES}, owned by
 * content-service and read by journal-service's article catalog. Ids, names and numbers only: the body of
 * an article is fetched from content-service, never carried in an event.
 */
package org.securebase.platform.events.content;
