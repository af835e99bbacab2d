package org.securebase.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public entry: a Gateway API Gateway in front of api-gateway. In production TLS ends at the Gateway, so
 * api-gateway sees the client and the scheme only in the proxy's X-Forwarded-* headers, and believes them only
 * from the addresses in securebase.forwarding.trusted-proxies (api-gateway/README.md).
 */
class EdgeTest {

    static final String TRUSTED_PROXIES = "SECUREBASE_FORWARDING_TRUSTED_PROXIES";

    private static final Pattern CIDR = Pattern.compile("(?<address>[0-9.]+|[0-9A-Fa-f:]+)(/(?<prefix>\\d{1,3}))?");

    /** The value api-gateway gets for its trusted proxies in a build, following a ConfigMap reference; empty if unset. */
    static List<String> trustedProxies(Kustomize.Build build) {
        JsonNode variable = Deployments.env(Deployments.container(build, "api-gateway")).get(TRUSTED_PROXIES);
        if (variable == null) {
            return List.of();
        }
        JsonNode ref = variable.path("valueFrom").path("configMapKeyRef");
        String value = ref.isMissingNode() ? variable.path("value").asText()
                : build.get("ConfigMap", ref.path("name").asText()).document().path("data").path(ref.path("key").asText()).asText();
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Why an entry is not a usable trusted proxy: not an IP or CIDR block, or one so wide it trusts every client. */
    static List<String> unusable(List<String> proxies) {
        List<String> problems = new ArrayList<>();
        for (String proxy : proxies) {
            Matcher m = CIDR.matcher(proxy);
            if (!m.matches() || (m.group("address").contains(".") == m.group("address").contains(":"))) {
                problems.add(proxy + " is not an IP address or CIDR block");
                continue;
            }
            int bits = m.group("address").contains(":") ? 128 : 32;
            int prefix = m.group("prefix") == null ? bits : Integer.parseInt(m.group("prefix"));
            if (prefix > bits || prefix < bits / 4) {
                problems.add(proxy + ": a /" + prefix + " trusts (nearly) every address, so any client could forge X-Forwarded-For");
            }
        }
        return problems;
    }

    @Test
    void productionTrustsTheGatewaysProxies() {
        List<String> proxies = trustedProxies(Deployments.build("production"));
        assertThat(proxies).as("api-gateway's " + TRUSTED_PROXIES + " in the production overlay (the addresses of the"
                + " Gateway's data plane): without it every anonymous request is keyed to the proxy's address, all clients"
                + " share one rate-limit bucket, and no request counts as HTTPS, so Strict-Transport-Security is never sent")
                .isNotEmpty();
        assertThat(unusable(proxies)).isEmpty();
    }

    @Test
    void usableTrustedProxies() {
        assertThat(unusable(List.of("10.244.0.0/16", "192.168.1.10", "fd00::/64"))).isEmpty();
        assertThat(unusable(List.of("0.0.0.0/0"))).hasSize(1);
        assertThat(unusable(List.of("::/0", "10.0.0.0/33", "proxy.example.org", "10.0.0.0/4"))).hasSize(4);
    }

    @Test
    void productionEndsTlsAtTheGatewayAndPlainHttpOnlyRedirects() {
        Kustomize.Build production = Deployments.build("production");
        String publicUrl = production.get("ConfigMap", "securebase-config").document().path("data").path("public-url").asText();
        assertThat(publicUrl).startsWith("https://");
        String host = URI.create(publicUrl).getHost();
        assertThat(production.get("ConfigMap", "securebase-config").document().path("data").path("cookie-secure").asText()).isEqualTo("true");

        List<Kustomize.Resource> gateways = production.ofKind("Gateway");
        assertThat(gateways).hasSize(1);
        JsonNode gateway = gateways.get(0).document();
        List<JsonNode> routes = production.ofKind("HTTPRoute").stream().map(r -> (JsonNode) r.document()).toList();
        assertThat(routes).isNotEmpty();
        boolean forwardsOverHttps = false;
        for (JsonNode route : routes) {
            assertThat(route.path("spec").path("hostnames").toString()).as(route.path("metadata").path("name") + " hostnames").contains(host);
            for (JsonNode parent : route.path("spec").path("parentRefs")) {
                assertThat(parent.path("name").asText()).isEqualTo(gateway.path("metadata").path("name").asText());
                JsonNode listener = listener(gateway, parent.path("sectionName").asText());
                assertThat(listener.path("hostname").asText()).isEqualTo(host);
                String protocol = listener.path("protocol").asText();
                for (JsonNode rule : route.path("spec").path("rules")) {
                    if (protocol.equals("HTTPS")) {
                        assertThat(listener.path("tls").path("mode").asText("Terminate")).isEqualTo("Terminate");
                        assertThat(rule.path("backendRefs").toString()).contains("\"name\":\"api-gateway\"", "\"port\":8080");
                        forwardsOverHttps = true;
                    } else {
                        assertThat(rule.path("backendRefs").isEmpty()).as("plain HTTP reaches no backend").isTrue();
                        assertThat(rule.path("filters").toString()).as("plain HTTP redirects to HTTPS")
                                .contains("\"type\":\"RequestRedirect\"", "\"scheme\":\"https\"");
                    }
                }
            }
        }
        assertThat(forwardsOverHttps).as("an HTTPRoute forwards the HTTPS listener to api-gateway").isTrue();
    }

    private static JsonNode listener(JsonNode gateway, String sectionName) {
        assertThat(sectionName).as("an HTTPRoute names its listener (sectionName), so it never also attaches to another").isNotEmpty();
        for (JsonNode listener : gateway.path("spec").path("listeners")) {
            if (listener.path("name").asText().equals(sectionName)) {
                return listener;
            }
        }
        throw new AssertionError("the Gateway has no listener " + sectionName);
    }

    @Test
    void theDevGatewayRoutesToTheGateway() {
        Kustomize.Build dev = Deployments.build("dev");
        String host = URI.create(dev.get("ConfigMap", "securebase-config").document().path("data").path("public-url").asText()).getHost();
        JsonNode route = dev.get("HTTPRoute", "securebase").document();
        assertThat(route.path("spec").path("hostnames").toString()).contains(host);
        assertThat(route.path("spec").path("rules").toString()).contains("\"name\":\"api-gateway\"", "\"port\":8080");
        assertThat(dev.get("Gateway", route.path("spec").path("parentRefs").get(0).path("name").asText())).isNotNull();
    }

    @Test
    void composeLetsTheProxyInFrontBeTrusted() {
        JsonNode gateway = Deployments.compose().path("services").path("api-gateway");
        assertThat(gateway.path("environment").path(TRUSTED_PROXIES).asText()).isEqualTo("${SECUREBASE_TRUSTED_PROXIES:-}");
        assertThat(Project.read(Deployments.COMPOSE_DIR.resolve(".env.example"))).contains("#SECUREBASE_TRUSTED_PROXIES=", "#SECUREBASE_HTTP_BIND=");
        assertThat(Project.read(Project.path("docs/operations.md"))).contains("SECUREBASE_TRUSTED_PROXIES", "SECUREBASE_HTTP_BIND");
    }
}
