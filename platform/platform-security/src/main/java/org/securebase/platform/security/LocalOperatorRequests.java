package org.securebase.platform.security;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The operator's commands on a service's management port (the key rotation, the audit chain's verification, the
 * replay of parked events): actuator paths, asked from the service's own host (loopback: {@code kubectl
 * port-forward}, {@code docker compose exec}, the local stack), with no forwarding header. Such requests need no
 * token; every other request to a non-public actuator path does. The management port is never routed by the gateway
 * and, in the deployments, reachable only by the monitoring system (network policies); a sidecar proxy that makes
 * every connection local must leave the management port alone (docs/operations.md).
 */
final class LocalOperatorRequests implements RequestMatcher {

    @Override
    public boolean matches(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path == null || !(path.equals("/actuator") || path.startsWith("/actuator/"))) {
            return false;
        }
        if (request.getHeader("Forwarded") != null || request.getHeader("X-Forwarded-For") != null) {
            return false;
        }
        return isLoopback(request.getRemoteAddr());
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isEmpty() || !address.matches("[0-9a-fA-F:.\\[\\]%a-zA-Z]+")) {
            return false;
        }
        // A literal address only (getRemoteAddr never gives a name): InetAddress resolves no name for it.
        if (!Character.isDigit(address.charAt(0)) && address.charAt(0) != ':' && address.charAt(0) != '[') {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }
}
