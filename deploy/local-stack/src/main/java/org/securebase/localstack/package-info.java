/**
 * The one-command launcher: embedded PostgreSQL, a KRaft Kafka broker, GreenMail, Keycloak from its
 * distribution, and the five services as child processes, configured to find each other.
 */
package org.securebase.localstack;
