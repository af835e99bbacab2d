package org.securebase.platform.embedded.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logs a user in through a confidential client's authorization-code + PKCE (S256) flow without a browser, the
 * way a browser would: GET the authorization endpoint (on Keycloak's internal address), read the login form's
 * action from the HTML, POST username and password with the session cookies, optionally answer or enrol TOTP,
 * take the {@code code} from the {@code Location} redirect to the registered redirect URI (nothing needs to
 * listen there), and exchange it at the token endpoint with the client secret and the PKCE verifier.
 *
 * <p>Because Keycloak renders its forms with the public (frontend) URL, form actions that start with
 * {@code publicBaseUrl} are sent to {@code internalBaseUrl} instead. One instance per login: each
 * {@link #attempt} starts with a fresh cookie jar, so no SSO session leaks between users.
 *
 * <p>For tests and seeding only: it decodes token claims without verifying signatures.
 */
public final class OidcBrowserlessLogin {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTR = Pattern.compile("([a-zA-Z_:-]+)\\s*=\\s*(\"([^\"]*)\"|'([^']*)')");
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final int MAX_STEPS = 10;
    private static final java.util.concurrent.ConcurrentMap<String, Long> LAST_TOTP_STEP = new java.util.concurrent.ConcurrentHashMap<>();

    private final String internalBaseUrl;
    private final String publicBaseUrl;
    private final String realm;
    private final String clientId;
    private final String clientSecret;
    private final String redirectUri;
    private final String scope;

    /**
     * @param internalBaseUrl Keycloak's internal base URL including {@code /auth}
     * @param publicBaseUrl   its public base URL (rewritten to the internal one in form actions)
     * @param realm           realm
     * @param clientId        confidential client with the standard flow, e.g. {@code portal}
     * @param clientSecret    its secret
     * @param redirectUri     a registered redirect URI, e.g. {@code http://localhost:8080/login/oauth2/code/keycloak}
     */
    public OidcBrowserlessLogin(String internalBaseUrl, String publicBaseUrl, String realm, String clientId,
                                String clientSecret, String redirectUri) {
        this(internalBaseUrl, publicBaseUrl, realm, clientId, clientSecret, redirectUri, "openid profile email");
    }

    public OidcBrowserlessLogin(String internalBaseUrl, String publicBaseUrl, String realm, String clientId,
                                String clientSecret, String redirectUri, String scope) {
        this.internalBaseUrl = trim(Objects.requireNonNull(internalBaseUrl, "internalBaseUrl"));
        this.publicBaseUrl = trim(Objects.requireNonNull(publicBaseUrl, "publicBaseUrl"));
        this.realm = Objects.requireNonNull(realm, "realm");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
        this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /**
     * The {@code portal} client of a running server. {@code portalPublicUrl} is the value of
     * {@code SECUREBASE_PUBLIC_URL} (e.g. {@code http://localhost:8080}); the redirect URI is
     * {@code <portalPublicUrl>/login/oauth2/code/keycloak}.
     */
    public static OidcBrowserlessLogin portal(KeycloakServer server, String portalPublicUrl, String portalClientSecret) {
        return new OidcBrowserlessLogin(server.internalBaseUrl(), server.publicBaseUrl(), server.realm(), "portal",
                portalClientSecret, trim(portalPublicUrl) + "/login/oauth2/code/keycloak");
    }

    // ------------------------------------------------------------------------------------------ API

    /** Logs in with username (or e-mail) and password; fails unless tokens result (e.g. OTP asked). */
    public Tokens login(String username, String password) {
        return attempt(username, password, null, false).tokensOrThrow();
    }

    /** Logs in answering the OTP prompt with a code computed from the TOTP secret (see {@link LoginResult#enrolledTotpSecret()}). */
    public Tokens login(String username, String password, String totpSecret) {
        return attempt(username, password, Objects.requireNonNull(totpSecret, "totpSecret"), false).tokensOrThrow();
    }

    /**
     * Runs the login and stops at the first page it cannot answer.
     *
     * @param totpSecret answer an OTP prompt with a code from this secret (raw secret as on Keycloak's set-up page); may be null
     * @param enrolTotp  if Keycloak asks to configure an authenticator, do it with the secret it offers (the result carries it)
     */
    public LoginResult attempt(String username, String password, String totpSecret, boolean enrolTotp) {
        Session session = new Session();
        String verifier = randomUrlSafe(48);
        String state = randomUrlSafe(16);
        String nonce = randomUrlSafe(16);
        String authorize = internalBaseUrl + "/realms/" + enc(realm) + "/protocol/openid-connect/auth?"
                + form(Map.of("response_type", "code", "client_id", clientId, "redirect_uri", redirectUri,
                "scope", scope, "state", state, "nonce", nonce,
                "code_challenge", s256(verifier), "code_challenge_method", "S256"));
        HttpResponse<String> response = session.get(authorize);
        String enrolledSecret = null;
        boolean passwordSent = false;
        boolean otpAnswered = false;
        for (int step = 0; step < MAX_STEPS; step++) {
            if (isRedirect(response)) {
                String location = response.headers().firstValue("Location").orElse("");
                if (location.startsWith(redirectUri)) {
                    Map<String, String> params = queryParams(URI.create(location).getRawQuery());
                    if (params.containsKey("error")) {
                        return LoginResult.page(Step.OTHER, response.statusCode(), "",
                                "redirect with error " + params.get("error") + ": " + params.get("error_description"), enrolledSecret);
                    }
                    if (!state.equals(params.get("state"))) {
                        throw new IllegalStateException("state mismatch in redirect " + location);
                    }
                    Tokens tokens = exchangeCode(params.get("code"), verifier);
                    return new LoginResult(Step.TOKENS, tokens, 200, "", "", enrolledSecret);
                }
                response = session.get(toInternal(resolve(response.uri(), location)));
                continue;
            }
            String html = response.body();
            Optional<Form> loginForm = Form.find(html, "kc-form-login");
            Optional<Form> totpSetup = Form.find(html, "kc-totp-settings-form");
            Optional<Form> otpForm = Form.find(html, "kc-otp-login-form");
            if (loginForm.isPresent() && !passwordSent) {
                Map<String, String> fields = loginForm.get().hiddenFields();
                fields.put("username", username);
                fields.put("password", password);
                response = session.post(toInternal(loginForm.get().action()), fields);
                passwordSent = true;
                continue;
            }
            if (loginForm.isPresent()) {
                return LoginResult.page(Step.INVALID_CREDENTIALS, response.statusCode(), html, errorText(html), enrolledSecret);
            }
            if (totpSetup.isPresent()) {
                String secret = totpSetup.get().hiddenFields().get("totpSecret");
                if (!enrolTotp || secret == null || enrolledSecret != null) {
                    return LoginResult.page(Step.OTP_SETUP_REQUIRED, response.statusCode(), html, errorText(html), enrolledSecret);
                }
                enrolledSecret = secret;
                Map<String, String> fields = totpSetup.get().hiddenFields();
                fields.put("totp", freshTotp(secret));
                fields.put("userLabel", "browserless-login");
                response = session.post(toInternal(totpSetup.get().action()), fields);
                continue;
            }
            if (otpForm.isPresent()) {
                String secret = totpSecret != null ? totpSecret : enrolledSecret;
                if (secret == null || otpAnswered) {
                    // no secret, or our one answer was refused
                    return LoginResult.page(Step.OTP_REQUIRED, response.statusCode(), html, errorText(html), enrolledSecret);
                }
                Map<String, String> fields = otpForm.get().hiddenFields();
                fields.put("otp", freshTotp(secret));
                response = session.post(toInternal(otpForm.get().action()), fields);
                otpAnswered = true;
                continue;
            }
            return LoginResult.page(Step.OTHER, response.statusCode(), html, errorText(html), enrolledSecret);
        }
        throw new IllegalStateException("Login did not finish within " + MAX_STEPS + " steps");
    }

    /** Exchanges a refresh token (refresh-token rotation: the old one is then spent). */
    public Tokens refresh(String refreshToken) {
        return tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    /** POSTs to the token endpoint with this client's credentials; throws {@link TokenRequestException} unless 200. */
    public Tokens tokenRequest(Map<String, String> parameters) {
        HttpResponse<String> response = postWithClientCredentials(tokenUri(), parameters);
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (RuntimeException e) {
            throw new TokenRequestException(response.statusCode(), "invalid_response", response.body());
        }
        if (response.statusCode() != 200) {
            throw new TokenRequestException(response.statusCode(), body.path("error").asString(""),
                    body.path("error_description").asString(""));
        }
        return new Tokens(body.path("access_token").asString(), body.path("refresh_token").asString(null),
                body.path("id_token").asString(null), body.path("expires_in").asLong(),
                body.path("scope").asString(""));
    }

    /**
     * Ends the Keycloak session the refresh token belongs to, as the portal's logout does (back-channel, with this
     * client's credentials); throws {@link TokenRequestException} unless Keycloak answers 204.
     */
    public void logout(String refreshToken) {
        HttpResponse<String> response = postWithClientCredentials(
                internalBaseUrl + "/realms/" + enc(realm) + "/protocol/openid-connect/logout",
                Map.of("refresh_token", refreshToken));
        if (response.statusCode() != 204) {
            throw new TokenRequestException(response.statusCode(), "logout_failed", response.body());
        }
    }

    /** A form POST to one of the realm's OIDC endpoints, authenticated with this client's id and secret. */
    private HttpResponse<String> postWithClientCredentials(String uri, Map<String, String> parameters) {
        Map<String, String> form = new LinkedHashMap<>(parameters);
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)))
                .build();
        return send(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), request);
    }

    public String tokenUri() {
        return internalBaseUrl + "/realms/" + enc(realm) + "/protocol/openid-connect/token";
    }

    private Tokens exchangeCode(String code, String verifier) {
        if (code == null) {
            throw new IllegalStateException("Redirect to " + redirectUri + " without code");
        }
        return tokenRequest(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", redirectUri, "code_verifier", verifier));
    }

    // ------------------------------------------------------------------------------------------ results

    /** Where the login stopped. */
    public enum Step { TOKENS, INVALID_CREDENTIALS, OTP_SETUP_REQUIRED, OTP_REQUIRED, OTHER }

    /**
     * The outcome of {@link #attempt}: tokens, or the page Keycloak showed instead.
     *
     * @param enrolledTotpSecret the TOTP secret registered during this login (raw, as Keycloak's set-up form
     *                           posts it), for later {@link #login(String, String, String)} calls; else null
     */
    public record LoginResult(Step step, Tokens tokens, int status, String html, String message, String enrolledTotpSecret) {

        static LoginResult page(Step step, int status, String html, String message, String enrolledSecret) {
            return new LoginResult(step, null, status, html, message, enrolledSecret);
        }

        public boolean succeeded() {
            return step == Step.TOKENS;
        }

        public Tokens tokensOrThrow() {
            if (tokens == null) {
                throw new IllegalStateException("Login stopped at " + step + " (HTTP " + status + ")"
                        + (message.isBlank() ? "" : ": " + message));
            }
            return tokens;
        }
    }

    /** Token endpoint response. */
    public record Tokens(String accessToken, String refreshToken, String idToken, long expiresIn, String scope) {

        public JsonNode accessTokenClaims() {
            return claims(accessToken);
        }

        public JsonNode idTokenClaims() {
            return idToken == null ? JSON.createObjectNode() : claims(idToken);
        }

        /** The JWT's payload, decoded without verifying the signature. */
        public static JsonNode claims(String jwt) {
            String[] parts = jwt.split("\\.");
            if (parts.length < 2) {
                throw new IllegalArgumentException("Not a JWT");
            }
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Tokens[expiresIn=" + expiresIn + ", scope=" + scope + ", (values hidden)]";
        }
    }

    /** The token endpoint refused a request ({@code error} as in RFC 6749 §5.2). */
    public static final class TokenRequestException extends RuntimeException {
        private final int status;
        private final String error;

        public TokenRequestException(int status, String error, String description) {
            super("Token endpoint answered " + status + " " + error + (description.isBlank() ? "" : ": " + description));
            this.status = status;
            this.error = error;
        }

        public int status() {
            return status;
        }

        public String error() {
            return error;
        }
    }

    // ------------------------------------------------------------------------------------------ TOTP

    /**
     * A code from a time step not used before in this JVM for this secret: Keycloak refuses a code that was
     * already accepted (the realm's OTP policy does not allow reuse), so this may wait up to 30 s.
     */
    static String freshTotp(String rawSecret) {
        while (true) {
            long step = Instant.now().getEpochSecond() / 30;
            Long previous = LAST_TOTP_STEP.get(rawSecret);
            if (previous == null || step > previous) {
                if (previous == null ? LAST_TOTP_STEP.putIfAbsent(rawSecret, step) == null
                        : LAST_TOTP_STEP.replace(rawSecret, previous, step)) {
                    return totp(rawSecret, Instant.ofEpochSecond(step * 30));
                }
                continue;
            }
            try {
                Thread.sleep(((step + 1) * 30 - Instant.now().getEpochSecond()) * 1000L + 50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the next TOTP step", e);
            }
        }
    }

    /** RFC 6238 code (HmacSHA1, 6 digits, 30 s: the realm's OTP policy) for Keycloak's raw TOTP secret. */
    public static String totp(String rawSecret, Instant at) {
        try {
            long counter = at.getEpochSecond() / 30;
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(rawSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0xf;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------ HTML

    private record Form(String id, String action, Map<String, String> hidden) {

        static Optional<Form> find(String html, String id) {
            if (html == null) {
                return Optional.empty();
            }
            Matcher m = FORM.matcher(html);
            while (m.find()) {
                Map<String, String> attrs = attributes(m.group(1));
                if (id.equals(attrs.get("id")) && attrs.containsKey("action")) {
                    Map<String, String> hidden = new LinkedHashMap<>();
                    Matcher input = INPUT.matcher(m.group(2));
                    while (input.find()) {
                        Map<String, String> a = attributes(input.group(1));
                        if ("hidden".equalsIgnoreCase(a.get("type")) && a.containsKey("name")) {
                            hidden.put(a.get("name"), a.getOrDefault("value", ""));
                        }
                    }
                    return Optional.of(new Form(id, attrs.get("action"), hidden));
                }
            }
            return Optional.empty();
        }

        Map<String, String> hiddenFields() {
            return new LinkedHashMap<>(hidden);
        }
    }

    private static Map<String, String> attributes(String tagBody) {
        Map<String, String> attrs = new LinkedHashMap<>();
        Matcher m = ATTR.matcher(tagBody);
        while (m.find()) {
            String value = m.group(3) != null ? m.group(3) : m.group(4);
            attrs.put(m.group(1).toLowerCase(), unescape(value));
        }
        return attrs;
    }

    private static String unescape(String s) {
        Matcher m = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|quot|apos|lt|gt|#39);").matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String r = switch (e) {
                case "amp" -> "&";
                case "quot" -> "\"";
                case "apos", "#39" -> "'";
                case "lt" -> "<";
                case "gt" -> ">";
                default -> new String(Character.toChars(e.startsWith("#x")
                        ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1))));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(r));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The visible error of a Keycloak login page, if any (text of the first {@code input-error*} or alert element). */
    private static String errorText(String html) {
        Matcher m = Pattern.compile("<(span|div)[^>]*(id=\"input-error[^\"]*\"|class=\"[^\"]*(alert|kc-feedback-text)[^\"]*\")[^>]*>(.*?)</\\1>",
                Pattern.DOTALL).matcher(html == null ? "" : html);
        while (m.find()) {
            String text = unescape(m.group(4).replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ").trim();
            if (!text.isEmpty()) {
                return text;
            }
        }
        Matcher title = Pattern.compile("id=\"kc-page-title\"[^>]*>(.*?)</h1>", Pattern.DOTALL).matcher(html == null ? "" : html);
        return title.find() ? title.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim() : "";
    }

    // ------------------------------------------------------------------------------------------ HTTP

    /**
     * A cookie jar and client for one login. Keycloak marks its cookies {@code Secure; SameSite=None} even on
     * plain HTTP; browsers still send them to {@code localhost} (a secure context), but {@link java.net.CookieManager}
     * never sends a secure cookie over HTTP. So this jar behaves like a browser: host-only, path-matched,
     * {@code Max-Age<=0} deletes, values sent exactly as received.
     */
    private static final class Session {
        private final HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private final Map<String, Cookie> cookies = new LinkedHashMap<>();

        private record Cookie(String name, String value, String path) {
        }

        HttpResponse<String> get(String url) {
            return exchange(HttpRequest.newBuilder(URI.create(url)).GET());
        }

        HttpResponse<String> post(String url, Map<String, String> fields) {
            return exchange(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
        }

        private HttpResponse<String> exchange(HttpRequest.Builder builder) {
            builder.timeout(Duration.ofSeconds(30)).header("Accept", "text/html");
            HttpRequest probe = builder.copy().build();
            String path = probe.uri().getRawPath() == null || probe.uri().getRawPath().isEmpty() ? "/" : probe.uri().getRawPath();
            String cookieHeader = cookies.values().stream()
                    .filter(c -> path.startsWith(c.path()) || (path + "/").equals(c.path()))
                    .map(c -> c.name() + "=" + c.value())
                    .collect(Collectors.joining("; "));
            if (!cookieHeader.isEmpty()) {
                builder.header("Cookie", cookieHeader);
            }
            HttpResponse<String> response = send(client, builder.build());
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
            String cookiePath = requestPath.contains("/") ? requestPath.substring(0, requestPath.lastIndexOf('/') + 1) : "/";
            boolean expired = false;
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].trim();
                String lower = attribute.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("path=")) {
                    cookiePath = attribute.substring(5).trim();
                } else if (lower.startsWith("max-age=")) {
                    try {
                        expired = Long.parseLong(attribute.substring(8).trim()) <= 0;
                    } catch (NumberFormatException ignored) {
                        // keep
                    }
                } else if (lower.startsWith("expires=")) {
                    try {
                        expired = java.time.ZonedDateTime.parse(attribute.substring(8).trim(),
                                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().isBefore(Instant.now());
                    } catch (java.time.format.DateTimeParseException ignored) {
                        // keep
                    }
                }
            }
            String key = name + "|" + cookiePath;
            if (expired) {
                cookies.remove(key);
            } else {
                cookies.put(key, new Cookie(name, value, cookiePath));
            }
        }
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + request.method() + " " + request.uri(), e);
        }
    }

    private String toInternal(String url) {
        return url.startsWith(publicBaseUrl + "/") ? internalBaseUrl + url.substring(publicBaseUrl.length()) : url;
    }

    private static String resolve(URI base, String location) {
        return base.resolve(location).toString();
    }

    private static boolean isRedirect(HttpResponse<?> response) {
        int s = response.statusCode();
        return (s == 301 || s == 302 || s == 303 || s == 307 || s == 308) && response.headers().firstValue("Location").isPresent();
    }

    private static Map<String, String> queryParams(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(key, value);
        }
        return params;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomUrlSafe(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String trim(String url) {
        return url.replaceAll("/+$", "");
    }
}
