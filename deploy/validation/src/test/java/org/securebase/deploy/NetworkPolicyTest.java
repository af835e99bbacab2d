package org.securebase.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only the gateway is reachable from outside; each service reaches only its own database (journal-service also its
 * key vault), Kafka and Keycloak;
 * and every selector in the policies matches real pods in each overlay (a policy that selects nothing allows
 * nothing, so a label typo would silently cut a service off - or, for the deny-all, leave it open).
 */
class NetworkPolicyTest {

    static boolean labelsMatch(JsonNode labels, JsonNode selector) {
        if (selector == null || selector.isMissingNode() || !selector.isObject() || selector.isEmpty()) {
            return false;
        }
        for (var it = selector.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> requirement = it.next();
            if (!labels.path(requirement.getKey()).asText("\u0000").equals(requirement.getValue().asText())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Pod labels of everything in a build that makes pods: pod templates, what the operators' resources declare, and
     * the labels the operators put on their pods themselves (CloudNativePG's cnpg.io/cluster and cnpg.io/podRole,
     * Strimzi's strimzi.io/cluster, strimzi.io/kind and strimzi.io/name, on its nodes and its Kafka Exporter),
     * which the PodMonitors select.
     */
    static List<JsonNode> podLabels(Kustomize.Build build) {
        List<JsonNode> labels = new ArrayList<>();
        for (Kustomize.Resource resource : build.resources()) {
            JsonNode document = resource.document();
            if (Kustomize.podSpec(document) != null) {
                labels.add(document.path("spec").path("template").path("metadata").path("labels"));
            }
            switch (resource.kind()) {
                case "Cluster" -> labels.add(with(document.path("spec").path("inheritedMetadata").path("labels"),
                        "cnpg.io/cluster", resource.name(), "cnpg.io/podRole", "instance"));
                case "KafkaNodePool" -> {
                    String cluster = document.path("metadata").path("labels").path("strimzi.io/cluster").asText();
                    labels.add(with(document.path("spec").path("template").path("pod").path("metadata").path("labels"),
                            "strimzi.io/cluster", cluster, "strimzi.io/kind", "Kafka", "strimzi.io/name", cluster + "-kafka"));
                }
                case "Kafka" -> {
                    if (document.path("spec").has("kafkaExporter")) {
                        labels.add(with(JsonNodeFactory.instance.objectNode(), "strimzi.io/cluster", resource.name(),
                                "strimzi.io/kind", "Kafka", "strimzi.io/name", resource.name() + "-kafka-exporter"));
                    }
                }
                case "Keycloak" -> labels.add(document.path("spec").path("unsupported").path("podTemplate").path("metadata").path("labels"));
                default -> { }
            }
        }
        return labels;
    }

    private static JsonNode with(JsonNode labels, String... operatorLabels) {
        ObjectNode all = labels.isObject() ? ((ObjectNode) labels).deepCopy() : JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < operatorLabels.length; i += 2) {
            all.put(operatorLabels[i], operatorLabels[i + 1]);
        }
        return all;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyPodSelectorMatchesPods(String overlay) {
        Kustomize.Build build = Deployments.build(overlay);
        List<JsonNode> pods = podLabels(build);
        List<String> problems = new ArrayList<>();
        for (Kustomize.Resource policy : build.ofKind("NetworkPolicy")) {
            List<JsonNode> selectors = new ArrayList<>();
            selectors.add(policy.document().path("spec").path("podSelector").path("matchLabels"));
            for (String direction : List.of("ingress", "egress")) {
                for (JsonNode rule : policy.document().path("spec").path(direction)) {
                    for (JsonNode peer : rule.path(direction.equals("ingress") ? "from" : "to")) {
                        if (peer.has("podSelector") && !peer.has("namespaceSelector")) {
                            selectors.add(peer.path("podSelector").path("matchLabels"));
                        }
                    }
                }
            }
            for (JsonNode selector : selectors) {
                if (pods.stream().noneMatch(labels -> labelsMatch(labels, selector))) {
                    problems.add(overlay + " " + policy + ": selector " + selector + " matches no pod");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The variables that name a service's databases: its own, and journal-service's key vault. */
    static final List<String> DATABASE_URLS = List.of("SPRING_DATASOURCE_URL", "SECUREBASE_KEY_VAULT_URL");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void onlyTheGatewayIsOpenAndEachServiceReachesOnlyItsOwnDatabase(String overlay) {
        Kustomize.Build build = Deployments.build(overlay);
        List<Kustomize.Resource> policies = build.ofKind("NetworkPolicy");
        for (String service : Project.SERVICES) {
            JsonNode pod = build.get("Deployment", service).document().path("spec").path("template").path("metadata").path("labels");
            List<JsonNode> applying = policies.stream().map(r -> (JsonNode) r.document())
                    .filter(p -> labelsMatch(pod, p.path("spec").path("podSelector").path("matchLabels"))).toList();
            assertThat(applying.stream().anyMatch(p -> p.path("spec").path("policyTypes").toString().contains("Ingress")
                    && p.path("spec").path("policyTypes").toString().contains("Egress") && !p.path("spec").has("ingress")
                    && !p.path("spec").has("egress"))).as(overlay + ": a deny-all policy covers " + service).isTrue();

            boolean openToAll = applying.stream().flatMap(p -> stream(p.path("spec").path("ingress")))
                    .anyMatch(rule -> !rule.has("from") || rule.path("from").isEmpty());
            assertThat(openToAll).as(overlay + ": " + service + " open to any source").isEqualTo(service.equals("api-gateway"));

            Set<String> databases = new TreeSet<>();
            applying.stream().flatMap(p -> stream(p.path("spec").path("egress"))).flatMap(rule -> stream(rule.path("to")))
                    .forEach(peer -> peer.path("podSelector").path("matchLabels").fieldNames().forEachRemaining(label -> {
                        if (label.startsWith("securebase.org/db-")) {
                            databases.add(label.substring("securebase.org/db-".length()));
                        }
                    }));
            Set<String> own = new TreeSet<>();
            // its database, and journal-service's key vault (ADR 0036)
            for (String variable : DATABASE_URLS) {
                JsonNode url = Deployments.env(Deployments.container(build, service)).get(variable);
                if (url != null) {
                    Matcher m = Pattern.compile("jdbc:postgresql://([a-z-]+?)-db-rw[:/]").matcher(url.path("value").asText());
                    assertThat(m.find()).as(service + " " + variable + " names a <db>-db-rw host").isTrue();
                    own.add(m.group(1));
                }
            }
            assertThat(databases).as(overlay + ": databases " + service + " may reach").isEqualTo(own);
        }
    }

    /** The services the portal calls, each with its port, and the variable that gives the portal its address. */
    private static final Map<String, Map.Entry<String, Integer>> PORTAL_CALLS = Map.of(
            "journal-service", Map.entry("SECUREBASE_API_JOURNAL_URL", 8083),
            "content-service", Map.entry("SECUREBASE_API_CONTENT_URL", 8082),
            "account-service", Map.entry("SECUREBASE_API_ACCOUNTS_URL", 8084));

    /**
     * The portal calls the three API services at their own addresses (ADR 0030): its variables name them, its egress
     * allows exactly those ports of those pods and not the gateway, and each service admits the portal.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void thePortalReachesEachApiServiceDirectlyAndNotTheGateway(String overlay) {
        Kustomize.Build build = Deployments.build(overlay);
        List<JsonNode> policies = build.ofKind("NetworkPolicy").stream().map(r -> (JsonNode) r.document()).toList();
        Map<String, JsonNode> portalEnv = Deployments.env(Deployments.container(build, "client-portal"));
        List<JsonNode> portalEgress = egressOf(build, policies, "client-portal");
        for (Map.Entry<String, Map.Entry<String, Integer>> call : PORTAL_CALLS.entrySet()) {
            String service = call.getKey();
            int port = call.getValue().getValue();
            assertThat(portalEnv.get(call.getValue().getKey())).as(overlay + ": the portal's " + call.getValue().getKey())
                    .isNotNull();
            assertThat(portalEnv.get(call.getValue().getKey()).path("value").asText())
                    .isEqualTo("http://" + service + ":" + port);
            assertThat(portalEgress.stream().anyMatch(rule -> reaches(rule, service, port)))
                    .as(overlay + ": the portal may connect to " + service + ":" + port).isTrue();
            JsonNode pod = podLabelsOf(build, service);
            boolean admitsPortal = policies.stream()
                    .filter(p -> labelsMatch(pod, p.path("spec").path("podSelector").path("matchLabels")))
                    .flatMap(p -> stream(p.path("spec").path("ingress"))).flatMap(rule -> stream(rule.path("from")))
                    .anyMatch(peer -> peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name")
                            .asText().equals("client-portal"));
            assertThat(admitsPortal).as(overlay + ": " + service + " admits the portal").isTrue();
        }
        assertThat(portalEgress.stream().anyMatch(rule -> reaches(rule, "api-gateway", 8080)))
                .as(overlay + ": the portal calls back through the gateway").isFalse();
        assertThat(portalEnv).as(overlay + ": the portal's old single API address").doesNotContainKey("SECUREBASE_API_BASE_URL");
    }

    @org.junit.jupiter.api.Test
    void composeGivesThePortalEachServicesAddress() {
        JsonNode environment = Deployments.compose().path("services").path("client-portal").path("environment");
        for (Map.Entry<String, Map.Entry<String, Integer>> call : PORTAL_CALLS.entrySet()) {
            assertThat(environment.path(call.getValue().getKey()).asText())
                    .isEqualTo("http://" + call.getKey() + ":" + call.getValue().getValue());
        }
        assertThat(environment.has("SECUREBASE_API_BASE_URL")).isFalse();
    }

    private static JsonNode podLabelsOf(Kustomize.Build build, String service) {
        return build.get("Deployment", service).document().path("spec").path("template").path("metadata").path("labels");
    }

    private static List<JsonNode> egressOf(Kustomize.Build build, List<JsonNode> policies, String service) {
        JsonNode pod = podLabelsOf(build, service);
        return policies.stream().filter(p -> labelsMatch(pod, p.path("spec").path("podSelector").path("matchLabels")))
                .flatMap(p -> stream(p.path("spec").path("egress"))).toList();
    }

    private static boolean reaches(JsonNode egressRule, String service, int port) {
        boolean toService = stream(egressRule.path("to")).anyMatch(peer ->
                peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText().equals(service));
        boolean onPort = stream(egressRule.path("ports")).anyMatch(p -> p.path("port").asText().equals(Integer.toString(port)));
        return toService && onPort;
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }
}
