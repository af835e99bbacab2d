package org.securebase.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checkers themselves: each must reject what the API server, kubectl or Spring would reject. */
class StrictParsingTest {

    private static JsonNode yaml(String text) throws Exception {
        return Project.YAML.readTree(text);
    }

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: x}
            spec:
              selector: {matchLabels: {app: x}}
              template:
                metadata: {labels: {app: x}}
                spec:
                  containers:
                    - name: x
                      image: x:1
                      env: [{name: A, value: "1"}]
                      readinessProbe: {httpGet: {path: /actuator/health/readiness, port: management}}
            """;

    @Test
    void aValidDeploymentParses() throws Exception {
        assertThat(StrictKubernetes.parse(yaml(DEPLOYMENT), "test").getMetadata().getName()).isEqualTo("x");
    }

    @Test
    void anUnknownFieldIsRejectedWithItsName() throws Exception {
        JsonNode typo = yaml(DEPLOYMENT.replace("httpGet: {path:", "httpGet: {paht:"));
        assertThatThrownBy(() -> StrictKubernetes.parse(typo, "test")).hasMessageContaining("paht");
        JsonNode misplaced = yaml(DEPLOYMENT.replace("readinessProbe: {httpGet:", "readinessProbe: {replicas: 2, httpGet:"));
        assertThatThrownBy(() -> StrictKubernetes.parse(misplaced, "test")).hasMessageContaining("replicas");
    }

    @Test
    void unquotedEnvValuesAndLabelsAreRejected() throws Exception {
        assertThatThrownBy(() -> StrictKubernetes.parse(yaml(DEPLOYMENT.replace("value: \"1\"", "value: 1")), "test"))
                .hasMessageContaining("env/A");
        assertThatThrownBy(() -> StrictKubernetes.parse(yaml(DEPLOYMENT.replace("labels: {app: x}", "labels: {app: true}")), "test"))
                .hasMessageContaining("must be a string");
    }

    @Test
    void aStringWhereTheApiWantsANumberIsRejected() throws Exception {
        String service = """
                apiVersion: v1
                kind: Service
                metadata: {name: s}
                spec: {ports: [{port: "8080"}]}
                """;
        assertThatThrownBy(() -> StrictKubernetes.parse(yaml(service), "test")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void kindsOutsideTheListAndWrongApiVersionsAreRejected() throws Exception {
        assertThatThrownBy(() -> StrictKubernetes.parse(yaml(DEPLOYMENT.replace("apps/v1", "apps/v1beta1")), "test"))
                .hasMessageContaining("apps/v1beta1/Deployment");
    }

    @Test
    void customResourcesAreCheckedAgainstTheirCrdSchema() throws Exception {
        String topic = """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t, labels: {strimzi.io/cluster: k}}
                spec: {partitions: 3, replicas: 3, config: {min.insync.replicas: 2}}
                """;
        assertThat(CrdSchemas.validate(yaml(topic))).isEmpty();
        assertThat(CrdSchemas.validate(yaml(topic.replace("replicas: 3,", "replica: 3,")))).anyMatch(p -> p.contains("/spec: property 'replica' is not defined"));
        assertThat(CrdSchemas.validate(yaml(topic.replace("partitions: 3", "partitions: three")))).anyMatch(p -> p.contains("/spec/partitions"));
        String cluster = """
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: c}
                spec: {storage: {size: 1Gi}}
                """;
        assertThat(CrdSchemas.validate(yaml(cluster))).anyMatch(p -> p.startsWith("/spec: required property 'instances'"));
        assertThat(CrdSchemas.isKnown(yaml("{apiVersion: kafka.strimzi.io/v1beta2, kind: Kafka}"))).isFalse();
        String podMonitor = """
                apiVersion: monitoring.coreos.com/v1
                kind: PodMonitor
                metadata: {name: m}
                spec:
                  selector: {matchLabels: {a: b}}
                  podMetricsEndpoints: [{port: metrics, scheme: http}]
                """;
        assertThat(CrdSchemas.validate(yaml(podMonitor))).isEmpty();
        assertThat(CrdSchemas.validate(yaml(podMonitor.replace("scheme: http", "scheme: gopher"))))
                .anyMatch(p -> p.startsWith("/spec/podMetricsEndpoints/0/scheme: does not have a value in the enumeration"));
        assertThat(CrdSchemas.validate(yaml(podMonitor.replace("port: metrics", "prot: metrics"))))
                .anyMatch(p -> p.contains("property 'prot' is not defined"));
    }

    @Test
    void kubectlsRefusalIsReportedWithItsReason(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("kustomization.yaml"), "resources:\n  - missing.yaml\n");
        assertThatThrownBy(() -> Kustomize.build(directory, false)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("kubectl kustomize").hasMessageContaining("missing.yaml");
    }

    @Test
    void withoutKubectlTheFailureSaysHowToInstallIt() {
        String before = System.getProperty("securebase.kubectl");
        System.setProperty("securebase.kubectl", "/nonexistent/kubectl");
        try {
            assertThatThrownBy(Kustomize::kubectl).hasMessageContaining(Kustomize.INSTALL_HINT);
        } finally {
            if (before == null) {
                System.clearProperty("securebase.kubectl");
            } else {
                System.setProperty("securebase.kubectl", before);
            }
        }
    }

    @Test
    void generatedConfigMapsAreFoundUnderTheirGeneratorName(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("kustomization.yaml"), """
                configMapGenerator:
                  - name: settings
                    literals: [a=b]
                """);
        Kustomize.Build build = Kustomize.build(directory, false);
        assertThat(build.get("ConfigMap", "settings").name()).matches("settings-[a-z0-9]{10}");
        assertThatThrownBy(() -> build.get("ConfigMap", "setting")).isInstanceOf(AssertionError.class);
    }

    @Test
    void springRelaxedBindingNames() {
        assertThat(ServiceContract.envName("spring.lifecycle.timeout-per-shutdown-phase")).isEqualTo("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE");
        assertThat(ServiceContract.sameVariable("SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE", "SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE")).isTrue();
        assertThat(ServiceContract.sameVariable("SECUREBASE_ROUTES_PORTAL", "SECUREBASE_ROUTES_CONTENT")).isFalse();
        assertThat(ServiceContract.envName("securebase.routes.portal")).isEqualTo("SECUREBASE_ROUTES_PORTAL");
        assertThat(ServiceContract.envName("securebase.security.public-paths[0]")).isEqualTo("SECUREBASE_SECURITY_PUBLIC_PATHS_0");
        assertThat(ServiceContract.isSecretName("SECUREBASE_JOURNAL_CRYPTO_GENERATE_DEV_KEYSET")).isFalse();
        assertThat(ServiceContract.isSecretName("SPRING_DATASOURCE_PASSWORD")).isTrue();
        assertThat(ServiceContract.isSecretName("SECUREBASE_JOURNAL_CRYPTO_KEYSET")).isTrue();
        assertThat(ServiceContract.isSecretName("SECUREBASE_KEYCLOAK_INTERNAL_URL")).isFalse();
    }
}
