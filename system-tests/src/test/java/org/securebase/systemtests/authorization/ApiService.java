package org.securebase.systemtests.authorization;

/** The three resource servers behind the gateway, each with its own port, path prefix and OpenAPI document. */
public enum ApiService {

    CONTENT("content-service", "/api/content"),
    JOURNAL("journal-service", "/api/journal"),
    ACCOUNTS("account-service", "/api/accounts");

    private final String serviceName;
    private final String prefix;

    ApiService(String serviceName, String prefix) {
        this.serviceName = serviceName;
        this.prefix = prefix;
    }

    public String serviceName() {
        return serviceName;
    }

    String apiDocsPath() {
        return prefix + "/v3/api-docs";
    }

    /** The gateway sends only its own prefix to a service; anything else under the service (its /error) it never reaches. */
    boolean routedByGateway(String path) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
