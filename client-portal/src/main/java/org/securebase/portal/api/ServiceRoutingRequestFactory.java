package org.securebase.portal.api;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends each API call to the service that serves its path, as the gateway's routes do ({@code /api/journal/**} to
 * journal-service, and so on): the typed clients build paths only, and the service's address is added last, when the
 * request is made. A path no service serves is a programming error, never sent anywhere.
 */
final class ServiceRoutingRequestFactory implements ClientHttpRequestFactory {

    private final Map<String, URI> servicesByPrefix = new LinkedHashMap<>();
    private final ClientHttpRequestFactory delegate;

    ServiceRoutingRequestFactory(ApiProperties properties, ClientHttpRequestFactory delegate) {
        servicesByPrefix.put("/api/journal", properties.journalUrl());
        servicesByPrefix.put("/api/content", properties.contentUrl());
        servicesByPrefix.put("/api/accounts", properties.accountsUrl());
        this.delegate = delegate;
    }

    @Override
    public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
        return delegate.createRequest(route(uri), httpMethod);
    }

    /** The absolute URI of a path-only one ({@code /api/journal/assignments?x=1}), at the service that serves it. */
    URI route(URI uri) {
        if (uri.isAbsolute() || uri.getRawAuthority() != null) {
            throw new IllegalArgumentException("API calls name a path only, not " + uri);
        }
        String path = uri.getRawPath();
        for (Map.Entry<String, URI> service : servicesByPrefix.entrySet()) {
            String prefix = service.getKey();
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                String base = service.getValue().toString();
                String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
                return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path + query);
            }
        }
        throw new IllegalArgumentException("no service serves " + path);
    }
}
