package org.securebase.platform.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PersonRolesTest {

    @Test
    void oneRoleAmongKeycloaksDefaultsIsOnePersonRole() {
        Map<String, Object> claim = Map.of("roles", List.of("default-roles-securebase", "offline_access", "therapist",
                "mfa-required", "uma_authorization"));
        assertThat(PersonRoles.heldIn(claim)).containsExactly("therapist");
        assertThat(PersonRoles.holdsMoreThanOne(claim)).isFalse();
    }

    @Test
    void twoPersonRolesAreRefusedHoweverTheyAreSpelt() {
        assertThat(PersonRoles.holdsMoreThanOne(Map.of("roles", List.of("client", "therapist")))).isTrue();
        assertThat(PersonRoles.holdsMoreThanOne(Map.of("roles", List.of("client", " ADMIN ")))).isTrue();
        assertThat(PersonRoles.holdsMoreThanOne(Map.of("roles", List.of("admin", "therapist", "client")))).isTrue();
    }

    @Test
    void theSameRoleTwiceIsStillOneRole() {
        assertThat(PersonRoles.holdsMoreThanOne(Map.of("roles", List.of("client", "Client")))).isFalse();
    }

    @Test
    void aClaimOfAnotherShapeHoldsNoRole() {
        assertThat(PersonRoles.heldIn(null)).isEmpty();
        assertThat(PersonRoles.heldIn("admin")).isEmpty();
        assertThat(PersonRoles.heldIn(Map.of("roles", "admin,client"))).isEmpty();
        assertThat(PersonRoles.heldIn(Map.of("roles", List.of(1, 2)))).isEmpty();
    }
}
