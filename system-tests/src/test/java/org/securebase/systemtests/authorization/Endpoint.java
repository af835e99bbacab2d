package org.securebase.systemtests.authorization;

/** One operation of an OpenAPI document: {@code GET /api/journal/entries/{id}} of journal-service. */
record Endpoint(ApiService service, String method, String pathTemplate) implements Comparable<Endpoint> {

    @Override
    public int compareTo(Endpoint other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return method + " " + pathTemplate + " (" + service.serviceName() + ")";
    }
}
