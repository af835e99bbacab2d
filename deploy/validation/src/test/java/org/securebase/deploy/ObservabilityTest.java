package org.securebase.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/observability as production renders it: the PodMonitors find the pods, the metrics the alerts and the
 * dashboard read are produced by something this repository configures and are documented, and the operators'
 * settings those metrics need are on.
 */
class ObservabilityTest {

    private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");

    /** The metric names a PromQL expression reads (not its functions, keywords, label names or values). */
    static Set<String> metricNames(String expression) {
        String stripped = expression
                .replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(stripped);
        while (m.find()) {
            if (!PROMQL_WORDS.contains(m.group(1).toLowerCase())) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static List<JsonNode> alertRules() {
        List<JsonNode> rules = new ArrayList<>();
        Deployments.build("production").get("PrometheusRule", "securebase-alerts").document().path("spec").path("groups")
                .forEach(group -> group.path("rules").forEach(rules::add));
        return rules;
    }

    private static JsonNode dashboard() {
        return Project.json(Deployments.OBSERVABILITY.resolve("grafana/secure-base.json"));
    }

    private static List<String> dashboardQueries() {
        List<String> queries = new ArrayList<>();
        dashboard().path("panels").forEach(panel -> panel.path("targets").forEach(t -> queries.add(t.path("expr").asText())));
        return queries;
    }

    @Test
    void metricNamesOfAnExpression() {
        assertThat(metricNames("sum by (service, le) (rate(http_server_requests_seconds_bucket{system=\"securebase\", uri!~\"/a.*\"}[5m])) > 1"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(metricNames("time() - max by (service) (a_b{x=\"y\"}) > 93600 and up == 0 unless c:d"))
                .containsExactly("a_b", "c:d", "up");
    }

    @Test
    void everyAlertIsCompleteAndDocumented() {
        String operations = Project.read(Project.path("docs/operations.md"));
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode rule : alertRules()) {
            String name = rule.path("alert").asText();
            if (!names.add(name)) {
                problems.add(name + " is defined twice");
            }
            if (!Set.of("critical", "warning", "info").contains(rule.path("labels").path("severity").asText())) {
                problems.add(name + ": severity must be critical, warning or info");
            }
            if (rule.path("annotations").path("summary").asText().isEmpty() || rule.path("annotations").path("description").asText().isEmpty()) {
                problems.add(name + ": needs a summary and a description");
            }
            if (!operations.contains("`" + name + "`")) {
                problems.add(name + " is not named in docs/operations.md (Monitoring)");
            }
        }
        assertThat(names).hasSizeGreaterThan(20);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyMetricTheAlertsAndTheDashboardReadIsDocumented() {
        String operations = Project.read(Project.path("docs/operations.md"));
        Map<String, String> readBy = new LinkedHashMap<>();
        alertRules().forEach(rule -> metricNames(rule.path("expr").asText()).forEach(m -> readBy.putIfAbsent(m, rule.path("alert").asText())));
        dashboardQueries().forEach(query -> metricNames(query).forEach(m -> readBy.putIfAbsent(m, "the dashboard")));
        List<String> undocumented = new ArrayList<>();
        readBy.forEach((metric, reader) -> {
            if (!Pattern.compile("`" + Pattern.quote(metric) + "[`{\\[ ]").matcher(operations).find()) {
                undocumented.add(metric + " (read by " + reader + ")");
            }
        });
        assertThat(readBy).containsKeys("keycloak_user_events_total", "http_server_requests_seconds_bucket",
                "securebase_outbox_pending", "securebase_outbox_oldest_pending_seconds",
                "kafka_server_replicamanager_underreplicatedpartitions",
                "barman_cloud_cloudnative_pg_io_last_available_backup_timestamp");
        assertThat(undocumented).as("metrics docs/operations.md's Monitoring section must name, with what produces them").isEmpty();
    }

    @Test
    void theAlertsSelectTheProductionNamespace() {
        String namespace = Project.yaml(Deployments.directory("production").resolve("kustomization.yaml")).path("namespace").asText();
        Set<String> named = new TreeSet<>();
        for (JsonNode rule : alertRules()) {
            Matcher m = Pattern.compile("namespace=\"([^\"]*)\"").matcher(rule.path("expr").asText());
            while (m.find()) {
                named.add(m.group(1));
            }
        }
        assertThat(named).containsExactly(namespace);
        Kustomize.Build production = Deployments.build("production");
        assertThat(production.get("PrometheusRule", "securebase-alerts").document().path("metadata").path("namespace").asText()).isEqualTo(namespace);
    }

    @Test
    void everyPodMonitorFindsPodsAndTheServicesExposeWhatItScrapes() {
        Kustomize.Build production = Deployments.build("production");
        List<JsonNode> pods = NetworkPolicyTest.podLabels(production);
        List<String> problems = new ArrayList<>();
        for (Kustomize.Resource monitor : production.ofKind("PodMonitor")) {
            JsonNode selector = monitor.document().path("spec").path("selector");
            if (pods.stream().noneMatch(labels -> selects(selector, labels))) {
                problems.add(monitor + " selects no pod of production");
            }
        }
        assertThat(production.ofKind("PodMonitor")).hasSize(4);
        JsonNode endpoint = production.get("PodMonitor", "securebase-services").document().path("spec").path("podMetricsEndpoints").get(0);
        for (String service : Project.SERVICES) {
            JsonNode deployment = production.get("Deployment", service).document();
            if (!selects(production.get("PodMonitor", "securebase-services").document().path("spec").path("selector"),
                    deployment.path("spec").path("template").path("metadata").path("labels"))) {
                problems.add("securebase-services does not scrape " + service);
            }
            boolean hasPort = false;
            for (JsonNode port : Deployments.container(production, service).path("ports")) {
                hasPort |= port.path("name").asText().equals(endpoint.path("port").asText());
            }
            if (!hasPort) {
                problems.add(service + " has no port named " + endpoint.path("port").asText());
            }
            ServiceContract contract = ServiceContract.of(service);
            if (!contract.properties().getOrDefault("management.endpoints.web.exposure.include", "").contains("prometheus")
                    || !endpoint.path("path").asText().equals("/actuator/prometheus")) {
                problems.add(service + " does not expose " + endpoint.path("path").asText() + " on its management port");
            }
        }
        assertThat(problems).isEmpty();
    }

    /** A label selector (matchLabels, and matchExpressions with In or Exists) against one pod's labels. */
    static boolean selects(JsonNode selector, JsonNode labels) {
        for (var it = selector.path("matchLabels").properties().iterator(); it.hasNext(); ) {
            var requirement = it.next();
            if (!labels.path(requirement.getKey()).asText("\u0000").equals(requirement.getValue().asText())) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            JsonNode value = labels.get(expression.path("key").asText());
            boolean ok = switch (expression.path("operator").asText()) {
                case "Exists" -> value != null;
                case "In" -> value != null && expression.path("values").toString().contains("\"" + value.asText() + "\"");
                default -> throw new AssertionError("operator " + expression.path("operator").asText() + " is not one these checks know");
            };
            if (!ok) {
                return false;
            }
        }
        return !selector.path("matchLabels").isEmpty() || !selector.path("matchExpressions").isEmpty();
    }

    @Test
    void theMetricsTheAlertsNeedAreSwitchedOn() throws Exception {
        Kustomize.Build production = Deployments.build("production");
        for (Kustomize.Resource cluster : production.ofKind("Cluster")) {
            assertThat(cluster.document().path("spec").path("monitoring").has("enablePodMonitor"))
                    .as(cluster + ": monitoring.enablePodMonitor is deprecated; the PodMonitor securebase-postgres scrapes it").isFalse();
        }
        JsonNode kafka = production.ofKind("Kafka").get(0).document().path("spec");
        JsonNode metricsRef = kafka.path("kafka").path("metricsConfig").path("valueFrom").path("configMapKeyRef");
        assertThat(kafka.path("kafka").path("metricsConfig").path("type").asText()).isEqualTo("jmxPrometheusExporter");
        JsonNode rules = Project.YAML.readTree(production.get("ConfigMap", metricsRef.path("name").asText())
                .document().path("data").path(metricsRef.path("key").asText()).asText());
        assertThat(rules.path("lowercaseOutputName").asBoolean()).as("metric names as the alerts spell them").isTrue();
        assertThat(rules.path("rules")).isNotEmpty();
        assertThat(kafka.has("kafkaExporter")).as("consumer lag and dead-letter offsets come from Strimzi's Kafka Exporter").isTrue();

        JsonNode keycloak = production.ofKind("Keycloak").get(0).document().path("spec");
        Map<String, String> options = new LinkedHashMap<>();
        keycloak.path("additionalOptions").forEach(o -> options.put(o.path("name").asText(), o.path("value").asText()));
        assertThat(options).as("keycloak_user_events_total").containsEntry("metrics-enabled", "true").containsEntry("event-metrics-user-enabled", "true");
        assertThat(keycloak.path("features").path("enabled").toString()).contains("user-event-metrics");
        JsonNode composeKeycloak = Deployments.compose().path("services").path("keycloak").path("environment");
        assertThat(composeKeycloak.path("KC_EVENT_METRICS_USER_ENABLED").asText()).isEqualTo("true");
    }

    @Test
    void theDashboardShipsToGrafanasSidecar() {
        JsonNode dashboard = dashboard();
        Set<Integer> ids = new HashSet<>();
        dashboard.path("panels").forEach(panel -> assertThat(ids.add(panel.path("id").asInt())).as("panel id " + panel.path("id")).isTrue());
        assertThat(dashboardQueries()).hasSizeGreaterThan(15).allMatch(q -> q.contains("system=\"securebase\""));
        JsonNode configMap = Deployments.build("production").get("ConfigMap", "securebase-grafana-dashboard").document();
        assertThat(configMap.path("metadata").path("labels").path("grafana_dashboard").asText()).isEqualTo("1");
        assertThat(configMap.path("data").path("secure-base.json").asText())
                .isEqualTo(Project.read(Deployments.OBSERVABILITY.resolve("grafana/secure-base.json")));
    }
}
