package org.securebase.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Validates operator custom resources against the OpenAPI v3 schema of their CustomResourceDefinition, the
 * way the API server does with strict field validation: unknown fields, wrong types, missing required fields
 * and values outside an enum are errors. The schemas (descriptions stripped) are in
 * {@code src/test/resources/crds}; their README says which operator release each comes from.
 * CEL rules ({@code x-kubernetes-validations}) are not evaluated.
 */
final class CrdSchemas {

    private static final String[] FILES = {
            "kafka", "kafkanodepool", "kafkatopic", "cnpg-cluster", "cnpg-scheduledbackup", "barman-objectstore",
            "keycloak", "keycloakrealmimport"};

    private static final Map<String, JsonNode> SCHEMAS = load();

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
        JsonNode schema = SCHEMAS.get(key(document));
        if (schema == null) {
            return List.of("no CRD schema for " + key(document) + " (known: " + SCHEMAS.keySet() + ")");
        }
        List<String> problems = new ArrayList<>();
        if (document.path("metadata").path("name").asText().isEmpty()) {
            problems.add("metadata.name is missing");
        }
        // the API server validates metadata itself; the CRD schema covers the rest
        Iterator<Map.Entry<String, JsonNode>> fields = document.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            switch (field.getKey()) {
                case "apiVersion", "kind", "metadata" -> { }
                default -> {
                    JsonNode property = schema.path("properties").get(field.getKey());
                    if (property == null) {
                        problems.add("." + field.getKey() + ": unknown field");
                    } else {
                        check(field.getValue(), property, "." + field.getKey(), problems);
                    }
                }
            }
        }
        for (JsonNode required : schema.path("required")) {
            if (!document.has(required.asText())) {
                problems.add("." + required.asText() + ": required field missing");
            }
        }
        return problems;
    }

    private static void check(JsonNode value, JsonNode schema, String path, List<String> problems) {
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                problems.add(path + ": null is not allowed");
            }
            return;
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            if (!value.isIntegralNumber() && !value.isTextual()) {
                problems.add(path + ": must be an integer or a string");
            }
            return;
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> {
                if (!value.isObject()) {
                    problems.add(path + ": must be an object");
                    return;
                }
                JsonNode properties = schema.path("properties");
                JsonNode additional = schema.get("additionalProperties");
                boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
                Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    String childPath = path + "." + field.getKey();
                    if (properties.has(field.getKey())) {
                        check(field.getValue(), properties.get(field.getKey()), childPath, problems);
                    } else if (additional != null && additional.isObject()) {
                        check(field.getValue(), additional, childPath, problems);
                    } else if (!preserve && !(additional != null && additional.asBoolean(false))) {
                        problems.add(childPath + ": unknown field");
                    }
                }
                for (JsonNode required : schema.path("required")) {
                    if (!value.has(required.asText())) {
                        problems.add(path + "." + required.asText() + ": required field missing");
                    }
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(path + ": must be a list");
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(value.get(i), schema.path("items"), path + "[" + i + "]", problems);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(path + ": must be a string, not " + value.getNodeType());
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(path + ": must be an integer, not " + value.getNodeType());
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    problems.add(path + ": must be a number, not " + value.getNodeType());
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(path + ": must be a boolean, not " + value.getNodeType());
                }
            }
            default -> {
                // no type: anything (x-kubernetes-preserve-unknown-fields or an untyped field)
            }
        }
        JsonNode allowed = schema.get("enum");
        if (allowed != null && allowed.isArray() && value.isValueNode()) {
            boolean found = false;
            for (JsonNode option : allowed) {
                found |= option.equals(value) || option.asText().equals(value.asText());
            }
            if (!found) {
                problems.add(path + ": " + value + " is not one of " + allowed);
            }
        }
    }

    private static Map<String, JsonNode> load() {
        Map<String, JsonNode> schemas = new HashMap<>();
        for (String name : FILES) {
            String resource = "/crds/" + name + ".schema.json";
            try (InputStream in = CrdSchemas.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + resource);
                }
                JsonNode crd = Project.JSON.readTree(in);
                String group = crd.path("group").asText();
                String kind = crd.path("kind").asText();
                crd.path("versions").fields().forEachRemaining(version ->
                        schemas.put(group + "/" + version.getKey() + "/" + kind, version.getValue()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schemas;
    }
}
