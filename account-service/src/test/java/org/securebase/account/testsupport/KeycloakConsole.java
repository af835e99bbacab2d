package org.securebase.account.testsupport;

import java.util.List;
import java.util.UUID;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.securebase.platform.test.TestBackends;
import org.securebase.platform.test.TestKeycloak;

/**
 * What an operator does in Keycloak's admin console, done through the same admin REST API the console uses, as
 * the master realm's bootstrap admin: changes account-service does not hear about until it reconciles.
 */
public final class KeycloakConsole implements AutoCloseable {

    private final Keycloak admin;

    public KeycloakConsole() {
        TestKeycloak keycloak = TestBackends.keycloak();
        admin = KeycloakBuilder.builder().serverUrl(keycloak.baseUrl()).realm("master").clientId("admin-cli")
                .grantType("password").username(keycloak.adminUser()).password(keycloak.adminPassword()).build();
    }

    public void setEnabled(UUID userId, boolean enabled) {
        UserResource user = user(userId);
        UserRepresentation representation = user.toRepresentation();
        representation.setEnabled(enabled);
        user.update(representation);
    }

    /** Replaces one realm role with another, as an operator editing role mappings would. */
    public void moveRole(UUID userId, String from, String to) {
        var realmRoles = user(userId).roles().realmLevel();
        realmRoles.remove(List.of(role(from)));
        realmRoles.add(List.of(role(to)));
    }

    public void delete(UUID userId) {
        user(userId).remove();
    }

    public UserRepresentation representation(UUID userId) {
        return user(userId).toRepresentation();
    }

    private RoleRepresentation role(String name) {
        return admin.realm("securebase").roles().get(name).toRepresentation();
    }

    private UserResource user(UUID userId) {
        return admin.realm("securebase").users().get(userId.toString());
    }

    @Override
    public void close() {
        admin.close();
    }
}
