package org.securebase.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** deploy/compose: the Compose files, the image recipe and the .env contract. */
class ComposeTest {

    private static final Set<String> SERVICE_KEYS = Set.of("image", "build", "restart", "command", "entrypoint", "environment",
            "volumes", "ports", "depends_on", "healthcheck", "networks", "mem_limit", "stop_grace_period", "secrets");

    @Test
    void composeServicesUseOnlyKnownKeysAndValidDependencies() {
        JsonNode compose = Deployments.compose();
        assertThat(compose.path("services").size()).isGreaterThanOrEqualTo(Project.SERVICES.size() + 4);
        List<String> problems = new ArrayList<>();
        compose.path("services").fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            JsonNode service = entry.getValue();
            service.fieldNames().forEachRemaining(key -> {
                if (!SERVICE_KEYS.contains(key)) {
                    problems.add(name + ": key '" + key + "' is not one this project uses (typo?)");
                }
            });
            if (!service.has("image")) {
                problems.add(name + ": no image");
            }
            service.path("depends_on").fields().forEachRemaining(dependency -> {
                JsonNode target = compose.path("services").path(dependency.getKey());
                String condition = dependency.getValue().path("condition").asText();
                if (target.isMissingNode()) {
                    problems.add(name + " depends on unknown service " + dependency.getKey());
                } else if (condition.equals("service_healthy") && !target.has("healthcheck")) {
                    problems.add(name + " waits for " + dependency.getKey() + " to be healthy, which has no healthcheck");
                } else if (!Set.of("service_healthy", "service_started", "service_completed_successfully").contains(condition)) {
                    problems.add(name + " -> " + dependency.getKey() + ": condition '" + condition + "'");
                }
            });
            for (JsonNode port : service.path("ports")) {
                if (!name.equals("api-gateway") && !port.asText().startsWith("127.0.0.1:")) {
                    problems.add(name + " publishes " + port.asText() + " beyond 127.0.0.1: only the gateway is public");
                }
            }
            for (JsonNode volume : service.path("volumes")) {
                String source = volume.asText().split(":")[0];
                if (source.startsWith(".") && !Deployments.COMPOSE_DIR.resolve(source).normalize().toFile().exists()) {
                    problems.add(name + " mounts " + source + ", which does not exist");
                }
            }
        });
        assertThat(compose.path("services").path("api-gateway").path("ports")).isNotEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void everyRequiredVariableIsInEnvExampleAndEnvIsIgnored() {
        Set<String> required = new TreeSet<>();
        for (String file : List.of("compose.yaml", "compose.demo.yaml")) {
            Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:\\?[^}]*)?}").matcher(Project.read(Deployments.COMPOSE_DIR.resolve(file)));
            while (m.find()) {
                required.add(m.group(1));
            }
        }
        assertThat(required).contains("SECUREBASE_PUBLIC_URL", "KAFKA_OPERATOR_PASSWORD", "JOURNAL_APP_DB_PASSWORD");
        Set<String> example = new TreeSet<>();
        Matcher line = Pattern.compile("(?m)^#?([A-Z][A-Z0-9_]*)=").matcher(Project.read(Deployments.COMPOSE_DIR.resolve(".env.example")));
        while (line.find()) {
            example.add(line.group(1));
        }
        assertThat(example).as(".env.example documents every variable compose.yaml needs").containsAll(required);
        Set<String> generated = new TreeSet<>();
        Matcher gen = Pattern.compile("(?m)^([A-Z][A-Z0-9_]*)=").matcher(Project.read(Deployments.COMPOSE_DIR.resolve("generate-env.sh")));
        while (gen.find()) {
            generated.add(gen.group(1));
        }
        assertThat(generated).as("generate-env.sh writes every required variable").containsAll(required);
        assertThat(Project.read(Project.path(".gitignore")).lines()).as(".env must stay out of git").contains("deploy/compose/.env");
    }

    @Test
    void noSecretIsWrittenIntoComposeFiles() {
        List<String> problems = new ArrayList<>();
        for (String file : List.of("compose.yaml", "compose.demo.yaml", "compose.keyset-import.yaml")) {
            Project.yaml(Deployments.COMPOSE_DIR.resolve(file)).path("services").fields().forEachRemaining(service ->
                    service.getValue().path("environment").fields().forEachRemaining(env -> {
                        String value = env.getValue().asText();
                        if (ServiceContract.isSecretName(env.getKey()) && !value.isEmpty() && !value.startsWith("${")) {
                            problems.add(file + " " + service.getKey() + " " + env.getKey() + " is a literal");
                        }
                    }));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theImageRecipeIsLayeredNonRootAndHealthChecked() {
        List<String> lines = Project.read(Deployments.COMPOSE_DIR.resolve("Dockerfile")).lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(lines).anyMatch(l -> l.matches("RUN java -Djarmode=tools -jar application\\.jar extract --layers --launcher.*"));
        assertThat(lines).anyMatch(l -> l.startsWith("COPY ${MODULE}/target/${MODULE}-*-exec.jar "));
        for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
            assertThat(lines).as("layer " + layer).anyMatch(l -> l.startsWith("COPY --from=extract /extract/layers/" + layer + "/ "));
        }
        String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no USER"));
        assertThat(user).as("the last USER is a numeric non-root uid").matches("USER [1-9][0-9]*(:[0-9]+)?");
        assertThat(lines).anyMatch(l -> l.startsWith("HEALTHCHECK ") && l.contains("/usr/local/bin/healthcheck"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("ENTRYPOINT [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]");
        String ignore = Project.read(Deployments.COMPOSE_DIR.resolve("Dockerfile.dockerignore"));
        assertThat(ignore.lines()).contains("**", "!*/target/*-exec.jar", "!deploy/compose/healthcheck.sh");
        assertThat(Path.of(Deployments.COMPOSE_DIR.resolve("healthcheck.sh").toString()).toFile().canExecute()).isTrue();
    }
}
