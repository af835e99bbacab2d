package org.securebase.systemtests.authorization;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/** The endpoints the services say they have, read from each one's own OpenAPI document (not through the gateway). */
final class OpenApiDocuments {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private OpenApiDocuments() {
    }

    static Set<Endpoint> endpoints(StackAccess stack) {
        Http http = new Http();
        Set<Endpoint> endpoints = new TreeSet<>();
        for (ApiService service : ApiService.values()) {
            JsonNode paths = http.get(stack.serviceUrl(service) + service.apiDocsPath(), null).expect(200).json().path("paths");
            for (String path : paths.propertyNames()) {
                for (String method : paths.path(path).propertyNames()) {
                    if (HTTP_METHODS.contains(method)) {
                        endpoints.add(new Endpoint(service, method.toUpperCase(Locale.ROOT), path));
                    }
                }
            }
        }
        return endpoints;
    }
}
