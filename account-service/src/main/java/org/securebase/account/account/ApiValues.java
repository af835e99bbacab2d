package org.securebase.account.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.securebase.platform.security.Role;

/** The lower-case words the HTTP API uses for roles and statuses, parsed in any case. */
public final class ApiValues {

    public static final String ROLE_WORDS = "client, therapist, admin";
    public static final String STATUS_WORDS = Arrays.stream(AccountStatus.values())
            .map(status -> status.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));

    private ApiValues() {
    }

    public static Optional<Role> role(String word) {
        return word == null ? Optional.empty() : Role.fromKeycloakName(word);
    }

    public static Optional<AccountStatus> status(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String normalized = word.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(AccountStatus.values()).filter(status -> status.name().equals(normalized)).findFirst();
    }
}
