/**
 * Nothing lost when things crash: a stream of writes through the services while they are killed (SIGKILL) and the
 * Kafka broker is restarted, then every acknowledged write, every projection and every outbox is checked.
 */
package org.securebase.systemtests.faults;
