package org.securebase.account.testsupport;

import java.util.UUID;

import org.securebase.platform.test.TestBackends;
import org.securebase.platform.test.TestKeycloak;

/** Test people: unique emails, demo logins, users made directly in Keycloak. */
public final class People {

    public static final String ADMIN = "admin@securebase.test";
    public static final String THERAPIST = "therapist@securebase.test";
    public static final String CLIENT = "client@securebase.test";

    private People() {
    }

    /** A fresh address; GreenMail accepts mail for any of them. */
    public static String uniqueEmail(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 8) + "@it.securebase.test";
    }

    public static String token(String username) {
        return TestBackends.keycloak().accessToken(username);
    }

    /** A verified, enabled Keycloak user with one realm role and {@link TestKeycloak#DEMO_PASSWORD}. */
    public static UUID createInKeycloak(String email, String firstName, String lastName, String role) {
        return UUID.fromString(TestBackends.keycloak().createUser(email, firstName, lastName, role));
    }

    public static boolean existsInKeycloak(String email) {
        return TestBackends.keycloak().admin().findUserIdByEmail(email).isPresent();
    }
}
