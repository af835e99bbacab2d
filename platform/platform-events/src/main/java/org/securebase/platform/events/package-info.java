/**
 * The shape every Secure Base event has on Kafka, shared by producers and consumers.
 *
 * <ul>
 *   <li>{@link org.securebase.platform.events.EventEnvelope}: the JSON value of every record (event id,
 *       type, occurred-at, schema version, aggregate id, payload). The Kafka key is the aggregate id.</li>
 *   <li>{@link org.securebase.platform.events.Topics}: topic names ({@code securebase.<service>.<stream>.v<n>})
 *       and the dead-letter topic of each.</li>
 *   <li>{@link org.securebase.platform.events.EventJson}: reading and writing envelopes, with a tolerant reader
 *       so an added payload field never breaks an older consumer.</li>
 *   <li>{@code content}, {@code journal}: payload contracts of those services' topics, for the payloads other
 *       services read.</li>
 * </ul>
 *
 * <p>Events carry ids, names and numbers, never clinical text, tokens or passwords (docs/architecture.md, "Data protection").
 */
package org.securebase.platform.events;
