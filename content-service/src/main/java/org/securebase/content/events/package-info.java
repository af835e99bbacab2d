/**
 * Getting article events to Kafka: the transactional outbox and its relay.
 *
 * <p>The article feature publishes {@link org.securebase.content.article.ArticleEvent}s inside its
 * transactions. Spring Modulith's event publication registry (JPA, table {@code event_publication}) stores
 * each one in that same transaction; after commit, Modulith's Kafka externalizer sends it as an
 * {@link org.securebase.platform.events.EventEnvelope} to {@code securebase.content.articles.v1}, keyed by
 * article id, and marks the publication completed once the broker acknowledged it ({@code acks=all},
 * idempotent producer). A send that fails (broker down) leaves the publication FAILED;
 * {@link org.securebase.content.events.OutboxRelay} resubmits those until they get through. Delivery is
 * therefore at least once, and consumers deduplicate on the envelope's event id.
 *
 * <p>Owns: the externalization routing and mapping, the topic definition, the relay and the cleanup of
 * completed publications.
 */
package org.securebase.content.events;
