package org.securebase.platform.embedded.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks that need no running Keycloak. */
class KeycloakServerTest {

    @TempDir
    Path tmp;

    @Test
    void refusesToStartWhenARealmPlaceholderHasNoValue() throws Exception {
        Path realm = Files.writeString(tmp.resolve("x-realm.json"),
                "{\"realm\":\"x\",\"secret\":\"${SECUREBASE_TEST_UNSET_SECRET}\",\"port\":\"${SECUREBASE_TEST_PORT:25}\","
                        + "\"description\":\"${role_default-roles}\"}");
        KeycloakServer server = KeycloakServer.builder()
                .distZip(tmp.resolve("missing.zip"))
                .installDir(tmp.resolve("install"))
                .httpPort(0).managementPort(1)
                .database("jdbc:postgresql://localhost:5432/keycloak", "u", "p")
                .bootstrapAdmin("admin", "admin")
                .realmImport(realm)
                .build();

        assertThatThrownBy(server::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SECUREBASE_TEST_UNSET_SECRET")
                .hasMessageNotContaining("SECUREBASE_TEST_PORT")
                .hasMessageNotContaining("role_default");
        assertThat(server.isRunning()).isFalse();
        assertThat(tmp.resolve("install")).doesNotExist();
    }

    @Test
    void defaultsAndDerivedUrls() {
        KeycloakServer server = KeycloakServer.builder()
                .database("jdbc:postgresql://localhost:5432/keycloak", "u", "p")
                .bootstrapAdmin("admin", "admin")
                .build();
        assertThat(server.internalBaseUrl()).isEqualTo("http://localhost:8180/auth");
        assertThat(server.issuerUri()).isEqualTo("http://localhost:8080/auth/realms/securebase");
        assertThat(server.jwkSetUri()).isEqualTo("http://localhost:8180/auth/realms/securebase/protocol/openid-connect/certs");
        assertThat(server.tokenUri()).isEqualTo("http://localhost:8180/auth/realms/securebase/protocol/openid-connect/token");
        assertThat(server.adminBaseUrl()).isEqualTo("http://localhost:8180/auth/admin/realms");
        assertThat(server.managementBaseUrl()).isEqualTo("http://localhost:9180/auth");
        assertThat(server.config().distZip().toString())
                .endsWith("org/keycloak/keycloak-quarkus-dist/26.5.6/keycloak-quarkus-dist-26.5.6.zip");
        assertThat(server.config().toString()).doesNotContain("admin,").doesNotContain("password");
    }

    @Test
    void totpMatchesRfc6238TestVector() {
        // RFC 6238 appendix B, SHA1, T = 59 s -> 94287082 (8 digits); 6-digit truncation -> 287082
        assertThat(OidcBrowserlessLogin.totp("12345678901234567890", Instant.ofEpochSecond(59))).isEqualTo("287082");
    }
}
