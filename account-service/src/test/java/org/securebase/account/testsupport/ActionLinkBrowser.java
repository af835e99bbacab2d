package org.securebase.account.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.securebase.platform.embedded.keycloak.OidcBrowserlessLogin;

/**
 * Follows an invitation link the way a person's browser would: opens it, proceeds past the "perform the following
 * actions" page, chooses the password, sets up TOTP if asked, and stops at "Your account has been updated". Keeps
 * cookies like a browser on localhost (Keycloak marks them Secure even on plain HTTP). For tests only.
 */
public final class ActionLinkBrowser {

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");
    private static final Pattern PROCEED_LINK = Pattern.compile("href=\"([^\"]*login-actions/action-token[^\"]*)\"");
    private static final int MAX_STEPS = 12;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /**
     * @param totpSecret the raw secret Keycloak offered when TOTP was set up (null if it was not asked for)
     * @param totpStep   the 30-second step whose code enrolled it; a login must use a later one
     * @param pages      titles of the pages passed, for failure messages
     * @param lastPage   the HTML of the page it stopped at
     */
    public record Outcome(boolean accountUpdated, String totpSecret, long totpStep, String pages, String lastPage) {
    }

    /** Keycloak's "account updated" in the languages of the realm (the person's own, from the invitation). */
    private static final List<String> ACCOUNT_UPDATED = List.of("Your account has been updated", "Su cuenta se ha actualizado");

    public Outcome follow(String actionLink, String newPassword) {
        HttpResponse<String> page = get(actionLink);
        String totpSecret = null;
        long totpStep = -1;
        boolean passwordSent = false;
        StringBuilder pages = new StringBuilder();
        for (int step = 0; step < MAX_STEPS; step++) {
            if (isRedirect(page)) {
                page = get(page.uri().resolve(page.headers().firstValue("Location").orElseThrow()).toString());
                continue;
            }
            String html = page.body();
            pages.append(" > ").append(title(html)).append(" (").append(page.statusCode()).append(')');
            if (ACCOUNT_UPDATED.stream().anyMatch(html::contains)) {
                return new Outcome(true, totpSecret, totpStep, pages.toString(), html);
            }
            Optional<Form> password = Form.find(html, "kc-passwd-update-form");
            Optional<Form> totp = Form.find(html, "kc-totp-settings-form");
            if (password.isPresent() && !passwordSent) {
                Map<String, String> fields = password.get().hidden();
                fields.put("password-new", newPassword);
                fields.put("password-confirm", newPassword);
                page = post(page.uri(), password.get().action(), fields);
                passwordSent = true;
                continue;
            }
            if (totp.isPresent() && totpSecret == null) {
                Map<String, String> fields = totp.get().hidden();
                totpSecret = fields.get("totpSecret");
                Instant now = Instant.now();
                totpStep = now.getEpochSecond() / 30;
                fields.put("totp", OidcBrowserlessLogin.totp(totpSecret, now));
                fields.put("userLabel", "invitation-test");
                page = post(page.uri(), totp.get().action(), fields);
                continue;
            }
            Matcher proceed = PROCEED_LINK.matcher(html);
            if (proceed.find()) {
                page = get(page.uri().resolve(unescape(proceed.group(1))).toString());
                continue;
            }
            return new Outcome(false, totpSecret, totpStep, pages.toString(), html);
        }
        return new Outcome(false, totpSecret, totpStep, pages.toString(), page.body());
    }

    private HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private HttpResponse<String> post(URI base, String action, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    // Host-only cookie jar: the test talks to one Keycloak, so names are enough.
    private HttpResponse<String> send(HttpRequest.Builder request) {
        request.timeout(Duration.ofSeconds(30)).header("Accept", "text/html");
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (String setCookie : response.headers().allValues("set-cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    String name = pair.substring(0, eq).trim();
                    String value = pair.substring(eq + 1).trim();
                    boolean expired = setCookie.toLowerCase().contains("max-age=0") || value.isEmpty();
                    if (expired) {
                        cookies.remove(name);
                    } else {
                        cookies.put(name, value);
                    }
                }
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isRedirect(HttpResponse<?> response) {
        int status = response.statusCode();
        return status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent();
    }

    private static String title(String html) {
        Matcher title = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL).matcher(html == null ? "" : html);
        Matcher heading = Pattern.compile("<h1[^>]*>(.*?)</h1>", Pattern.DOTALL).matcher(html == null ? "" : html);
        String text = heading.find() ? heading.group(1) : title.find() ? title.group(1) : "";
        return text.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
    }

    private static String unescape(String text) {
        return text.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">");
    }

    private record Form(String action, Map<String, String> hiddenFields) {

        static Optional<Form> find(String html, String id) {
            Matcher form = FORM.matcher(html == null ? "" : html);
            while (form.find()) {
                Map<String, String> attributes = attributes(form.group(1));
                if (id.equals(attributes.get("id")) && attributes.containsKey("action")) {
                    Map<String, String> hidden = new LinkedHashMap<>();
                    Matcher input = INPUT.matcher(form.group(2));
                    while (input.find()) {
                        Map<String, String> inputAttributes = attributes(input.group(1));
                        if ("hidden".equalsIgnoreCase(inputAttributes.get("type")) && inputAttributes.containsKey("name")) {
                            hidden.put(inputAttributes.get("name"), inputAttributes.getOrDefault("value", ""));
                        }
                    }
                    return Optional.of(new Form(attributes.get("action"), hidden));
                }
            }
            return Optional.empty();
        }

        Map<String, String> hidden() {
            return new LinkedHashMap<>(hiddenFields);
        }

        private static Map<String, String> attributes(String tag) {
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(tag);
            while (attribute.find()) {
                attributes.put(attribute.group(1).toLowerCase(), unescape(attribute.group(2) != null ? attribute.group(2) : attribute.group(3)));
            }
            return attributes;
        }
    }
}
