package org.securebase.systemtests.authorization;

import java.util.UUID;

/**
 * Fresh objects for the allowed callers of destructive requests (delete, submit, share, publish, retract,
 * deactivate…), so that those succeed without spoiling the objects the forbidden callers are tried on.
 */
interface Throwaways {

    String freshDraft();

    String freshPublishedArticle();

    /** An assignment of the owner's with every prompt answered, ready to submit. */
    UUID freshAnsweredAssignment();

    UUID freshEntry(boolean shared);

    /** A new program of the own therapist's (nobody enrolled). */
    UUID freshProgram();

    /** The owner's enrolment in a new program, active, nothing delivered yet. */
    UUID freshProgramEnrolment();

    /** A new PHQ-9 schedule of the owner's, by the own therapist. */
    UUID freshMeasureSchedule();

    /** An open PHQ-9 of the owner's with every item answered, ready to submit. */
    UUID freshAnsweredMeasure();

    /** A submitted PHQ-9 of the owner's that needs the own therapist's attention. */
    UUID freshAttentionMeasure();

    /** A client invited by the admin who has not accepted yet. */
    UUID freshInvitedClient();

    UUID freshDeactivatedClient();

    /** A client who has signed in once (so account-service knows them), made without an invitation. */
    UUID freshKnownClient();

    /** A known client whose account was closed longer ago than any retention period, with no hold: erasable. */
    UUID freshErasableClient();

    /** The owner client (the demo client), whose record the practice's objects are. */
    UUID ownerClientId();

    /** A new legal hold on the owner's record, in force. */
    UUID freshLegalHold();
}
