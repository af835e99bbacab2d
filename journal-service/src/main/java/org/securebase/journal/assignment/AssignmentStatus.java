package org.securebase.journal.assignment;

/** Where an assignment stands; only ever moves forward. */
public enum AssignmentStatus {
    ASSIGNED, OPENED, IN_PROGRESS, SUBMITTED, REVIEWED;

    boolean acceptsAnswers() {
        return this == ASSIGNED || this == OPENED || this == IN_PROGRESS;
    }

    boolean isSubmitted() {
        return this == SUBMITTED || this == REVIEWED;
    }
}
