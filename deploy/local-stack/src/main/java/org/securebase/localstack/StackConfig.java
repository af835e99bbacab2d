package org.securebase.localstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Everything the launcher can be told, each from an environment variable with a default that works on a
 * fresh machine. Management ports are the service port plus 1000. {@code SECUREBASE_CLOCK_ADJUSTABLE=true} (the
 * system tests set it) starts the services with a clock that the tests move forward through each service's
 * management port ({@code /actuator/clock}). {@code SECUREBASE_TRACING_ENDPOINT} (an OTLP/HTTP traces endpoint, e.g.
 * {@code http://localhost:4318/v1/traces} of a collector or Jaeger) turns tracing on in every service; unset, there
 * is none. {@code SECUREBASE_DEMO_STORY=false} leaves out the demo story ({@link DemoStory}): the demo client is then
 * only put on the demo therapist's caseload, with no homework, feedback or journal entry.
 */
public record StackConfig(
        Path projectRoot,
        Path dataDirectory,
        boolean reset,
        int gatewayPort,
        int portalPort,
        int contentPort,
        int journalPort,
        int accountPort,
        int keycloakPort,
        int keycloakManagementPort,
        int postgresPort,
        int smtpPort,
        int mailViewerPort,
        String demoPassword,
        List<String> serviceJavaOptions,
        boolean adjustableClock,
        String tracingEndpoint,
        boolean demoStory) {

    public static final String DEFAULT_JAVA_OPTIONS = "-Xms64m -Xmx384m -XX:+UseSerialGC -XX:MaxMetaspaceSize=192m";

    /**
     * Added to the defaults when the JDK accepts them. Giving freed malloc memory back to the system every 10 s
     * (JDK 17.0.9+, 21.0.1+, 22+): trimming once took 25-38 MB off each service's RSS in a platform benchmark run.
     * JDK 25's compact object headers (JEP 519) make every object 4 bytes smaller; docs/benchmarks.md has what a
     * whole run on JDK 25 gave.
     */
    static final List<String> FOOTPRINT_OPTIONS = List.of("-XX:TrimNativeHeapInterval=10000", "-XX:+UseCompactObjectHeaders");

    private static volatile List<String> defaultJavaOptions;

    /** {@link #DEFAULT_JAVA_OPTIONS} and those of {@link #FOOTPRINT_OPTIONS} this JDK accepts. */
    public static List<String> defaultJavaOptions() {
        List<String> options = defaultJavaOptions;
        if (options == null) {
            List<String> all = new java.util.ArrayList<>(List.of(DEFAULT_JAVA_OPTIONS.split(" ")));
            all.addAll(JavaRuntime.acceptedOptions(FOOTPRINT_OPTIONS));
            options = List.copyOf(all);
            defaultJavaOptions = options;
        }
        return options;
    }

    public static StackConfig fromEnvironment(Map<String, String> env, String... args) {
        Path root = Path.of(env.getOrDefault("SECUREBASE_PROJECT_ROOT", ".")).toAbsolutePath().normalize();
        boolean reset = Arrays.asList(args).contains("--reset") || Boolean.parseBoolean(env.get("SECUREBASE_RESET"));
        return new StackConfig(
                root,
                Path.of(env.getOrDefault("SECUREBASE_DATA_DIR", root.resolve(".securebase").toString())).toAbsolutePath(),
                reset,
                port(env, "SECUREBASE_GATEWAY_PORT", 8080),
                port(env, "SECUREBASE_PORTAL_PORT", 8081),
                port(env, "SECUREBASE_CONTENT_PORT", 8082),
                port(env, "SECUREBASE_JOURNAL_PORT", 8083),
                port(env, "SECUREBASE_ACCOUNT_PORT", 8084),
                port(env, "SECUREBASE_KEYCLOAK_PORT", 8180),
                port(env, "SECUREBASE_KEYCLOAK_MANAGEMENT_PORT", 9180),
                port(env, "SECUREBASE_POSTGRES_PORT", 15432),
                port(env, "SECUREBASE_SMTP_PORT", 3025),
                port(env, "SECUREBASE_MAIL_VIEWER_PORT", 8025),
                blankToNull(env.get("SECUREBASE_DEMO_PASSWORD")),
                javaOptions(env.get("SECUREBASE_SERVICE_JAVA_OPTS")),
                Boolean.parseBoolean(env.get("SECUREBASE_CLOCK_ADJUSTABLE")),
                blankToNull(env.get("SECUREBASE_TRACING_ENDPOINT")),
                !"false".equalsIgnoreCase(env.getOrDefault("SECUREBASE_DEMO_STORY", "true").trim()));
    }

    public String publicUrl() {
        return "http://localhost:" + gatewayPort;
    }

    public String keycloakPublicUrl() {
        return publicUrl() + "/auth";
    }

    public String keycloakInternalUrl() {
        return "http://localhost:" + keycloakPort + "/auth";
    }

    public String issuerUri() {
        return keycloakPublicUrl() + "/realms/securebase";
    }

    public String jwkSetUri() {
        return keycloakInternalUrl() + "/realms/securebase/protocol/openid-connect/certs";
    }

    private static int port(Map<String, String> env, String name, int defaultPort) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'");
        }
    }

    private static List<String> javaOptions(String configured) {
        return configured == null || configured.isBlank() ? defaultJavaOptions() : List.of(configured.trim().split("\\s+"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
