package org.securebase.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads Kubernetes manifests into fabric8's model the way {@code kubectl apply} (strict field validation) reads
 * them: a field the API does not define is an error, not something to keep on the side. fabric8's classes
 * collect unknown fields in {@code additionalProperties} through {@code @JsonAnySetter}; this mapper ignores
 * that annotation, so Jackson reports the unknown field with its path instead.
 */
final class StrictKubernetes {

    /**
     * The kinds our manifests use that fabric8 models, by apiVersion/kind: Kubernetes' own and Gateway API's (v1,
     * the standard channel); anything else is refused.
     */
    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("gateway.networking.k8s.io/v1/Gateway", Gateway.class),
            Map.entry("gateway.networking.k8s.io/v1/HTTPRoute", HTTPRoute.class));

    private static final ObjectMapper MAPPER = strictMapper();

    private StrictKubernetes() {
    }

    static boolean isBuiltIn(JsonNode document) {
        return KINDS.containsKey(key(document));
    }

    static String key(JsonNode document) {
        return document.path("apiVersion").asText() + "/" + document.path("kind").asText();
    }

    /** The document as its fabric8 type; throws naming {@code where} and the offending field. */
    static HasMetadata parse(JsonNode document, String where) {
        Class<? extends HasMetadata> type = KINDS.get(key(document));
        if (type == null) {
            throw new IllegalArgumentException(where + ": " + key(document) + " is not a kind these manifests may use");
        }
        List<String> problems = new ArrayList<>();
        checkStringMaps(document, "", problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(where + ": " + String.join("; ", problems));
        }
        try {
            return MAPPER.treeToValue(document, type);
        } catch (Exception e) {
            throw new IllegalArgumentException(where + " (" + key(document) + " " + document.path("metadata").path("name").asText()
                    + "): " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /**
     * Labels, annotations, env values and ConfigMap data must be strings in the API: an unquoted {@code true} or
     * {@code 8080} there is rejected by the API server, though Jackson would happily turn it into a string.
     */
    private static void checkStringMaps(JsonNode node, String path, List<String> problems) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                JsonNode value = field.getValue();
                if ((name.equals("labels") || name.equals("annotations") || name.equals("matchLabels")
                        || (name.equals("data") && path.isEmpty()) || name.equals("stringData")) && value.isObject()) {
                    value.fields().forEachRemaining(entry -> {
                        if (!entry.getValue().isTextual()) {
                            problems.add(path + "/" + name + "/" + entry.getKey() + " must be a string (quote it)");
                        }
                    });
                }
                if (name.equals("env") && value.isArray()) {
                    for (JsonNode env : value) {
                        if (env.has("value") && !env.get("value").isTextual()) {
                            problems.add(path + "/env/" + env.path("name").asText() + " value must be a string (quote it)");
                        }
                    }
                }
                checkStringMaps(value, path + "/" + name, problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkStringMaps(node.get(i), path + "/" + i, problems);
            }
        }
    }

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .annotationIntrospector(new JacksonAnnotationIntrospector() {
                    @Override
                    public Boolean hasAnySetter(Annotated annotated) {
                        return Boolean.FALSE;
                    }
                })
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        return mapper;
    }
}
