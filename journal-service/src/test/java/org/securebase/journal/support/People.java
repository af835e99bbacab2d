package org.securebase.journal.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.securebase.platform.test.TestBackends;
import org.securebase.platform.test.TestKeycloak;

/**
 * The five people of the authorization matrix, as real Keycloak users with real tokens: the demo client and
 * therapist (on each other's caseload once {@link Projections#assignCaseload} ran), the demo admin, and a second
 * client and therapist created once per test JVM.
 */
public enum People {

    CLIENT("client@securebase.test", null),
    THERAPIST("therapist@securebase.test", null),
    ADMIN("admin@securebase.test", null),
    OTHER_CLIENT("other-client@securebase.test", "client"),
    // A therapist without the dev-only mfa-exempt role would have to enrol TOTP at every test login. Granting it
    // to this test user keeps its login to the password, exactly like the demo therapist from the dev realm file;
    // the MFA flow itself is Keycloak's and is tested in the platform modules, not here.
    OTHER_THERAPIST("other-therapist@securebase.test", "therapist");

    private static final Duration REUSE = Duration.ofMinutes(1);
    private static final Map<People, Token> TOKENS = new ConcurrentHashMap<>();
    private static final Map<People, UUID> IDS = new ConcurrentHashMap<>();

    private final String email;
    private final String createWithRole;

    People(String email, String createWithRole) {
        this.email = email;
        this.createWithRole = createWithRole;
    }

    public String email() {
        return email;
    }

    /** The Keycloak user id, the {@code sub} of their tokens. */
    public UUID id() {
        return IDS.computeIfAbsent(this, person -> {
            TestKeycloak keycloak = TestBackends.keycloak();
            String id = keycloak.admin().findUserIdByEmail(email).orElseGet(() -> {
                if (createWithRole == null) {
                    throw new IllegalStateException(email + " should come with the dev realm");
                }
                return createWithRole.equals("therapist")
                        ? keycloak.admin().createUser(email, "Other", "Therapist", TestKeycloak.DEMO_PASSWORD,
                        "therapist", "mfa-exempt")
                        : keycloak.createUser(email, "Other", "Client", createWithRole);
            });
            return UUID.fromString(id);
        });
    }

    public synchronized String token() {
        id(); // make sure the user exists
        Token cached = TOKENS.get(this);
        if (cached == null || cached.fetched().plus(REUSE).isBefore(Instant.now())) {
            cached = new Token(TestBackends.keycloak().accessToken(email), Instant.now());
            TOKENS.put(this, cached);
        }
        return cached.value();
    }

    private record Token(String value, Instant fetched) {
    }
}
