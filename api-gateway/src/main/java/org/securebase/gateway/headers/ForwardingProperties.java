package org.securebase.gateway.headers;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param trustedProxies addresses or CIDR blocks (e.g. {@code 10.42.0.0/16}) of the TLS-terminating proxy in
 *                       front of the gateway (a Kubernetes ingress, a host's reverse proxy). Only a request whose
 *                       TCP peer is one of them has its {@code X-Forwarded-For/-Proto/-Host/-Port} believed; by
 *                       default none is, and the gateway takes everything from the connection itself.
 */
@ConfigurationProperties("securebase.forwarding")
public record ForwardingProperties(@DefaultValue List<String> trustedProxies) {

    public ForwardingProperties {
        trustedProxies = List.copyOf(trustedProxies);
    }
}
