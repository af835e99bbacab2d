package org.securebase.platform.contracts;

/** Limits of journal-service's API: journal entries, homework, answers, feedback and replies. */
public final class JournalLimits {

    /** A journal entry's or an assignment's title. */
    public static final int TITLE = 200;
    /** A journal entry's text. */
    public static final int ENTRY_BODY = 20_000;
    /** One answer to a homework question. */
    public static final int ANSWER = 10_000;
    /** The therapist's feedback on one answer. */
    public static final int FEEDBACK = 5_000;
    /** The client's reply to feedback. */
    public static final int REPLY = 5_000;
    /** The therapist's note to the client on an assignment. */
    public static final int NOTE = 2_000;
    /** Why a homework matters for this client, as the therapist wrote it when assigning. */
    public static final int REASON = 1_000;
    /** What might get in the way: the obstacle the therapist noted, or one part of the client's plan. */
    public static final int OBSTACLE = 1_000;
    /** One part of the client's plan for a homework: when and where, or what they will do if it gets hard. */
    public static final int PLAN_PART = 500;
    /** One homework question (or scale label, or checklist label) as the therapist wrote it. */
    public static final int QUESTION = 1_000;
    /** The lowest and highest answer on a homework scale. */
    public static final int SCALE_MIN = 0;
    public static final int SCALE_MAX = 10;
    /** Prompts (questions, scales, checklists) in one assignment. */
    public static final int PROMPTS = 20;
    /** Steps (readings with their homework) in one program. */
    public static final int PROGRAM_STEPS = 20;
    /** A program's description, shown to therapists choosing one. */
    public static final int PROGRAM_DESCRIPTION = 2_000;
    /** Days a program's step may wait after the previous one was handed in. */
    public static final int PROGRAM_WAIT_DAYS = 90;
    /** An IANA time zone id sent with an enrolment (the longest in use is about 30 characters). */
    public static final int ZONE_ID = 64;
    /** Days a client has for one step of a program. */
    public static final int PROGRAM_DUE_DAYS = 60;
    /** Items a page of a list may hold. */
    public static final int PAGE_SIZE = 100;

    private JournalLimits() {
    }
}
