package org.securebase.journal.assignment;

/** The kinds of prompt and the answer each takes. */
public enum PromptKind {
    /** A free-text question; answered with {@code text}. */
    TEXT,
    /** A checklist built from one of the article's lists; answered with {@code checkedItemIds}. */
    CHECKLIST,
    /** A 0-10 scale; answered with {@code value}. */
    SCALE;

    static final int SCALE_MIN = org.securebase.platform.contracts.JournalLimits.SCALE_MIN;
    static final int SCALE_MAX = org.securebase.platform.contracts.JournalLimits.SCALE_MAX;
}
