package org.securebase.systemtests.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.securebase.localstack.SecureBaseStack;
import org.securebase.localstack.StackConfig;
import org.securebase.systemtests.RunningStack;
import org.securebase.systemtests.ThreadDumps;
import org.securebase.systemtests.authorization.StackAccess;

/**
 * The alerts in {@code deploy/observability/alerts.yaml} watch metrics by name, and an alert on a metric nobody
 * produces never fires. After a little traffic (pages, refused API calls, a sign-in and a failed one), every metric
 * an alert names is scraped from {@code /actuator/prometheus} of the service that should produce it, or from
 * Keycloak's {@code /metrics}. Metrics of the cluster's own exporters (kube-state-metrics, the kubelet, Kafka's JMX and
 * Kafka Exporter, CloudNativePG and its backup plugin, Prometheus' {@code up}) cannot exist here and are named, so a
 * new alert must be placed in one of the two groups.
 */
class AlertMetricsIT {

    private static final Path ALERTS = Path.of(System.getProperty("securebase.project.root", ".."))
            .resolve("deploy/observability/alerts.yaml");

    /** A metric name right before its label selector; every expression in the file selects by label. */
    private static final Pattern SELECTED_METRIC = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");

    /** Produced by the cluster, not by Secure Base, and which part of the cluster. */
    private static final Map<String, String> CLUSTER_EXPORTERS = Map.of(
            "kube_", "kube-state-metrics",
            "kubelet_", "the kubelet",
            "kafka_server_", "Strimzi's JMX exporter on the brokers",
            "kafka_controller_", "Strimzi's JMX exporter on the brokers",
            "kafka_consumergroup_", "Kafka Exporter",
            "kafka_topic_", "Kafka Exporter",
            "cnpg_", "CloudNativePG's instance exporter",
            "barman_cloud_", "the Barman Cloud plugin",
            "certmanager_", "cert-manager",
            "up", "Prometheus itself");

    /** Which of ours must produce a metric: every service, or the ones named. */
    private static final Map<String, List<String>> PRODUCERS = Map.of(
            "spring_cloud_gateway_", List.of("api-gateway"),
            "resilience4j_", List.of("api-gateway"),
            "securebase_outbox_", List.of("content-service", "journal-service", "account-service"),
            "hikaricp_", List.of("client-portal", "content-service", "journal-service", "account-service"),
            "keycloak_", List.of("keycloak"));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyMetricAnAlertReadsIsProduced() throws Exception {
        SecureBaseStack stack = RunningStack.get();
        StackAccess access = StackAccess.of(stack);
        StackConfig config = stack.config();
        Map<String, String> scrapeUrls = new LinkedHashMap<>();
        scrapeUrls.put("api-gateway", management(config.gatewayPort()));
        scrapeUrls.put("client-portal", management(config.portalPort()));
        scrapeUrls.put("content-service", management(config.contentPort()));
        scrapeUrls.put("journal-service", management(config.journalPort()));
        scrapeUrls.put("account-service", management(config.accountPort()));
        scrapeUrls.put("keycloak", stack.keycloak().managementBaseUrl() + "/metrics");

        Set<String> alerted = alertedMetrics();
        assertThat(alerted).as("metrics named in " + ALERTS).hasSizeGreaterThan(20);
        Map<String, List<String>> expected = new TreeMap<>();
        Set<String> fromTheCluster = new TreeSet<>();
        for (String metric : alerted) {
            if (CLUSTER_EXPORTERS.keySet().stream().anyMatch(prefix -> metric.equals(prefix) || (prefix.endsWith("_") && metric.startsWith(prefix)))) {
                fromTheCluster.add(metric);
                continue;
            }
            expected.put(metric, PRODUCERS.entrySet().stream().filter(p -> metric.startsWith(p.getKey()))
                    .map(Map.Entry::getValue).findFirst()
                    .orElse(List.of("api-gateway", "client-portal", "content-service", "journal-service", "account-service")));
        }

        traffic(stack, access);

        Map<String, Set<String>> missing = new TreeMap<>();
        await("every alerted metric scraped").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    missing.clear();
                    Map<String, Set<String>> scraped = new LinkedHashMap<>();
                    for (Map.Entry<String, String> source : scrapeUrls.entrySet()) {
                        scraped.put(source.getKey(), metricNames(get(source.getValue())));
                    }
                    expected.forEach((metric, producers) -> producers.forEach(producer -> {
                        if (!scraped.get(producer).contains(metric)) {
                            missing.computeIfAbsent(producer, p -> new TreeSet<>()).add(metric);
                        }
                    }));
                    assertThat(missing).as("alerted metrics a producer does not expose").isEmpty();
                });
        long checks = expected.values().stream().mapToLong(List::size).sum();
        System.out.printf("alert-metrics alerts-metrics=%d ours=%d checks=%d from-the-cluster=%d missing=%d%n",
                alerted.size(), expected.size(), checks, fromTheCluster.size(), missing.size());
    }

    private void traffic(SecureBaseStack stack, StackAccess access) throws Exception {
        for (int i = 0; i < 3; i++) {
            status(stack.publicUrl() + "/");
            status(stack.publicUrl() + "/api/content/articles");
            status(access.serviceUrl(org.securebase.systemtests.authorization.ApiService.JOURNAL) + "/api/journal/assignments");
            // Directly as well: the gateway may refuse an anonymous call before routing it, and the test must not
            // depend on an earlier suite having reached the service.
            status(access.serviceUrl(org.securebase.systemtests.authorization.ApiService.CONTENT) + "/api/content/articles");
        }
        access.portal().login("client@securebase.test", access.demoPassword());
        assertThatThrownBy(() -> access.portal().login("client@securebase.test", "not the password"))
                .as("a failed sign-in, for Keycloak's event counter").isInstanceOf(RuntimeException.class);
    }

    static Set<String> alertedMetrics() throws IOException {
        Set<String> metrics = new TreeSet<>();
        for (String line : Files.readAllLines(ALERTS)) {
            if (line.trim().startsWith("#")) {
                continue;
            }
            Matcher m = SELECTED_METRIC.matcher(line);
            while (m.find()) {
                metrics.add(m.group(1));
            }
        }
        return metrics;
    }

    /** Metric names in a Prometheus or OpenMetrics text exposition, with histogram and counter suffixes as written. */
    static Set<String> metricNames(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        }
        return names;
    }

    private static String management(int port) {
        return "http://localhost:" + (port + 1000) + "/actuator/prometheus";
    }

    private String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/plain;version=0.0.4, */*").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    private int status(String url) throws IOException, InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.net.http.HttpTimeoutException hung) {
            ThreadDumps.ofEveryService(RunningStack.get(), "GET " + url + " got no answer in 30 s");
            throw hung;
        }
    }
}
