package org.securebase.journal;

import org.securebase.journal.support.TestTopics;
import org.securebase.platform.test.RealBackends;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * journal-service started on its real PostgreSQL database and Kafka broker, with real Keycloak tokens. All test
 * classes share one application context (same properties), hence one Keycloak, one database and one consumer group.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "securebase.test.keycloak=true",
        // The path the local stack takes: no keyset configured, a development keyset generated into a file.
        "securebase.journal.crypto.generate-dev-keyset=true",
        "securebase.journal.crypto.keyset-file=target/test-data/journal-keyset.json",
        // Failed records are tried again soon; failed outbox sends are retried quickly.
        "securebase.events.consumer.initial-backoff=100ms",
        "securebase.events.consumer.max-backoff=2s",
        "securebase.events.outbox.retry-interval=PT1S",
        // The audit's sealer takes rows a second old, so a test sees them sealed soon.
        "securebase.journal.audit.seal-after=PT1S",
        "securebase.journal.audit.seal-interval=PT1S",
        // At JVM exit the shared PostgreSQL may stop before this context closes; Modulith's registry then asks it
        // once more on shutdown. Give up on a connection after 5 s instead of 30, so the test JVM exits in time.
        "spring.datasource.hikari.connection-timeout=5000"
})
@ContextConfiguration(initializers = RealBackends.class)
@Import(TestTopics.class)
public @interface JournalServiceIntegrationTest {
}
