package org.securebase.systemtests.authorization;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/** The endpoints the services say they have, read from each one's own OpenAPI document (not through the gateway). */
final class OpenApiDocuments {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private final Map<ApiService, JsonNode> documents;

    private OpenApiDocuments(Map<ApiService, JsonNode> documents) {
        this.documents = documents;
    }

    static OpenApiDocuments read(StackAccess stack) {
        Http http = new Http();
        Map<ApiService, JsonNode> documents = new EnumMap<>(ApiService.class);
        for (ApiService service : ApiService.values()) {
            documents.put(service, http.get(stack.serviceUrl(service) + service.apiDocsPath(), null).expect(200).json());
        }
        return new OpenApiDocuments(documents);
    }

    static Set<Endpoint> endpoints(StackAccess stack) {
        return read(stack).endpoints();
    }

    Set<Endpoint> endpoints() {
        Set<Endpoint> endpoints = new TreeSet<>();
        documents.forEach((service, document) -> {
            JsonNode paths = document.path("paths");
            for (String path : paths.propertyNames()) {
                for (String method : paths.path(path).propertyNames()) {
                    if (HTTP_METHODS.contains(method)) {
                        endpoints.add(new Endpoint(service, method.toUpperCase(Locale.ROOT), path));
                    }
                }
            }
        });
        return endpoints;
    }

    /** The operation object of one endpoint (parameters, requestBody …). */
    JsonNode operation(Endpoint endpoint) {
        return documents.get(endpoint.service()).path("paths").path(endpoint.pathTemplate())
                .path(endpoint.method().toLowerCase(Locale.ROOT));
    }

    /** A schema with its {@code $ref} followed to the document's components, once per level. */
    JsonNode resolve(Endpoint endpoint, JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/components/schemas/")) {
            return documents.get(endpoint.service()).path("components").path("schemas")
                    .path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }
}
