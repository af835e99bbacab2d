package org.securebase.content;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** content-service: the practice's reading library. */
@SpringBootApplication
// The outbox relay and Modulith's staleness monitor run on schedules.
@EnableScheduling
public class ContentServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ContentServiceApplication.class, args);
    }

    /** One clock for timestamps, so tests can reason about them. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
