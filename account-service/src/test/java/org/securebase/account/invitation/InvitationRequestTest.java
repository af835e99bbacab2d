package org.securebase.account.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What counts as an email and a name before Keycloak is asked. */
class InvitationRequestTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.org", "Ada.Lovelace+therapy@Example.co.uk"})
    void acceptsEmails(String email) {
        assertThat(invalidFields(email, "Ada", "Lovelace")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ada", "ada@", "@example.org", "ada@localhost", "ada@example.", "a b@example.org",
            "ada@example.org\n<script>", " ada@example.org "})
    void refusesEmails(String email) {
        assertThat(invalidFields(email, "Ada", "Lovelace")).containsExactly("email");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zoë", "O'Brien-Smith", "Jean-Luc", "Anne Marie", "J.", "李", "Ñúñez", "D\u2019Arcy"})
    void acceptsNames(String name) {
        assertThat(invalidFields("ada@example.org", name, name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "<script>", "Robert'); DROP", "Ada$", "-Ada", "'Ada", "Ada\u0000", "{Ada}"})
    void refusesNames(String name) {
        assertThat(invalidFields("ada@example.org", name, "Lovelace")).containsExactly("firstName");
    }

    @ParameterizedTest
    @ValueSource(ints = {101, 500})
    void refusesOverlongNames(int length) {
        assertThat(invalidFields("ada@example.org", "A".repeat(length), "Lovelace")).containsExactly("firstName");
    }

    private static Set<String> invalidFields(String email, String firstName, String lastName) {
        return VALIDATOR.validate(new InvitationRequest(email, firstName, lastName, "client", null)).stream()
                .map(violation -> violation.getPropertyPath().toString())
                .collect(Collectors.toSet());
    }
}
