package org.securebase.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates operator custom resources against the OpenAPI v3 schema of their CustomResourceDefinition with a JSON
 * Schema validator (networknt, OpenAPI 3.0 dialect: types, enums, required fields, nullable, int-or-string), the
 * way the API server does with strict field validation. One thing is added to each schema: an object that lists
 * its properties and neither allows others nor preserves unknown fields gets {@code additionalProperties: false},
 * because the API server refuses (or prunes) such a field while JSON Schema would let it pass. CEL rules
 * ({@code x-kubernetes-validations}) are not evaluated. The schemas are in {@code src/test/resources/crds}; their
 * README says which operator release each comes from.
 */
final class CrdSchemas {

    private static final String[] FILES = {
            "kafka", "kafkanodepool", "kafkatopic", "kafkauser", "cnpg-cluster", "cnpg-scheduledbackup", "barman-objectstore",
            "keycloak", "keycloakrealmimport", "podmonitor", "prometheusrule"};

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30());
    private static final Map<String, Schema> SCHEMAS = load();

    private CrdSchemas() {
    }

    static boolean isKnown(JsonNode document) {
        return SCHEMAS.containsKey(key(document));
    }

    static String key(JsonNode document) {
        return document.path("apiVersion").asText() + "/" + document.path("kind").asText();
    }

    /** Problems found, each with its JSON path; empty when the resource is valid. */
    static List<String> validate(JsonNode document) {
        Schema schema = SCHEMAS.get(key(document));
        if (schema == null) {
            return List.of("no CRD schema for " + key(document) + " (known: " + SCHEMAS.keySet() + ")");
        }
        List<String> problems = new java.util.ArrayList<>(schema.validate(document).stream().map(Error::toString).toList());
        if (document.path("metadata").path("name").asText().isEmpty()) {
            problems.add("metadata.name is missing");
        }
        return problems;
    }

    /** The CRD schema as the API server applies it: unknown fields refused where the schema does not keep them. */
    static JsonNode strict(JsonNode schema) {
        ObjectNode copy = schema.deepCopy();
        closeObjects(copy);
        // what every object has, whether or not its CRD lists it; the API server checks metadata itself
        ObjectNode root = copy.withObjectProperty("properties");
        root.putIfAbsent("apiVersion", copy.objectNode().put("type", "string"));
        root.putIfAbsent("kind", copy.objectNode().put("type", "string"));
        root.putIfAbsent("metadata", copy.objectNode().put("type", "object"));
        return copy;
    }

    private static void closeObjects(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.path("properties").isObject() && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
            object.properties().forEach(entry -> {
                if (entry.getKey().equals("properties")) {
                    entry.getValue().forEach(CrdSchemas::closeObjects);
                } else if (!entry.getKey().equals("enum") && !entry.getKey().equals("default") && !entry.getKey().equals("example")) {
                    closeObjects(entry.getValue());
                }
            });
        } else if (node.isArray()) {
            node.forEach(CrdSchemas::closeObjects);
        }
    }

    private static Map<String, Schema> load() {
        Map<String, Schema> schemas = new HashMap<>();
        for (String name : FILES) {
            String resource = "/crds/" + name + ".schema.json";
            try (InputStream in = CrdSchemas.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + resource);
                }
                JsonNode crd = Project.JSON.readTree(in);
                String group = crd.path("group").asText();
                String kind = crd.path("kind").asText();
                crd.path("versions").properties().forEach(version ->
                        schemas.put(group + "/" + version.getKey() + "/" + kind, REGISTRY.getSchema(strict(version.getValue()))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schemas;
    }
}
