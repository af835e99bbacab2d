package org.securebase.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Production encrypts every hop inside the cluster (ADR 0020): the mesh's mutual TLS between our pods and to
 * Keycloak, PostgreSQL with {@code sslmode=verify-full} against CloudNativePG's CA, Kafka over TLS (checked in
 * {@link KafkaIdentitiesTest}). The management ports stay outside the proxy, because a proxied request arrives from
 * loopback, which {@code LocalOperatorRequests} trusts.
 */
class InternalTlsTest {

    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([a-z0-9-]+)-rw:5432/[a-z_]+\\?(.*)");

    @Test
    void everyServiceVerifiesItsDatabaseServerAgainstTheClustersCa() {
        Kustomize.Build production = Deployments.build("production");
        Set<String> clusters = new TreeSet<>();
        production.ofKind("Cluster").forEach(c -> clusters.add(c.name()));
        List<String> problems = new ArrayList<>();
        Map<String, Integer> databases = new java.util.TreeMap<>();
        for (String service : Project.SERVICES) {
            JsonNode container = Deployments.container(production, service);
            for (String variable : NetworkPolicyTest.DATABASE_URLS) {
                JsonNode url = Deployments.env(container).get(variable);
                if (url == null) {
                    continue;
                }
                databases.merge(variable, 1, Integer::sum);
                String where = service + " " + variable;
                Matcher jdbc = JDBC.matcher(url.path("value").asText());
                if (!jdbc.matches()) {
                    problems.add(where + " " + url.path("value").asText() + " is not <cluster>-rw with parameters");
                    continue;
                }
                String cluster = jdbc.group(1);
                Map<String, String> parameters = parameters(jdbc.group(2));
                if (!clusters.contains(cluster)) {
                    problems.add(where + ": no CloudNativePG Cluster " + cluster);
                }
                if (!"verify-full".equals(parameters.get("sslmode"))) {
                    problems.add(where + ": sslmode is " + parameters.get("sslmode") + ", not verify-full");
                }
                String ca = Volumes.secretFileAt(production.get("Deployment", service).document(), container,
                        parameters.getOrDefault("sslrootcert", ""));
                if (!ca.equals(cluster + "-ca/ca.crt")) {
                    problems.add(where + ": sslrootcert is " + ca + ", not CloudNativePG's " + cluster + "-ca/ca.crt");
                }
            }
        }
        assertThat(databases).as("services with a database, and journal-service's key vault")
                .isEqualTo(Map.of("SPRING_DATASOURCE_URL", 4, "SECUREBASE_KEY_VAULT_URL", 1));
        assertThat(problems).isEmpty();
    }

    @Test
    void keycloakVerifiesItsDatabaseServerAndIsInTheMesh() {
        JsonNode keycloak = Deployments.build("production").get("Keycloak", "securebase-keycloak").document();
        String properties = "";
        for (JsonNode option : keycloak.path("spec").path("additionalOptions")) {
            if (option.path("name").asText().equals("db-url-properties")) {
                properties = option.path("value").asText();
            }
        }
        Map<String, String> parameters = parameters(properties.replaceFirst("^\\?", ""));
        assertThat(parameters.get("sslmode")).isEqualTo("verify-full");
        JsonNode podTemplate = keycloak.path("spec").path("unsupported").path("podTemplate");
        String host = keycloak.path("spec").path("db").path("host").asText();
        assertThat(host).endsWith("-rw");
        String cluster = host.substring(0, host.length() - "-rw".length());
        // the operator merges the pod template's first container into Keycloak's
        com.fasterxml.jackson.databind.node.ObjectNode workload = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        workload.putObject("spec").set("template", podTemplate);
        assertThat(Volumes.secretFileAt(workload, podTemplate.path("spec").path("containers").get(0), parameters.get("sslrootcert")))
                .isEqualTo(cluster + "-ca/ca.crt");
        assertThat(meshProblems("keycloak", podTemplate.path("metadata").path("annotations"), 9000, "all-authenticated"))
                .isEmpty();
    }

    @Test
    void everyPodOfOursIsMeshedWithItsManagementPortOutsideTheProxy() {
        Kustomize.Build production = Deployments.build("production");
        List<String> problems = new ArrayList<>();
        for (String service : Project.SERVICES) {
            ServiceContract contract = ServiceContract.of(service);
            assertThat(contract.managementPort()).as(service + " has a separate management port").isNotEqualTo(contract.serverPort());
            JsonNode annotations = production.get("Deployment", service).document()
                    .path("spec").path("template").path("metadata").path("annotations");
            // The public door accepts the Gateway's data plane, which need not be meshed; everything behind it only
            // accepts peers with a mesh identity.
            String policy = service.equals("api-gateway") ? "all-unauthenticated" : "all-authenticated";
            problems.addAll(meshProblems(service, annotations, contract.managementPort(), policy));
            Set<String> skipped = ports(annotations.path("config.linkerd.io/skip-inbound-ports").asText());
            if (skipped.contains(String.valueOf(contract.serverPort()))) {
                problems.add(service + ": its API port " + contract.serverPort() + " bypasses the mesh");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void meshedPodsMayReachTheMeshsControlPlaneAndNothingElseIsOpened() {
        Kustomize.Build production = Deployments.build("production");
        Set<String> selected = new TreeSet<>();
        for (Kustomize.Resource policy : production.ofKind("NetworkPolicy")) {
            JsonNode spec = policy.document().path("spec");
            boolean toLinkerd = false;
            for (JsonNode rule : spec.path("egress")) {
                for (JsonNode peer : rule.path("to")) {
                    toLinkerd |= peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name")
                            .asText().equals("linkerd");
                }
                if (toLinkerd) {
                    Set<Integer> ports = new TreeSet<>();
                    rule.path("ports").forEach(p -> ports.add(p.path("port").asInt()));
                    assertThat(ports).as(policy + ": identity, destination and policy").containsExactly(8080, 8086, 8090);
                }
            }
            if (toLinkerd) {
                assertThat(spec.path("ingress").isMissingNode() || spec.path("ingress").isEmpty()).as(policy + " opens no ingress").isTrue();
                selected.add(spec.path("podSelector").path("matchLabels").toString());
            }
        }
        assertThat(selected).containsExactlyInAnyOrder("{\"securebase.org/tier\":\"app\"}", "{\"securebase.org/keycloak\":\"true\"}");
    }

    @Test
    void theDevOverlayHasNoMeshAndNoDatabaseTls() {
        // A development cluster has no mesh installed; an inject annotation there would only leave pods unmeshed
        // while the documentation claims otherwise.
        Kustomize.Build dev = Deployments.build("dev");
        for (String service : Project.SERVICES) {
            assertThat(dev.get("Deployment", service).document().path("spec").path("template").path("metadata")
                    .path("annotations").has("linkerd.io/inject")).as(service).isFalse();
        }
    }

    private static List<String> meshProblems(String workload, JsonNode annotations, int managementPort, String policy) {
        List<String> problems = new ArrayList<>();
        if (!annotations.path("linkerd.io/inject").asText().equals("enabled")) {
            problems.add(workload + ": not injected into the mesh (linkerd.io/inject: enabled)");
        }
        if (!annotations.path("config.linkerd.io/default-inbound-policy").asText().equals(policy)) {
            problems.add(workload + ": default-inbound-policy is "
                    + annotations.path("config.linkerd.io/default-inbound-policy").asText() + ", not " + policy);
        }
        Set<String> skippedInbound = ports(annotations.path("config.linkerd.io/skip-inbound-ports").asText());
        if (!skippedInbound.equals(Set.of(String.valueOf(managementPort)))) {
            problems.add(workload + ": skip-inbound-ports " + skippedInbound + ", not exactly the management port " + managementPort);
        }
        Set<String> skippedOutbound = ports(annotations.path("config.linkerd.io/skip-outbound-ports").asText());
        if (!skippedOutbound.contains("5432")) {
            problems.add(workload + ": PostgreSQL's own TLS goes through the proxy (skip-outbound-ports lacks 5432)");
        }
        return problems;
    }

    private static Set<String> ports(String list) {
        Set<String> ports = new TreeSet<>();
        Arrays.stream(list.split(",")).map(String::trim).filter(p -> !p.isEmpty()).forEach(ports::add);
        return ports;
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return parameters;
    }
}
