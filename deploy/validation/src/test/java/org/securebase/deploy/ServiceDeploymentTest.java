package org.securebase.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service as Compose and Kubernetes run it, against what the service itself reads: every derived environment
 * variable is set (naming the service, the variable and why it is needed), secrets come from secret stores, and
 * image names, ports and health paths agree with application.yml.
 */
class ServiceDeploymentTest {

    static Stream<String> services() {
        return Project.SERVICES.stream();
    }

    /** The environment a compose service gets: the environment mapping (a list form is refused, to keep it checkable). */
    private static Map<String, String> composeEnv(String service) {
        JsonNode definition = Deployments.compose().path("services").path(service);
        assertThat(definition.isMissingNode()).as("compose.yaml has no service " + service).isFalse();
        JsonNode environment = definition.path("environment");
        assertThat(environment.isObject()).as("compose.yaml " + service + ": environment must be a mapping").isTrue();
        Map<String, String> env = new LinkedHashMap<>();
        environment.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    @ParameterizedTest
    @MethodSource("services")
    void composeSetsEveryVariableTheServiceReads(String service) {
        ServiceContract contract = ServiceContract.of(service);
        Map<String, String> env = composeEnv(service);
        List<String> missing = new ArrayList<>();
        contract.requiredEnv().forEach((name, why) -> {
            if (!ServiceContract.containsVariable(env.keySet(), name)) {
                missing.add(service + " needs " + name + " (" + why + ") but deploy/compose/compose.yaml does not set it");
            }
        });
        assertThat(missing).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyKubernetesBuildSetsEveryVariableTheServiceReads(String service) {
        ServiceContract contract = ServiceContract.of(service);
        List<String> missing = new ArrayList<>();
        for (String build : List.of("base", "dev", "production")) {
            Map<String, JsonNode> env = Deployments.env(Deployments.container(Deployments.build(build), service));
            contract.requiredEnv().forEach((name, why) -> {
                if (!ServiceContract.containsVariable(env.keySet(), name)) {
                    missing.add(service + " needs " + name + " (" + why + ") but the Kubernetes " + build + " Deployment does not set it");
                }
            });
        }
        assertThat(missing).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("services")
    void noDeploymentSetsASecureBaseVariableTheServiceDoesNotRead(String service) {
        ServiceContract contract = ServiceContract.of(service);
        List<String> unknown = new ArrayList<>();
        composeEnv(service).keySet().stream().filter(n -> n.startsWith("SECUREBASE_") && !ServiceContract.containsVariable(contract.knownEnv(), n))
                .forEach(n -> unknown.add("compose.yaml sets " + n + " for " + service + ", which reads no such property"));
        Deployments.env(Deployments.container(Deployments.build("base"), service)).keySet().stream()
                .filter(n -> n.startsWith("SECUREBASE_") && !ServiceContract.containsVariable(contract.knownEnv(), n))
                .forEach(n -> unknown.add("k8s base sets " + n + " for " + service + ", which reads no such property"));
        assertThat(unknown).as("a renamed or misspelt variable").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("services")
    void secretsComeFromSecretStoresNeverFromLiterals(String service) {
        List<String> problems = new ArrayList<>();
        composeEnv(service).forEach((name, value) -> {
            if (ServiceContract.isSecretName(name) && !value.matches("\\$\\{[A-Z0-9_]+(:\\?[^}]*)?}")) {
                problems.add("compose.yaml " + service + " " + name + " must be ${VAR:?...} from .env, not '" + value + "'");
            }
        });
        for (String build : List.of("base", "dev", "production")) {
            Deployments.env(Deployments.container(Deployments.build(build), service)).forEach((name, variable) -> {
                if (ServiceContract.isSecretName(name) && variable.path("valueFrom").path("secretKeyRef").isMissingNode()) {
                    problems.add(build + " " + service + " " + name + " must come from a secretKeyRef");
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("services")
    void kubernetesPortsProbesAndLifecycleMatchTheService(String service) {
        ServiceContract contract = ServiceContract.of(service);
        for (String build : List.of("base", "dev", "production")) {
            Kustomize.Build rendered = Deployments.build(build);
            JsonNode container = Deployments.container(rendered, service);
            String where = build + " " + service + ": ";
            Map<String, Integer> ports = new LinkedHashMap<>();
            container.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
            assertThat(ports).as(where + "container ports (server.port, management.server.port)")
                    .containsEntry("http", contract.serverPort()).containsEntry("management", contract.managementPort());
            assertProbe(container, "livenessProbe", contract.livenessPath(), where);
            assertProbe(container, "startupProbe", contract.livenessPath(), where);
            assertProbe(container, "readinessProbe", contract.readinessPath(), where);
            assertThat(container.path("resources").path("requests").has("memory")).as(where + "memory request").isTrue();
            assertThat(container.path("resources").path("requests").has("cpu")).as(where + "cpu request").isTrue();
            assertThat(container.path("resources").path("limits").has("memory")).as(where + "memory limit").isTrue();
            assertThat(container.path("lifecycle").path("preStop").isMissingNode()).as(where + "preStop pause before shutdown").isFalse();
            assertThat(container.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true)).as(where + "no privilege escalation").isFalse();
            JsonNode pod = rendered.get("Deployment", service).document().path("spec").path("template").path("spec");
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(where + "runAsNonRoot").isTrue();
            assertThat(contract.properties().get("server.shutdown")).as(service + " server.shutdown").isEqualTo("graceful");
            assertThat(pod.path("terminationGracePeriodSeconds").asInt(30)).as(where + "grace period covers preStop + shutdown phase")
                    .isGreaterThanOrEqualTo(40);

            JsonNode serviceSpec = rendered.get("Service", service).document().path("spec");
            Map<String, Integer> servicePorts = new LinkedHashMap<>();
            serviceSpec.path("ports").forEach(p -> servicePorts.put(p.path("targetPort").asText(), p.path("port").asInt()));
            assertThat(servicePorts).as(where + "Service ports").containsEntry("http", contract.serverPort());

            String image = container.path("image").asText();
            assertThat(image).as(where + "image").matches("(.+/)?" + service + ":[\\w.-]+");
            JsonNode hpa = rendered.get("HorizontalPodAutoscaler", service).document().path("spec").path("scaleTargetRef");
            assertThat(hpa.path("kind").asText() + "/" + hpa.path("name").asText()).isEqualTo("Deployment/" + service);
            JsonNode pdb = rendered.get("PodDisruptionBudget", service).document().path("spec").path("selector").path("matchLabels");
            assertThat(NetworkPolicyTest.labelsMatch(rendered.get("Deployment", service).document().path("spec").path("template")
                    .path("metadata").path("labels"), pdb)).as(where + "PodDisruptionBudget selects the pods").isTrue();
        }
        assertThat(Deployments.container(Deployments.build("base"), service).path("image").asText()).startsWith("securebase/" + service + ":");
    }

    private static void assertProbe(JsonNode container, String probe, String path, String where) {
        JsonNode get = container.path(probe).path("httpGet");
        assertThat(get.path("path").asText()).as(where + probe + " path").isEqualTo(path);
        assertThat(get.path("port").asText()).as(where + probe + " port").isEqualTo("management");
    }

    @ParameterizedTest
    @MethodSource("services")
    void composeImageBuildAndHealthcheckMatchTheService(String service) {
        ServiceContract contract = ServiceContract.of(service);
        JsonNode definition = Deployments.compose().path("services").path(service);
        assertThat(definition.path("image").asText()).as("compose image of " + service).matches(".*/" + service + ":.+");
        JsonNode build = definition.path("build");
        assertThat(build.path("dockerfile").asText()).isEqualTo("deploy/compose/Dockerfile");
        assertThat(Deployments.COMPOSE_DIR.resolve(build.path("context").asText()).normalize()).isEqualTo(Project.root());
        assertThat(build.path("args").path("MODULE").asText()).isEqualTo(service);
        assertThat(build.path("args").path("SERVER_PORT").asText()).isEqualTo(String.valueOf(contract.serverPort()));
        assertThat(build.path("args").path("MANAGEMENT_PORT").asText()).isEqualTo(String.valueOf(contract.managementPort()));
        List<String> test = new ArrayList<>();
        definition.path("healthcheck").path("test").forEach(t -> test.add(t.asText()));
        assertThat(test).as("compose healthcheck of " + service)
                .containsExactly("CMD", "/usr/local/bin/healthcheck", String.valueOf(contract.managementPort()), contract.readinessPath());
        String pom = Project.read(Project.path(service + "/pom.xml"));
        assertThat(pom).as(service + " must build <module>-<version>-exec.jar for the Dockerfile")
                .contains("spring-boot-maven-plugin").contains("<classifier>exec</classifier>");
        assertThat(pom).contains("<artifactId>" + service + "</artifactId>");
    }
}
