package org.securebase.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every manifest under deploy/k8s, as written and as each kustomization renders it. */
class KubernetesManifestsTest {

    /** Problems of one document: strict fabric8 parsing for built-in kinds, the CRD schema for custom resources. */
    static List<String> problems(JsonNode document, String where) {
        List<String> problems = new ArrayList<>();
        if (StrictKubernetes.isBuiltIn(document)) {
            try {
                StrictKubernetes.parse(document, where);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        } else if (CrdSchemas.isKnown(document)) {
            CrdSchemas.validate(document).forEach(p -> problems.add(where + " " + CrdSchemas.key(document) + " "
                    + document.path("metadata").path("name").asText() + ": " + p));
        } else {
            problems.add(where + ": " + CrdSchemas.key(document) + " is neither a built-in kind we use nor a CRD we have the schema of");
        }
        return problems;
    }

    /** The manifests as written: deploy/k8s and the monitoring component of deploy/observability. */
    static List<Path> manifestFiles() {
        List<Path> files = new ArrayList<>(Project.yamlFilesUnder(Deployments.K8S));
        files.addAll(Project.yamlFilesUnder(Deployments.OBSERVABILITY));
        return files;
    }

    /**
     * A strategic-merge patch removes a list entry with {@code {name: X, $patch: delete}}, a kustomize directive the API
     * server never sees (the rendered builds are checked as well), so such entries are dropped before parsing.
     */
    static JsonNode withoutDeletionDirectives(JsonNode document) {
        JsonNode copy = document.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node.isArray()) {
            java.util.Iterator<JsonNode> items = node.iterator();
            while (items.hasNext()) {
                JsonNode item = items.next();
                if (item.isObject() && item.has("$patch")) {
                    items.remove();
                } else {
                    strip(item);
                }
            }
        } else if (node.isObject()) {
            node.forEach(KubernetesManifestsTest::strip);
        }
    }

    @Test
    void everyFileParsesStrictly() {
        List<String> problems = new ArrayList<>();
        List<Path> files = manifestFiles();
        assertThat(files).hasSizeGreaterThan(10);
        for (Path file : files) {
            if (file.getFileName().toString().equals("kustomization.yaml")) {
                continue;
            }
            for (JsonNode document : Project.yamlDocuments(file)) {
                problems.addAll(problems(withoutDeletionDirectives(document), Project.relative(file)));
            }
        }
        assertThat(problems).as("manifests that kubectl apply --validate=strict would refuse").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "dev", "production", "restore"})
    void everyRenderedResourceIsValidAndUnique(String build) {
        Kustomize.Build rendered = Deployments.build(build);
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Kustomize.Resource resource : rendered.resources()) {
            problems.addAll(problems(resource.document(), resource.origin()));
            if (!seen.add(resource.kind() + "/" + resource.name())) {
                problems.add("duplicate " + resource);
            }
        }
        assertThat(problems).as(build + " after kustomize").isEmpty();
    }

    @Test
    void everyManifestIsUsedByAKustomization() {
        Set<Path> used = new HashSet<>();
        for (String build : Deployments.BUILDS_UNDER_K8S) {
            used.addAll(Kustomize.referencedFiles(Deployments.directory(build)));
        }
        List<String> unused = manifestFiles().stream()
                .filter(f -> !used.contains(f.toAbsolutePath().normalize()))
                .map(Project::relative)
                .toList();
        assertThat(unused).as("manifests no kustomization includes").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "dev", "production"})
    void noReplicasWhereAnAutoscalerOwnsTheScale(String build) {
        Kustomize.Build rendered = Deployments.build(build);
        List<String> pinned = rendered.ofKind("HorizontalPodAutoscaler").stream()
                .map(autoscaler -> autoscaler.document().path("spec").path("scaleTargetRef"))
                .filter(target -> rendered.get(target.path("kind").asText(), target.path("name").asText()).document().path("spec").has("replicas"))
                .map(target -> target.path("kind").asText() + "/" + target.path("name").asText())
                .toList();
        assertThat(rendered.ofKind("HorizontalPodAutoscaler")).hasSize(Project.SERVICES.size());
        assertThat(pinned).as("workloads with spec.replicas, which every apply would reset their autoscaler's scale to").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void configMapReferencesResolve(String overlay) {
        Kustomize.Build build = Deployments.build(overlay);
        List<String> problems = new ArrayList<>();
        for (Kustomize.Resource resource : build.resources()) {
            for (JsonNode container : Kustomize.containers(resource.document())) {
                for (JsonNode env : container.path("env")) {
                    JsonNode ref = env.path("valueFrom").path("configMapKeyRef");
                    if (ref.isMissingNode()) {
                        continue;
                    }
                    JsonNode data = build.resources().stream()
                            .filter(r -> r.kind().equals("ConfigMap") && r.name().equals(ref.path("name").asText()))
                            .map(r -> r.document().path("data")).findFirst().orElse(null);
                    if (data == null || !data.has(ref.path("key").asText())) {
                        problems.add(resource + " env " + env.path("name").asText() + " reads ConfigMap "
                                + ref.path("name").asText() + " key " + ref.path("key").asText() + ", which the build lacks");
                    }
                }
            }
            JsonNode spec = Kustomize.podSpec(resource.document());
            if (spec != null) {
                for (JsonNode volume : spec.path("volumes")) {
                    String name = volume.path("configMap").path("name").asText();
                    if (!name.isEmpty() && build.resources().stream().noneMatch(r -> r.kind().equals("ConfigMap") && r.name().equals(name))) {
                        problems.add(resource + " mounts ConfigMap " + name + ", which the build lacks");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "dev", "production"})
    void servicesPointAtPodsAndNamedPorts(String overlay) {
        Kustomize.Build build = Deployments.build(overlay);
        List<String> problems = new ArrayList<>();
        for (Kustomize.Resource service : build.ofKind("Service")) {
            JsonNode selector = service.document().path("spec").path("selector");
            List<JsonNode> pods = build.resources().stream()
                    .filter(r -> Kustomize.podSpec(r.document()) != null)
                    .filter(r -> NetworkPolicyTest.labelsMatch(r.document().path("spec").path("template").path("metadata").path("labels"), selector))
                    .map(r -> (JsonNode) r.document()).toList();
            if (pods.isEmpty()) {
                problems.add(service + " selects no pod template");
            }
            for (JsonNode port : service.document().path("spec").path("ports")) {
                JsonNode target = port.path("targetPort");
                if (target.isTextual()) {
                    boolean named = pods.stream().flatMap(p -> Kustomize.containers(p).stream())
                            .anyMatch(c -> { for (JsonNode p : c.path("ports")) { if (p.path("name").asText().equals(target.asText())) return true; } return false; });
                    if (!named) {
                        problems.add(service + " targets port '" + target.asText() + "' that no selected container names");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
