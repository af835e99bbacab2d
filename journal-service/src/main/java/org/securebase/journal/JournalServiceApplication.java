package org.securebase.journal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** journal-service: assignments, answers, feedback and the private journal. */
@SpringBootApplication
// The outbox relay runs on a schedule.
@EnableScheduling
public class JournalServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(JournalServiceApplication.class, args);
    }

}
