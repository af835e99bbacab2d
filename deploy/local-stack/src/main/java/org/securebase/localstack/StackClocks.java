package org.securebase.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The test-only {@code /actuator/clock} of a service, on its management port: how far ahead it is, and moving it. */
final class StackClocks {

    private static final Pattern OFFSET = Pattern.compile("\"offset\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private StackClocks() {
    }

    /** The clock's offset from real time, or empty when the service does not answer. */
    static Optional<Duration> offset(int managementPort) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(managementPort))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher offset = OFFSET.matcher(response.body());
            return response.statusCode() == 200 && offset.find() ? Optional.of(Duration.parse(offset.group(1)))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static void advance(int managementPort, Duration amount) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(managementPort))
                    .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"advance\":\"" + amount + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("moving the clock on port " + managementPort + " answered "
                        + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("moving the clock on port " + managementPort + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(int managementPort) {
        return URI.create("http://localhost:" + managementPort + "/actuator/clock");
    }
}
