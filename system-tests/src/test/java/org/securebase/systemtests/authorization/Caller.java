package org.securebase.systemtests.authorization;

import java.util.Arrays;
import java.util.List;

/**
 * Who sends a request of the matrix. The five people are real Keycloak users; the others send what an attacker
 * could: nothing, a forged token, a genuine token that was issued for something else, one that expired, one of a
 * person who has been deactivated, or one of someone holding two roles.
 */
enum Caller {

    /** The demo client, whose objects fill the path variables. */
    OWNER_CLIENT,
    /** A client on another therapist's caseload. */
    OTHER_CLIENT,
    /** The demo therapist, the owner's therapist. */
    OWN_THERAPIST,
    /** A therapist whose caseload holds the other client only. */
    OTHER_THERAPIST,
    /** The demo admin. */
    ADMIN,
    NO_TOKEN,
    /** A real token of someone the rule allows, its payload changed (roles raised, life extended), signature kept. */
    TAMPERED_TOKEN,
    /** A genuine, correctly signed token of the {@code account-service} client: audience {@code realm-management}. */
    WRONG_AUDIENCE,
    /** A genuine token of someone the rule allows, expired (by more than the 30 s clock skew services allow). */
    EXPIRED_TOKEN,
    /** A genuine, unexpired token of a client whom the admin has deactivated since it was issued. */
    DEACTIVATED_PERSON,
    /** A genuine token of someone given two roles (client and therapist) in Keycloak: a person holds exactly one. */
    TWO_ROLES;

    static final List<Caller> PEOPLE = List.of(OWNER_CLIENT, OTHER_CLIENT, OWN_THERAPIST, OTHER_THERAPIST, ADMIN);

    boolean isPerson() {
        return PEOPLE.contains(this);
    }

    static List<Caller> unauthenticated() {
        return Arrays.stream(values()).filter(caller -> !caller.isPerson()).toList();
    }
}
