package org.securebase.platform.embedded.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small client of Keycloak's admin REST API for tests and seeding, signed in as the bootstrap admin of the
 * {@code master} realm (password grant on {@code admin-cli}). Users it creates use their e-mail as username,
 * are enabled and have a verified e-mail. Failures throw {@link KeycloakAdminException} with the status and body.
 */
public final class KeycloakAdmin {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final String realm;
    private final String adminUser;
    private final String adminPassword;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private String token;
    private Instant tokenExpiry = Instant.EPOCH;

    /**
     * @param baseUrl       Keycloak's base URL including {@code /auth}, e.g. {@code http://localhost:8180/auth}
     * @param realm         the realm to administer
     * @param adminUser     a master-realm administrator
     * @param adminPassword its password
     */
    public KeycloakAdmin(String baseUrl, String realm, String adminUser, String adminPassword) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl").replaceAll("/+$", "");
        this.realm = Objects.requireNonNull(realm, "realm");
        this.adminUser = Objects.requireNonNull(adminUser, "adminUser");
        this.adminPassword = Objects.requireNonNull(adminPassword, "adminPassword");
    }

    /** Administers the server's realm as its bootstrap admin. */
    public static KeycloakAdmin of(KeycloakServer server) {
        KeycloakServer.Config c = server.config();
        return new KeycloakAdmin(server.internalBaseUrl(), c.realm(), c.adminUser(), c.adminPassword());
    }

    /** A user to create; {@code realmRoles} are added to the realm's default roles. */
    public record NewUser(String email, String firstName, String lastName, String password, List<String> realmRoles) {
        public NewUser {
            Objects.requireNonNull(email, "email");
            realmRoles = List.copyOf(realmRoles);
        }

        public static NewUser of(String email, String firstName, String lastName, String password, String... realmRoles) {
            return new NewUser(email, firstName, lastName, password, List.of(realmRoles));
        }
    }

    /**
     * Creates an enabled user (username = e-mail, e-mail verified), sets a non-temporary password if given, grants
     * the realm roles, and returns the new user's id.
     */
    public String createUser(NewUser user) {
        ObjectNode rep = JSON.createObjectNode()
                .put("username", user.email())
                .put("email", user.email())
                .put("enabled", true)
                .put("emailVerified", true);
        if (user.firstName() != null) {
            rep.put("firstName", user.firstName());
        }
        if (user.lastName() != null) {
            rep.put("lastName", user.lastName());
        }
        HttpResponse<String> response = send("POST", realmUrl("/users"), rep.toString(), 201);
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new KeycloakAdminException("No Location header after creating " + user.email(), 201, ""));
        String id = location.substring(location.lastIndexOf('/') + 1);
        try {
            if (user.password() != null) {
                setPassword(id, user.password(), false);
            }
            if (!user.realmRoles().isEmpty()) {
                assignRealmRoles(id, user.realmRoles());
            }
        } catch (RuntimeException e) {
            deleteUser(id);
            throw e;
        }
        return id;
    }

    /** Convenience for {@link #createUser(NewUser)}. */
    public String createUser(String email, String firstName, String lastName, String password, String... realmRoles) {
        return createUser(NewUser.of(email, firstName, lastName, password, realmRoles));
    }

    /** Sets (resets) the user's password; the realm's password policy applies. */
    public void setPassword(String userId, String password, boolean temporary) {
        ObjectNode credential = JSON.createObjectNode()
                .put("type", "password")
                .put("value", password)
                .put("temporary", temporary);
        send("PUT", realmUrl("/users/" + enc(userId) + "/reset-password"), credential.toString(), 204);
    }

    /** The id of the user with exactly this e-mail, if any. */
    public Optional<String> findUserIdByEmail(String email) {
        HttpResponse<String> response = send("GET", realmUrl("/users?exact=true&briefRepresentation=true&email=" + enc(email)), null, 200);
        for (JsonNode user : JSON.readTree(response.body())) {
            if (email.equalsIgnoreCase(user.path("email").asString(""))) {
                return Optional.of(user.path("id").asString());
            }
        }
        return Optional.empty();
    }

    /** Grants realm roles (looked up by name). */
    public void assignRealmRoles(String userId, List<String> roleNames) {
        ArrayNode roles = JSON.createArrayNode();
        for (String name : roleNames) {
            roles.add(JSON.readTree(send("GET", realmUrl("/roles/" + enc(name)), null, 200).body()));
        }
        send("POST", realmUrl("/users/" + enc(userId) + "/role-mappings/realm"), roles.toString(), 204);
    }

    /** Names of the user's effective realm roles (composites expanded). */
    public List<String> realmRoles(String userId) {
        JsonNode roles = JSON.readTree(send("GET", realmUrl("/users/" + enc(userId) + "/role-mappings/realm/composite"), null, 200).body());
        List<String> names = new ArrayList<>();
        roles.forEach(r -> names.add(r.path("name").asString()));
        return names;
    }

    /**
     * Ends every Keycloak session of the user, as an admin's "sign out" in Keycloak's console does; Keycloak then sends
     * each client with a back-channel logout URL a logout token.
     */
    public void logOutEverywhere(String userId) {
        send("POST", realmUrl("/users/" + enc(userId) + "/logout"), null, 204);
    }

    /** Types of the user's stored credentials, e.g. {@code password}, {@code otp}. */
    public List<String> credentialTypes(String userId) {
        JsonNode creds = JSON.readTree(send("GET", realmUrl("/users/" + enc(userId) + "/credentials"), null, 200).body());
        List<String> types = new ArrayList<>();
        creds.forEach(c -> types.add(c.path("type").asString()));
        return types;
    }

    /** Deletes the user; a missing user is not an error. */
    public void deleteUser(String userId) {
        HttpResponse<String> response = sendRaw("DELETE", realmUrl("/users/" + enc(userId)), null);
        if (response.statusCode() != 204 && response.statusCode() != 404) {
            throw new KeycloakAdminException("DELETE user " + userId + " failed", response.statusCode(), response.body());
        }
    }

    /** Deletes the user with this e-mail if present; returns whether one was deleted. */
    public boolean deleteUserByEmail(String email) {
        Optional<String> id = findUserIdByEmail(email);
        id.ifPresent(this::deleteUser);
        return id.isPresent();
    }

    /** One top-level setting of the realm (e.g. {@code ssoSessionIdleTimeout}), as the admin API shows it. */
    public JsonNode realmSetting(String name) {
        return JSON.readTree(send("GET", realmUrl(""), null, 200).body()).path(name);
    }

    /** The realm's stored login events of one type (e.g. {@code LOGIN_ERROR}) for one user, newest first. */
    public JsonNode loginEvents(String type, String userId) {
        return JSON.readTree(send("GET", realmUrl("/events?type=" + enc(type) + "&user=" + enc(userId)), null, 200).body());
    }

    /** Changes top-level settings of the realm (e.g. {@code ssoSessionIdleTimeout}); others stay as they are. */
    public void updateRealmSettings(Map<String, ?> settings) {
        send("PUT", realmUrl(""), JSON.writeValueAsString(settings), 204);
    }

    // ------------------------------------------------------------------------------------------ plumbing

    private String realmUrl(String path) {
        return baseUrl + "/admin/realms/" + enc(realm) + path;
    }

    private HttpResponse<String> send(String method, String url, String jsonBody, int expectedStatus) {
        HttpResponse<String> response = sendRaw(method, url, jsonBody);
        if (response.statusCode() != expectedStatus) {
            throw new KeycloakAdminException(method + " " + url.substring(baseUrl.length()) + " returned "
                    + response.statusCode() + " (expected " + expectedStatus + ")", response.statusCode(), response.body());
        }
        return response;
    }

    private HttpResponse<String> sendRaw(String method, String url, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + accessToken())
                .header("Accept", "application/json");
        if (jsonBody != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return exchange(request.build());
    }

    private synchronized String accessToken() {
        if (token != null && Instant.now().isBefore(tokenExpiry)) {
            return token;
        }
        String form = Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", adminUser, "password", adminPassword)
                .entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = exchange(request);
        if (response.statusCode() != 200) {
            throw new KeycloakAdminException("Admin login as '" + adminUser + "' failed", response.statusCode(), response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        token = body.path("access_token").asString();
        long expiresIn = body.path("expires_in").asLong(60);
        tokenExpiry = Instant.now().plusSeconds(Math.max(5, expiresIn - 15));
        return token;
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new KeycloakAdminException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), -1, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakAdminException("Interrupted: " + request.method() + " " + request.uri(), -1, "");
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An admin API call failed. */
    public static final class KeycloakAdminException extends RuntimeException {
        private final int status;
        private final String body;

        public KeycloakAdminException(String message, int status, String body) {
            super(message + (body == null || body.isBlank() ? "" : ": " + abbreviate(body)));
            this.status = status;
            this.body = body;
        }

        public int status() {
            return status;
        }

        public String body() {
            return body;
        }

        private static String abbreviate(String s) {
            return s.length() > 500 ? s.substring(0, 500) + "…" : s;
        }
    }
}
