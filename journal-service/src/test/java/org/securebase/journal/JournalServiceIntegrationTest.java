package org.securebase.journal;

import org.securebase.platform.test.RealBackends;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** journal-service started on its real PostgreSQL database and Kafka broker, with real Keycloak tokens. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "securebase.test.keycloak=true")
@ContextConfiguration(initializers = RealBackends.class)
public @interface JournalServiceIntegrationTest {
}
