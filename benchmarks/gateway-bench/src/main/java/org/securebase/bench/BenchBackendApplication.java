package org.securebase.bench;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's backend: one small JSON GET behind the same token checks as content-service
 * (platform-security's Keycloak adapter, audience {@code content-service}), without a database, so the numbers
 * are the HTTP and token path rather than PostgreSQL.
 */
@SpringBootApplication
public class BenchBackendApplication {

    public static void main(String[] args) {
        SpringApplication.run(BenchBackendApplication.class, args);
    }

    /** About the size of an article summary in the library listing. */
    record ArticleSummary(UUID id, String slug, String title, String status, int version, Instant publishedAt,
            List<String> sections) {
    }

    @RestController
    static class BenchController {

        private static final ArticleSummary SUMMARY = new ArticleSummary(
                UUID.fromString("8d3b0c52-6f0e-4a57-9b1e-2f6c1a7d9e40"), "attachment-and-healing",
                "Attachment and Healing: Why Relationships in Therapy Matter", "published", 1,
                Instant.parse("2026-11-01T09:00:00Z"),
                List.of("The therapeutic relationship", "A secure base", "Repair"));

        @GetMapping("/api/content/bench")
        ArticleSummary summary() {
            return SUMMARY;
        }
    }
}
