package org.securebase.account.invitation;

import org.securebase.platform.contracts.AccountLimits;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Whom to invite.
 *
 * @param email     their email, also their login name; any case (stored in lower case)
 * @param firstName given name
 * @param lastName  family name
 * @param role      {@code client}, {@code therapist} or {@code admin}
 * @param language  {@code en} or {@code es}, the language of the invitation and of Keycloak's pages until the person
 *                  chooses another (Keycloak's {@code locale} attribute); absent means {@code en}
 */
public record InvitationRequest(
        @NotBlank @Size(max = AccountLimits.EMAIL) @Email(message = "must be an email address")
        @Pattern(regexp = InvitationRequest.EMAIL_SHAPE, message = "must be an email address with a domain such as example.org")
        String email,
        @NotBlank @Size(max = AccountLimits.NAME) @Pattern(regexp = InvitationRequest.NAME_SHAPE, message = InvitationRequest.NAME_MESSAGE)
        String firstName,
        @NotBlank @Size(max = AccountLimits.NAME) @Pattern(regexp = InvitationRequest.NAME_SHAPE, message = InvitationRequest.NAME_MESSAGE)
        String lastName,
        @NotBlank String role,
        @Pattern(regexp = "en|es", message = "must be en or es") String language) {

    public InvitationRequest {
        language = language == null ? "en" : language;
    }

    // Bean validation's @Email accepts "a@b"; Keycloak and mail servers want a domain with a dot.
    static final String EMAIL_SHAPE = "[^@\\s]+@[^@\\s]+\\.[^@\\s.]+";

    // Letters in any script, with spaces, apostrophes, hyphens and dots between them. Narrower than Keycloak's own
    // person-name rule on purpose: anything accepted here is accepted there, so a refusal comes as a field error
    // before Keycloak is asked.
    static final String NAME_SHAPE = "\\s*[\\p{L}\\p{M}][\\p{L}\\p{M} '\u2019.\\-]*";
    static final String NAME_MESSAGE = "may contain letters, spaces, apostrophes, hyphens and dots, starting with a letter";

    @Override
    public String toString() {
        return "InvitationRequest[role=" + role + "]";
    }
}
