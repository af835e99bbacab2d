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
        "securebase.test.key-vault=true",
        // The path the local stack takes: a master key file made on first start wraps the keyset kept in the database.
        "securebase.journal.crypto.kek-uri=file:target/test-data/master-key.json",
        "securebase.journal.crypto.generate-dev-master-key=true",
        // Key rotations in tests: instances re-read the keyset often, so the rotation waits briefly.
        "securebase.journal.crypto.refresh-interval=PT0.1S",
        "securebase.journal.crypto.rotation-propagation=PT0.3S",
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
