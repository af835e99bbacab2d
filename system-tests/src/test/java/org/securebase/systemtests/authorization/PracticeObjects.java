package org.securebase.systemtests.authorization;

import java.util.UUID;

/**
 * The objects the rules put into paths and bodies: the owner's (the demo client's) and the people's ids. The real
 * ones are made by {@link Practice}; {@link #ghosts()} gives the same shape with nothing behind any of it.
 */
interface PracticeObjects {

    /** Written into every clinical text of the owner's (answers, feedback, entries), to spot it in a response. */
    String CLINICAL_MARKER = "matrixclinicaltext";
    /** Written into the owner's private entry only: not even the owner's therapist may see it. */
    String PRIVATE_MARKER = "matrixprivatetext";

    UUID ownerClientId();

    UUID otherClientId();

    UUID ownTherapistId();

    UUID otherTherapistId();

    /** The seed article, published. */
    UUID seedArticleId();

    String seedSlug();

    /** A draft only authors may see. */
    String draftSlug();

    /** A published article that nobody allowed ever retracts (forbidden callers try). */
    String publishedSlug();

    /** Retracted after it was assigned to the owner: its version 1 stays readable for the owner only (and authors). */
    String retractedPinnedSlug();

    /** The owner's submitted assignment (the seed article), with an answer and feedback. */
    UUID submittedAssignmentId();

    UUID submittedAnswerId();

    UUID feedbackId();

    /** The owner's assignment still open for answers. */
    UUID openAssignmentId();

    UUID openPromptId();

    /** The owner's entry shared with the own therapist. */
    UUID sharedEntryId();

    /** The owner's entry nobody else may read. */
    UUID privateEntryId();

    /** The owner's PHQ-9 schedule (every two weeks) by the own therapist. */
    UUID measureScheduleId();

    /** The open instance of that schedule. */
    UUID openMeasureId();

    /** The owner's submitted PHQ-9 whose safety item needs the own therapist's attention. */
    UUID submittedMeasureId();

    /** A program of the own therapist's, and the owner's enrolment in it (active, nothing delivered yet). */
    UUID programId();

    UUID programEnrolmentId();

    /** A copy of the owner's record the owner asked for, ready to download. */
    UUID recordExportId();

    /** A legal hold on the owner's record, in force. */
    UUID legalHoldId();

    /** The current ETag of an article, for If-Match. */
    String articleEtag(String slug);

    /** Ids and slugs in the same places, none of which exists: a denial must not change when the object is missing. */
    static PracticeObjects ghosts() {
        return new Ghosts();
    }

    /** Every answer is a fresh random id or slug, so nothing can exist behind it. */
    final class Ghosts implements PracticeObjects {

        private static UUID nobody() {
            return UUID.randomUUID();
        }

        private static String noSlug() {
            return "ghost-" + Long.toString(System.nanoTime(), 36);
        }

        @Override
        public UUID ownerClientId() {
            return nobody();
        }

        @Override
        public UUID otherClientId() {
            return nobody();
        }

        @Override
        public UUID ownTherapistId() {
            return nobody();
        }

        @Override
        public UUID otherTherapistId() {
            return nobody();
        }

        @Override
        public UUID seedArticleId() {
            return nobody();
        }

        @Override
        public String seedSlug() {
            return noSlug();
        }

        @Override
        public String draftSlug() {
            return noSlug();
        }

        @Override
        public String publishedSlug() {
            return noSlug();
        }

        @Override
        public String retractedPinnedSlug() {
            return noSlug();
        }

        @Override
        public UUID submittedAssignmentId() {
            return nobody();
        }

        @Override
        public UUID submittedAnswerId() {
            return nobody();
        }

        @Override
        public UUID feedbackId() {
            return nobody();
        }

        @Override
        public UUID openAssignmentId() {
            return nobody();
        }

        @Override
        public UUID openPromptId() {
            return nobody();
        }

        @Override
        public UUID sharedEntryId() {
            return nobody();
        }

        @Override
        public UUID privateEntryId() {
            return nobody();
        }

        @Override
        public UUID measureScheduleId() {
            return nobody();
        }

        @Override
        public UUID openMeasureId() {
            return nobody();
        }

        @Override
        public UUID submittedMeasureId() {
            return nobody();
        }

        @Override
        public UUID programId() {
            return nobody();
        }

        @Override
        public UUID programEnrolmentId() {
            return nobody();
        }

        @Override
        public UUID recordExportId() {
            return nobody();
        }

        @Override
        public UUID legalHoldId() {
            return nobody();
        }

        @Override
        public String articleEtag(String slug) {
            return "\"ghost\"";
        }
    }
}
