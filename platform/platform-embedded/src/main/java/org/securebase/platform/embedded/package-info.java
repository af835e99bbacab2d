/**
 * Real servers without Docker: PostgreSQL from zonky's binaries, a KRaft Kafka broker, GreenMail as the
 * local SMTP server, and Keycloak from its Quarkus distribution. The local stack and the integration
 * tests both start them through these classes, so what runs in a test is what runs on a laptop.
 */
package org.securebase.platform.embedded;
