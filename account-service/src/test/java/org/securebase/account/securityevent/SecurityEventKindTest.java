package org.securebase.account.securityevent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.securebase.account.keycloak.KeycloakEvent;
import org.securebase.account.keycloak.KeycloakEvent.Source;

class SecurityEventKindTest {

    private static final UUID PERSON = UUID.randomUUID();

    private static KeycloakEvent login(String type, String credentialType) {
        return new KeycloakEvent(Instant.EPOCH, Source.LOGIN, type, PERSON, null, credentialType, null, "192.0.2.1", false);
    }

    private static KeycloakEvent admin(String type, String resource) {
        return new KeycloakEvent(Instant.EPOCH, Source.ADMIN, type, PERSON, resource, null, null, "192.0.2.1", true);
    }

    @Test
    void loginEventsNameWhatThePersonDid() {
        assertThat(SecurityEventKind.of(login("LOGIN", null))).contains(SecurityEventKind.SIGNED_IN);
        assertThat(SecurityEventKind.of(login("LOGIN_ERROR", null))).contains(SecurityEventKind.SIGN_IN_FAILED);
        assertThat(SecurityEventKind.of(login("UPDATE_CREDENTIAL", "otp"))).contains(SecurityEventKind.SECOND_FACTOR_ADDED);
        assertThat(SecurityEventKind.of(login("UPDATE_CREDENTIAL", "webauthn-passwordless"))).contains(SecurityEventKind.SECOND_FACTOR_ADDED);
        assertThat(SecurityEventKind.of(login("UPDATE_CREDENTIAL", "password"))).contains(SecurityEventKind.PASSWORD_CHANGED);
        assertThat(SecurityEventKind.of(login("REMOVE_CREDENTIAL", "otp"))).contains(SecurityEventKind.SECOND_FACTOR_REMOVED);
        assertThat(SecurityEventKind.of(login("SEND_RESET_PASSWORD", null))).contains(SecurityEventKind.PASSWORD_RESET_REQUESTED);
        assertThat(SecurityEventKind.of(login("REFRESH_TOKEN", null))).as("not for the audit").isEmpty();
    }

    @Test
    void adminEventsNameWhatWasDoneToThePerson() {
        assertThat(SecurityEventKind.of(admin("REALM_ROLE_MAPPING:CREATE", "/role-mappings/realm"))).contains(SecurityEventKind.ROLE_GRANTED);
        assertThat(SecurityEventKind.of(admin("REALM_ROLE_MAPPING:DELETE", "/role-mappings/realm"))).contains(SecurityEventKind.ROLE_REMOVED);
        assertThat(SecurityEventKind.of(admin("USER:CREATE", ""))).contains(SecurityEventKind.ACCOUNT_CREATED);
        assertThat(SecurityEventKind.of(admin("USER:UPDATE", ""))).contains(SecurityEventKind.ACCOUNT_CHANGED);
        assertThat(SecurityEventKind.of(admin("USER:DELETE", "/credentials/4b1d"))).contains(SecurityEventKind.CREDENTIAL_REMOVED_BY_ADMIN);
        assertThat(SecurityEventKind.of(admin("USER:ACTION", "/logout"))).contains(SecurityEventKind.SIGNED_OUT_BY_ADMIN);
        assertThat(SecurityEventKind.of(admin("USER:ACTION", "/reset-password"))).contains(SecurityEventKind.PASSWORD_SET_BY_ADMIN);
        assertThat(SecurityEventKind.of(admin("CLIENT:UPDATE", null))).as("not about a person").isEmpty();
    }
}
