package org.securebase.content.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.securebase.platform.test.RealBackends;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Every content-service integration test: the whole service on a random port against the shared real
 * PostgreSQL (its own database), Kafka broker and Keycloak (real tokens of the demo users). All test classes
 * share one application context unless they add properties (the broker outage test does, to get a broker
 * of its own that it can stop).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "securebase.test.keycloak=true",
        // Retry failed outbox publications every second instead of every ten.
        "securebase.events.outbox.retry-interval=PT1S",
        // At JVM exit the shared database may stop before this context closes (their shutdown hooks run
        // concurrently); do not wait the default 30 s for a connection that cannot come.
        "spring.datasource.hikari.connection-timeout=3000"
})
@ContextConfiguration(initializers = { RealBackends.class, RestartableKafka.Initializer.class })
public @interface ContentServiceIntegrationTest {
}
