package org.securebase.journal;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** journal-service: assignments, answers, feedback and the private journal. */
@SpringBootApplication
// The outbox relay runs on a schedule.
@EnableScheduling
public class JournalServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(JournalServiceApplication.class, args);
    }

    /** One clock for every timestamp, so tests can reason about them. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
