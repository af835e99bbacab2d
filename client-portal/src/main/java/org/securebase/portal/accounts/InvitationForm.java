package org.securebase.portal.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.securebase.platform.contracts.AccountLimits;
import org.securebase.portal.forms.FormText;

import java.util.List;
import java.util.Set;

/**
 * The invitation form as typed (without the blanks around each value). Only what account-service would refuse for
 * its length or absence is checked here, so the admin sees it beside the field; the shape of the email and the names
 * is account-service's to judge, and its refusal is shown with the form kept.
 *
 * @param role     {@code client}, {@code therapist} or {@code admin}; anything else becomes {@code client}
 * @param language {@code en} or {@code es}: the invitation's language and the person's first one in Keycloak;
 *                 anything else becomes {@code en}
 */
record InvitationForm(
        @NotBlank(message = "accounts.error.email.blank")
        @Size(max = AccountLimits.EMAIL, message = "accounts.error.email.long") String email,
        @NotBlank(message = "accounts.error.firstName.blank")
        @Size(max = AccountLimits.NAME, message = "accounts.error.firstName.long") String firstName,
        @NotBlank(message = "accounts.error.lastName.blank")
        @Size(max = AccountLimits.NAME, message = "accounts.error.lastName.long") String lastName,
        String role,
        String language) {

    static final Set<String> ROLES = Set.of("client", "therapist", "admin");
    static final List<String> LANGUAGES = List.of("en", "es");

    InvitationForm {
        email = FormText.trimmed(email);
        firstName = FormText.trimmed(firstName);
        lastName = FormText.trimmed(lastName);
        role = role != null && ROLES.contains(role) ? role : "client";
        language = language != null && LANGUAGES.contains(language) ? language : LANGUAGES.get(0);
    }

    static InvitationForm empty() {
        return new InvitationForm("", "", "", "client", LANGUAGES.get(0));
    }

    Accounts.Invitation invitation() {
        return new Accounts.Invitation(email, firstName, lastName, role, language);
    }

    @Override
    public String toString() {
        return "InvitationForm[role=" + role + ", language=" + language + "]";
    }
}
