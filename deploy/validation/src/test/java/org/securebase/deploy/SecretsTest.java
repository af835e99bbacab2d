package org.securebase.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Secrets are referenced, never written into the manifests, and every one referenced has a documented source. */
class SecretsTest {

    /** "name/key" of every Secret a build references: env, volumes, and the operators' secret references. */
    static Set<String> references(Kustomize.Build build) {
        Set<String> references = new TreeSet<>();
        for (Kustomize.Resource resource : build.resources()) {
            collect(resource.document(), references);
        }
        return references;
    }

    private static void collect(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            JsonNode ref = node.get("secretKeyRef");
            if (ref != null) {
                into.add(ref.path("name").asText() + "/" + ref.path("key").asText());
            }
            // operator resources: {name, key} objects under *Secret / secret / s3 credential fields
            node.fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                if ((field.getKey().endsWith("Secret") || field.getKey().equals("secret") || field.getKey().equals("accessKeyId")
                        || field.getKey().equals("secretAccessKey")) && value.isObject() && value.has("name") && value.has("key")) {
                    into.add(value.path("name").asText() + "/" + value.path("key").asText());
                }
                if (field.getKey().equals("secret") && value.isObject() && value.has("secretName")) {
                    // a volume that projects only some keys needs only those
                    String name = value.path("secretName").asText();
                    if (value.path("items").isEmpty()) {
                        into.add(name + "/*");
                    } else {
                        value.path("items").forEach(item -> into.add(name + "/" + item.path("key").asText()));
                    }
                    return;
                }
                if (field.getKey().equals("secretName") && value.isTextual()) {
                    into.add(value.asText() + "/*");
                }
                // a Gateway listener's TLS certificate
                if (field.getKey().equals("certificateRefs")) {
                    value.forEach(certificate -> into.add(certificate.path("name").asText() + "/*"));
                }
                collect(value, into);
            });
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, into));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "dev", "production"})
    void noSecretValueIsInlined(String build) {
        Kustomize.Build rendered = Deployments.build(build);
        assertThat(rendered.ofKind("Secret")).as(build + " defines Secret objects (or a secretGenerator makes them)").isEmpty();
        List<String> literals = new ArrayList<>();
        for (Kustomize.Resource resource : rendered.resources()) {
            for (JsonNode container : Kustomize.containers(resource.document())) {
                for (JsonNode env : container.path("env")) {
                    if (ServiceContract.isSecretName(env.path("name").asText()) && !env.path("value").asText("").isEmpty()) {
                        literals.add(resource + " " + env.path("name").asText());
                    }
                }
            }
        }
        assertThat(literals).as("secret-named variables with a literal value").isEmpty();
    }

    @Test
    void everySecretTheDevOverlayReferencesIsCreatedByItsScript() {
        String script = Project.read(Deployments.K8S.resolve("overlays/dev/create-secrets.sh"));
        Set<String> created = new TreeSet<>();
        Matcher loop = Pattern.compile("for (\\w+) in ([\\w -]+); do\\n(.*?)\\ndone", Pattern.DOTALL).matcher(script);
        StringBuilder expanded = new StringBuilder(script);
        while (loop.find()) {
            for (String word : loop.group(2).trim().split("\\s+")) {
                expanded.append('\n').append(loop.group(3).replace("$" + loop.group(1), word));
            }
        }
        Matcher apply = Pattern.compile("(?m)^\\s*apply \"?([\\w.-]+)\"?((?: --from-literal=[\\w.-]+=\\S+)+)").matcher(expanded);
        while (apply.find()) {
            Matcher key = Pattern.compile("--from-literal=([\\w.-]+)=").matcher(apply.group(2));
            while (key.find()) {
                created.add(apply.group(1) + "/" + key.group(1));
            }
        }
        assertThat(created).as("parsed from create-secrets.sh").isNotEmpty();
        Set<String> missing = new TreeSet<>(references(Deployments.build("dev")));
        missing.removeAll(created);
        assertThat(missing).as("Secrets the dev overlay uses that create-secrets.sh does not create").isEmpty();
    }

    @Test
    void everySecretProductionReferencesIsGeneratedByAnOperatorOrDocumented() {
        Kustomize.Build production = Deployments.build("production");
        Set<String> generatedByCloudNativePg = new TreeSet<>();
        production.ofKind("Cluster").forEach(c -> generatedByCloudNativePg.add(c.name() + "-app"));
        // and each cluster's CA (ca.crt, ca.key), against which clients verify the server
        production.ofKind("Cluster").forEach(c -> generatedByCloudNativePg.add(c.name() + "-ca"));
        // Strimzi's: a Secret per KafkaUser (password, sasl.jaas.config) and the cluster CA's certificate
        Set<String> generatedByStrimzi = new TreeSet<>();
        production.ofKind("KafkaUser").forEach(u -> {
            generatedByStrimzi.add(u.name() + "/password");
            generatedByStrimzi.add(u.name() + "/sasl.jaas.config");
        });
        production.ofKind("Kafka").forEach(k -> {
            for (String key : List.of("ca.crt", "ca.p12", "ca.password", "*")) {
                generatedByStrimzi.add(k.name() + "-cluster-ca-cert/" + key);
            }
        });
        String operations = Project.read(Project.path("docs/operations.md"));
        List<String> undocumented = new ArrayList<>();
        for (String reference : references(production)) {
            String name = reference.substring(0, reference.indexOf('/'));
            String key = reference.substring(reference.indexOf('/') + 1);
            if (generatedByCloudNativePg.contains(name) || generatedByStrimzi.contains(reference)) {
                continue;
            }
            if (!operations.contains("`" + name + "`") || (!key.equals("*") && !operations.contains("`" + key + "`"))) {
                undocumented.add(reference);
            }
        }
        assertThat(undocumented).as("Secrets (name/key) production needs that docs/operations.md does not list").isEmpty();
    }
}
