package org.securebase.bench.platform;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A logged-in portal session as a browser holds it: a cookie jar for the one public origin (the gateway serves the
 * portal and Keycloak's login pages), filled by walking the portal's OIDC redirect and Keycloak's login form like
 * {@code OidcBrowserlessLogin} does, but entirely through the gateway. Keycloak marks its cookies {@code Secure}
 * even on plain HTTP; browsers still send them to localhost, so this jar does too.
 */
final class PortalSession {

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTR = Pattern.compile("([a-zA-Z_:-]+)\\s*=\\s*(\"([^\"]*)\"|'([^']*)')");
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

    private final String origin;
    private final Map<String, String[]> cookies = new LinkedHashMap<>(); // name|path -> {name, value, path}

    private PortalSession(String origin) {
        this.origin = origin.replaceAll("/+$", "");
    }

    /** Logs in through {@code /oauth2/authorization/keycloak} and Keycloak's form; fails unless the portal's home answers 200. */
    static PortalSession login(String origin, String email, String password) {
        PortalSession session = new PortalSession(origin);
        HttpResponse<String> response = session.get(session.origin + "/oauth2/authorization/keycloak");
        boolean passwordSent = false;
        for (int step = 0; step < 12; step++) {
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                String location = response.headers().firstValue("Location").orElseThrow();
                response = session.get(response.uri().resolve(location).toString());
                continue;
            }
            if (status == 200 && response.uri().getPath().startsWith("/auth/")) {
                if (passwordSent) {
                    throw new IllegalStateException("Keycloak showed another page after the password for " + email);
                }
                Matcher form = FORM.matcher(response.body());
                String action = null;
                Map<String, String> fields = new LinkedHashMap<>();
                while (form.find()) {
                    Map<String, String> attrs = attributes(form.group(1));
                    if ("kc-form-login".equals(attrs.get("id"))) {
                        action = attrs.get("action");
                        Matcher input = INPUT.matcher(form.group(2));
                        while (input.find()) {
                            Map<String, String> a = attributes(input.group(1));
                            if ("hidden".equalsIgnoreCase(a.get("type")) && a.containsKey("name")) {
                                fields.put(a.get("name"), a.getOrDefault("value", ""));
                            }
                        }
                    }
                }
                if (action == null) {
                    throw new IllegalStateException("no login form for " + email + " at " + response.uri());
                }
                fields.put("username", email);
                fields.put("password", password);
                response = session.post(response.uri().resolve(action).toString(), fields);
                passwordSent = true;
                continue;
            }
            if (status == 200 && passwordSent) {
                return session;
            }
            throw new IllegalStateException("portal login of " + email + " stopped at " + response.uri() + " with " + status);
        }
        throw new IllegalStateException("portal login of " + email + " did not finish");
    }

    /** GETs a page of the portal; returns the status (200 when the session is good; 302 to the login when not). */
    int page(String path) {
        return get(origin + path).statusCode();
    }

    private HttpResponse<String> get(String url) {
        return exchange(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private HttpResponse<String> post(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return exchange(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> exchange(HttpRequest.Builder builder) {
        builder.timeout(Duration.ofSeconds(30)).header("Accept", "text/html");
        HttpRequest probe = builder.copy().build();
        String path = probe.uri().getRawPath() == null || probe.uri().getRawPath().isEmpty() ? "/" : probe.uri().getRawPath();
        String cookieHeader;
        synchronized (cookies) {
            cookieHeader = cookies.values().stream()
                    .filter(c -> path.startsWith(c[2]) || (path + "/").equals(c[2]))
                    .map(c -> c[0] + "=" + c[1])
                    .collect(Collectors.joining("; "));
        }
        if (!cookieHeader.isEmpty()) {
            builder.header("Cookie", cookieHeader);
        }
        HttpResponse<String> response = Http.send(builder.build());
        for (String setCookie : response.headers().allValues("set-cookie")) {
            store(setCookie, path);
        }
        return response;
    }

    private void store(String setCookie, String requestPath) {
        String[] parts = setCookie.split(";");
        int eq = parts[0].indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = parts[0].substring(0, eq).trim();
        String value = parts[0].substring(eq + 1).trim();
        String cookiePath = requestPath.substring(0, requestPath.lastIndexOf('/') + 1);
        boolean expired = false;
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].trim();
            String lower = attribute.toLowerCase(Locale.ROOT);
            if (lower.startsWith("path=")) {
                cookiePath = attribute.substring(5).trim();
            } else if (lower.startsWith("max-age=")) {
                try {
                    expired = Long.parseLong(attribute.substring(8).trim()) <= 0;
                } catch (NumberFormatException ignored) {
                    // keep
                }
            }
        }
        synchronized (cookies) {
            if (expired) {
                cookies.remove(name + "|" + cookiePath);
            } else {
                cookies.put(name + "|" + cookiePath, new String[] {name, value, cookiePath});
            }
        }
    }

    private static Map<String, String> attributes(String tagBody) {
        Map<String, String> attrs = new LinkedHashMap<>();
        Matcher m = ATTR.matcher(tagBody);
        while (m.find()) {
            String value = m.group(3) != null ? m.group(3) : m.group(4);
            attrs.put(m.group(1).toLowerCase(Locale.ROOT), value.replace("&amp;", "&").replace("&#x3D;", "=")
                    .replace("&#61;", "=").replace("&quot;", "\"").replace("&#39;", "'"));
        }
        return attrs;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
