package org.securebase.platform.events.accounts;

/** A person's Secure Base role, as events name it (the enum constant's name on the wire). */
public enum AccountRole {
    CLIENT, THERAPIST, ADMIN
}
