package org.securebase.systemtests.authorization;

/** What a rule grants one person for one request, and the status that proves it. */
enum Access {

    /** Must succeed (2xx), without showing anything the person may not see. */
    ALLOWED(0),
    /** Someone else's object: answered as if it did not exist, so ids cannot be probed. */
    NOT_FOUND(404),
    /**
     * The person's role may never do this, whatever the object: 403 before any object is looked at (the services'
     * URL rules). It reveals nothing, which the matrix checks by asking again for an object that does not exist.
     */
    FORBIDDEN(403),
    /** The body names someone else's object (a client of another caseload): the same 400 as for one that does not exist. */
    REJECTED(400),
    /** No token, or one the service must not accept. */
    UNAUTHENTICATED(401);

    private final int status;

    Access(int status) {
        this.status = status;
    }

    int status() {
        return status;
    }
}
