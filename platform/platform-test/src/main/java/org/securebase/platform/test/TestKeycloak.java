package org.securebase.platform.test;

import org.securebase.platform.embedded.MailServer;
import org.securebase.platform.embedded.PostgresServer;
import org.securebase.platform.embedded.keycloak.KeycloakAdmin;
import org.securebase.platform.embedded.keycloak.KeycloakServer;
import org.securebase.platform.embedded.keycloak.OidcBrowserlessLogin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Keycloak for integration tests: the project's own realm file and dev users, on free ports, without a
 * gateway in front (so the public and internal URLs are the same). Gives tests real tokens through the
 * portal client's authorization-code flow, and an admin client to create more users.
 */
public final class TestKeycloak {

    /** Password of the demo users and of users created through {@link #createUser}. */
    public static final String DEMO_PASSWORD = "Test-only-password-42";
    public static final String PORTAL_CLIENT_SECRET = "test-portal-client-secret";
    public static final String ACCOUNT_SERVICE_CLIENT_SECRET = "test-account-service-client-secret";
    /** Where the portal client's registered redirect URI points; nothing needs to listen there. */
    public static final String PORTAL_PUBLIC_URL = "http://localhost:18080";

    private static final String REALM = "securebase";
    private static final java.util.Random RANDOM = new java.security.SecureRandom();
    private static final String ADMIN_USER = "bootstrap-admin";
    private static final String ADMIN_PASSWORD = "bootstrap-admin-password";

    private final String baseUrl;
    private final OidcBrowserlessLogin login;
    private final KeycloakAdmin admin;

    private TestKeycloak(String baseUrl) {
        this.baseUrl = baseUrl;
        this.login = new OidcBrowserlessLogin(baseUrl, baseUrl, REALM, "portal", PORTAL_CLIENT_SECRET,
                PORTAL_PUBLIC_URL + "/login/oauth2/code/keycloak");
        this.admin = new KeycloakAdmin(baseUrl, REALM, ADMIN_USER, ADMIN_PASSWORD);
    }

    static TestKeycloak start(PostgresServer postgres, MailServer mail) {
        return Backend.current() == Backend.DOCKER ? startContainer(mail) : startEmbedded(postgres, mail);
    }

    private static Map<String, String> realmPlaceholders(MailServer mail, String smtpHost) {
        return Map.of(
                "SECUREBASE_PUBLIC_URL", PORTAL_PUBLIC_URL,
                // no portal listens there in these tests; Keycloak's failed logout call is only logged
                "SECUREBASE_PORTAL_BACKCHANNEL_LOGOUT_URL", PORTAL_PUBLIC_URL + "/logout/connect/back-channel/keycloak",
                "SECUREBASE_PORTAL_CLIENT_SECRET", PORTAL_CLIENT_SECRET,
                "SECUREBASE_ACCOUNT_SERVICE_CLIENT_SECRET", ACCOUNT_SERVICE_CLIENT_SECRET,
                "SECUREBASE_DEMO_PASSWORD", DEMO_PASSWORD,
                "SECUREBASE_SMTP_HOST", smtpHost,
                "SECUREBASE_SMTP_PORT", Integer.toString(mail.smtpPort()));
    }

    /** The official image, importing the same two realm files; mail reaches GreenMail on the host. */
    private static TestKeycloak startContainer(MailServer mail) {
        Path root = ProjectRoot.find();
        org.testcontainers.Testcontainers.exposeHostPorts(mail.smtpPort());
        dasniko.testcontainers.keycloak.KeycloakContainer container =
                new dasniko.testcontainers.keycloak.KeycloakContainer("quay.io/keycloak/keycloak:26.5.6")
                        .withContextPath("/auth")
                        .withAdminUsername(ADMIN_USER)
                        .withAdminPassword(ADMIN_PASSWORD)
                        .withCopyFileToContainer(org.testcontainers.utility.MountableFile.forHostPath(
                                root.resolve("deploy/keycloak/dev/securebase-realm.json")),
                                "/opt/keycloak/data/import/securebase-realm.json")
                        .withCopyFileToContainer(org.testcontainers.utility.MountableFile.forHostPath(
                                root.resolve("deploy/keycloak/dev/securebase-users-0.json")),
                                "/opt/keycloak/data/import/securebase-users-0.json")
                        .withCopyFileToContainer(org.testcontainers.utility.MountableFile.forHostPath(
                                root.resolve("deploy/keycloak/password-deny-list.txt")),
                                "/opt/keycloak/data/password-blacklists/password-deny-list.txt")
                        .withCopyFileToContainer(org.testcontainers.utility.MountableFile.forHostPath(
                                root.resolve("deploy/keycloak/themes/securebase")),
                                "/opt/keycloak/themes/securebase")
                        .withEnv(realmPlaceholders(mail, "host.testcontainers.internal"));
        container.start();
        TestBackends.onExit(container::stop);
        return new TestKeycloak(container.getAuthServerUrl().replaceAll("/+$", ""));
    }

    private static TestKeycloak startEmbedded(PostgresServer postgres, MailServer mail) {
        // Keycloak binds its ports a minute after they were chosen; should another process take one in
        // between, start again on new ports rather than fail every test of the module.
        IllegalStateException lastFailure = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                return startEmbeddedOnce(postgres, mail);
            } catch (IllegalStateException e) {
                if (!String.valueOf(e.getMessage()).contains("already")) {
                    throw e;
                }
                lastFailure = e;
            }
        }
        throw lastFailure;
    }

    private static TestKeycloak startEmbeddedOnce(PostgresServer postgres, MailServer mail) {
        Path root = ProjectRoot.find();
        PostgresServer.Database database = postgres.database("keycloak", "keycloak", "keycloak");
        int httpPort = freePort();
        KeycloakServer server = KeycloakServer.builder()
                .httpPort(httpPort)
                .managementPort(freePort())
                .publicUrl("http://localhost:" + httpPort + "/auth")
                .database(database.jdbcUrl(), database.username(), database.password())
                .bootstrapAdmin(ADMIN_USER, ADMIN_PASSWORD)
                .realmImport(root.resolve("deploy/keycloak/dev/securebase-realm.json"),
                        root.resolve("deploy/keycloak/dev/securebase-users-0.json"))
                .passwordDenyList(root.resolve("deploy/keycloak/password-deny-list.txt"))
                .theme(root.resolve("deploy/keycloak/themes/securebase"))
                .env(realmPlaceholders(mail, "localhost"))
                .logFile(Path.of("target", "keycloak.log").toAbsolutePath())
                .build();
        server.start();
        TestBackends.onExit(server);
        return new TestKeycloak(server.internalBaseUrl());
    }

    public String issuerUri() {
        return baseUrl + "/realms/" + REALM;
    }

    public String jwkSetUri() {
        return issuerUri() + "/protocol/openid-connect/certs";
    }

    /** Keycloak's base URL including {@code /auth}. */
    public String baseUrl() {
        return baseUrl;
    }

    public String adminUser() {
        return ADMIN_USER;
    }

    public String adminPassword() {
        return ADMIN_PASSWORD;
    }

    /** Logs a user in as the portal does and returns their tokens. */
    public OidcBrowserlessLogin.Tokens login(String username, String password) {
        return login.login(username, password);
    }

    /** An access token of a demo or test-created user (password {@link #DEMO_PASSWORD}). */
    public String accessToken(String username) {
        return login(username, DEMO_PASSWORD).accessToken();
    }

    public OidcBrowserlessLogin oidc() {
        return login;
    }

    public KeycloakAdmin admin() {
        return admin;
    }

    /** Creates a user with these realm roles and {@link #DEMO_PASSWORD}; returns the Keycloak user id. */
    public String createUser(String email, String firstName, String lastName, String... realmRoles) {
        return admin.createUser(email, firstName, lastName, DEMO_PASSWORD, realmRoles);
    }

    /**
     * A port that is free now, below Linux's ephemeral range (32768+), so outgoing connections made while
     * Keycloak boots cannot be handed the same number.
     */
    private static int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = 20_000 + RANDOM.nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(candidate)) {
                socket.setReuseAddress(true);
                return candidate;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("no free port between 20000 and 32000"));
    }

    /** The checkout's root: the folder holding {@code deploy/keycloak}, found upwards from the working directory. */
    static final class ProjectRoot {
        static Path find() {
            String configured = System.getProperty("securebase.project.root");
            if (configured != null) {
                return Path.of(configured).toAbsolutePath().normalize();
            }
            for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
                if (Files.exists(dir.resolve("deploy/keycloak/securebase-realm.json"))) {
                    return dir;
                }
            }
            throw new IllegalStateException("deploy/keycloak/securebase-realm.json not found above "
                    + Path.of("").toAbsolutePath());
        }
    }
}
