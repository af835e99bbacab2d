package org.securebase.account.testsupport;

import java.util.EnumSet;
import java.util.Set;

/**
 * Makes chosen Keycloak operations fail as an outage would, to prove what a half-done operation leaves behind.
 * Shared by every test of the context: a test that sets a fault clears it in a finally block.
 */
public final class KeycloakFaults {

    public enum Operation { CREATE_USER, GRANT_ROLE, SEND_ACTIONS_EMAIL, DISABLE_AND_LOG_OUT, ENABLE, DELETE }

    private final Set<Operation> failing = EnumSet.noneOf(Operation.class);

    public synchronized void failOn(Operation operation) {
        failing.add(operation);
    }

    public synchronized void clear() {
        failing.clear();
    }

    synchronized boolean fails(Operation operation) {
        return failing.contains(operation);
    }
}
