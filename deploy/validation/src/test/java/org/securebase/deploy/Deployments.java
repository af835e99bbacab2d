package org.securebase.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shared reads of the deployment files: the rendered kustomizations, compose, topics, the realm. */
final class Deployments {

    static final Path K8S = Project.path("deploy/k8s");
    static final Path COMPOSE_DIR = Project.path("deploy/compose");
    static final Path OBSERVABILITY = Project.path("deploy/observability");
    static final Path REALM = Project.path("deploy/keycloak/securebase-realm.json");
    static final Path DEV_USERS = Project.path("deploy/keycloak/dev/securebase-users-0.json");
    /** The realm plus {@link #DEV_REALM_OVERLAY}: what the local stack, the tests and the dev deployments import. */
    static final Path DEV_REALM = Project.path("deploy/keycloak/dev/securebase-realm.json");
    static final Path DEV_REALM_OVERLAY = Project.path("deploy/keycloak/dev/realm-overlay.json");
    static final List<String> OVERLAYS = List.of("dev", "production");
    /** Every kustomization under deploy/k8s. */
    static final List<String> BUILDS_UNDER_K8S = List.of("base", "dev", "production", "restore");

    private static final Map<String, Kustomize.Build> BUILDS = new LinkedHashMap<>();

    private Deployments() {
    }

    /**
     * A kustomization rendered by kubectl: "base", "restore" or an overlay. Only the dev overlay may load files from
     * outside its directory (the realm and the database script it shares with Compose).
     */
    static synchronized Kustomize.Build build(String name) {
        return BUILDS.computeIfAbsent(name, n -> Kustomize.build(directory(n), n.equals("dev")));
    }

    static Path directory(String build) {
        return switch (build) {
            case "base", "restore" -> K8S.resolve(build);
            default -> K8S.resolve("overlays/" + build);
        };
    }

    static JsonNode compose() {
        return Project.yaml(COMPOSE_DIR.resolve("compose.yaml"));
    }

    /** The one container of a service's Deployment in a build. */
    static JsonNode container(Kustomize.Build build, String service) {
        // the dev overlay runs its stateful servers (PostgreSQL, Kafka) as StatefulSets
        JsonNode deployment = build.resources().stream()
                .filter(r -> (r.kind().equals("Deployment") || r.kind().equals("StatefulSet")) && r.name().equals(service))
                .findFirst().orElseThrow(() -> new AssertionError("no Deployment or StatefulSet " + service)).document();
        for (JsonNode container : Kustomize.containers(deployment)) {
            if (container.path("name").asText().equals(service)) {
                return container;
            }
        }
        throw new AssertionError("Deployment " + service + " has no container named " + service);
    }

    static Map<String, JsonNode> env(JsonNode container) {
        Map<String, JsonNode> env = new LinkedHashMap<>();
        for (JsonNode variable : container.path("env")) {
            if (env.put(variable.path("name").asText(), variable) != null) {
                throw new AssertionError("env " + variable.path("name").asText() + " is set twice in container "
                        + container.path("name").asText());
            }
        }
        return env;
    }

    /** Kafka topic names of platform-events' Topics, plus each one's dead-letter topic. */
    static Set<String> topicsWithDeadLetters() {
        Set<String> topics = new TreeSet<>();
        for (String topic : org.securebase.platform.events.Topics.ALL) {
            topics.add(topic);
            topics.add(org.securebase.platform.events.Topics.deadLetterOf(topic));
        }
        return topics;
    }

    /** Every ${NAME} / ${NAME:default} placeholder in a realm import file. */
    static Set<String> placeholders(Path realmFile) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}").matcher(Project.read(realmFile));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
