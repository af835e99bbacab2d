package org.securebase.account.notification;

import org.securebase.platform.security.Role;

/**
 * What a notification is about, who receives it, which preference switches it, and where its link goes in the portal.
 * The message texts are {@code mail/messages*.properties} under {@link #messageKey()}.
 */
public enum NotificationKind {

    NEW_HOMEWORK(Role.CLIENT, true, "new-homework"),
    HOMEWORK_DUE(Role.CLIENT, true, "homework-due"),
    HOMEWORK_OVERDUE(Role.CLIENT, true, "homework-overdue"),
    NEW_FEEDBACK(Role.CLIENT, true, "new-feedback"),
    QUESTIONNAIRE_DUE(Role.CLIENT, true, "questionnaire-due"),
    HOMEWORK_HANDED_IN(Role.THERAPIST, true, "homework-handed-in"),
    /** The therapist's daily digest of hand-ins: switched by {@link #HOMEWORK_HANDED_IN}. */
    HANDED_IN_DIGEST(Role.THERAPIST, false, "handed-in-digest"),
    /**
     * A questionnaire's safety item needs the therapist's attention. Not switchable: a safety signal that a therapist
     * could turn off would be one they could miss.
     */
    QUESTIONNAIRE_ATTENTION(Role.THERAPIST, false, "questionnaire-attention");

    private final Role recipientRole;
    private final boolean switchable;
    private final String messageKey;

    NotificationKind(Role recipientRole, boolean switchable, String messageKey) {
        this.recipientRole = recipientRole;
        this.switchable = switchable;
        this.messageKey = messageKey;
    }

    public Role recipientRole() {
        return recipientRole;
    }

    /** Whether a person may switch this kind off (in their settings or with the mail's unsubscribe link). */
    public boolean switchable() {
        return switchable;
    }

    /** The kind whose switch decides whether this one is sent, or null when it is always sent. */
    public NotificationKind switchedBy() {
        if (this == HANDED_IN_DIGEST) {
            return HOMEWORK_HANDED_IN;
        }
        return switchable ? this : null;
    }

    String messageKey() {
        return messageKey;
    }

    /** The portal page the mail links to, for the assignment or measure instance it is about (may be null). */
    String portalPath(java.util.UUID subjectId) {
        return switch (this) {
            case NEW_HOMEWORK, HOMEWORK_DUE, HOMEWORK_OVERDUE, NEW_FEEDBACK, HOMEWORK_HANDED_IN ->
                    "/assignments/" + subjectId;
            case QUESTIONNAIRE_DUE -> "/measures/" + subjectId;
            case HANDED_IN_DIGEST, QUESTIONNAIRE_ATTENTION -> "/";
        };
    }
}
