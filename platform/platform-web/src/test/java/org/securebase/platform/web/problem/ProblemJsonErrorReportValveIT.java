package org.securebase.platform.web.problem;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's real Tomcat, with the paths its connector refuses before any filter or servlet runs: the answer is
 * problem+json from {@link ProblemJsonErrorReportValve}, not Tomcat's HTML page. Sent over a raw socket, because
 * HTTP clients refuse to send such paths at all.
 */
// Flyway (an optional dependency of the database-role grants) brings JDBC onto this module's test class path; this
// service has no database.
@SpringBootTest(classes = ProblemJsonErrorReportValveIT.ServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
class ProblemJsonErrorReportValveIT {

    @LocalServerPort
    private int port;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/api/probe/%00", "/api/probe/a%00b", "/api/probe/%C3%28%FF", "/api/probe/%ED%A0%80",
            "/api/probe/..%2F..%2Factuator", "/api/probe/%2e%2e/%2e%2e/%2e%2e/etc" })
    void aPathTomcatRefusesIsAnsweredWithProblemJson(String path) throws IOException {
        RawResponse response = get(path, "X-Request-Id: valve-it-1\r\n");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("content-type")).isEqualTo("application/problem+json;charset=UTF-8");
        assertThat(response.body())
                .contains("\"type\":\"urn:securebase:problem:bad-request\"")
                .contains("\"status\":400")
                .contains("\"title\":\"Bad request\"")
                .contains("\"requestId\":\"valve-it-1\"")
                .doesNotContainIgnoringCase("tomcat")
                .doesNotContain("<");
        assertThat(response.header("x-request-id")).isEqualTo("valve-it-1");
        assertThat(response.header("server")).isNull();
    }

    @Test
    void anUnsafeRequestIdIsReplacedNotEchoed() throws IOException {
        RawResponse response = get("/api/probe/%00", "X-Request-Id: <script>\r\n");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("x-request-id")).matches("[0-9a-f-]{36}");
        assertThat(response.body()).contains("\"requestId\":\"" + response.header("x-request-id") + "\"")
                .doesNotContain("script");
    }

    @Test
    void errorsTheApplicationAnswersItselfAreLeftAsTheyAre() throws IOException {
        // The service's own problem, with its own detail, which the valve must not replace by a generic one.
        RawResponse response = get("/api/probe/taken", "");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"urn:securebase:problem:conflict\"")
                .contains("\"detail\":\"" + ProbeController.TAKEN_DETAIL + "\"");
    }

    private RawResponse get(String rawPath, String extraHeaders) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: localhost\r\n" + extraHeaders + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return RawResponse.parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private record RawResponse(int status, Map<String, String> headers, String body) {

        static RawResponse parse(String raw) {
            int headEnd = raw.indexOf("\r\n\r\n");
            assertThat(headEnd).as("a complete response head in: %s", raw).isPositive();
            String[] lines = raw.substring(0, headEnd).split("\r\n");
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            String body = raw.substring(headEnd + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = unchunked(body);
            }
            return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
        }

        private static String unchunked(String chunked) {
            StringBuilder body = new StringBuilder();
            int at = 0;
            while (true) {
                int lineEnd = chunked.indexOf("\r\n", at);
                int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
                if (size == 0) {
                    return body.toString();
                }
                body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
        }

        String header(String name) {
            return headers.get(name);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ProbeController.class)
    static class ServiceApplication {
    }

    @RestController
    static class ProbeController {

        static final String TAKEN_DETAIL = "This slug is taken.";

        @GetMapping("/api/probe/taken")
        void taken() {
            throw new ConflictException(TAKEN_DETAIL);
        }
    }
}
