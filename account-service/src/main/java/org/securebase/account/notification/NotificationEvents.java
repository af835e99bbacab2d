package org.securebase.account.notification;

import org.securebase.platform.events.consumer.EventMetadata;
import org.securebase.platform.events.consumer.IntegrationEventListener;
import org.securebase.platform.events.journal.AssignmentCreated;
import org.securebase.platform.events.journal.AssignmentDueChanged;
import org.securebase.platform.events.journal.AssignmentReminderChosen;
import org.securebase.platform.events.journal.AssignmentSubmitted;
import org.securebase.platform.events.journal.FeedbackGiven;
import org.securebase.platform.events.journal.MeasureDue;
import org.securebase.platform.events.journal.MeasureNeedsAttention;
import org.springframework.stereotype.Component;

/** journal-service's assignment and measure events, as notifications to plan or cancel (consumer {@code notifications}). */
@Component
class NotificationEvents {

    static final String CONSUMER = "notifications";

    private final Notifications notifications;

    NotificationEvents(Notifications notifications) {
        this.notifications = notifications;
    }

    @IntegrationEventListener(consumer = CONSUMER)
    void on(AssignmentCreated created) {
        notifications.homeworkAssigned(created.assignmentId(), created.clientId(), created.therapistId(), created.dueAt());
    }

    @IntegrationEventListener(consumer = CONSUMER)
    void on(AssignmentDueChanged changed, EventMetadata event) {
        notifications.dueTimeChanged(changed.assignmentId(), changed.clientId(), changed.therapistId(), changed.dueAt(),
                event.eventId());
    }

    @IntegrationEventListener(consumer = CONSUMER)
    void on(AssignmentReminderChosen chosen, EventMetadata event) {
        notifications.reminderTimeChosen(chosen.assignmentId(), chosen.clientId(), chosen.therapistId(), chosen.dueAt(),
                chosen.remindAt(), event.eventId());
    }

    @IntegrationEventListener(consumer = CONSUMER)
    void on(AssignmentSubmitted submitted) {
        notifications.homeworkHandedIn(submitted.assignmentId(), submitted.clientId(), submitted.therapistId());
    }

    @IntegrationEventListener(consumer = CONSUMER)
    void on(FeedbackGiven feedback) {
        notifications.feedbackGiven(feedback.feedbackId(), feedback.assignmentId(), feedback.clientId(),
                feedback.therapistId());
    }

    @IntegrationEventListener(consumer = CONSUMER)
    void on(MeasureDue due) {
        notifications.questionnaireDue(due.instanceId(), due.clientId(), due.therapistId());
    }

    @IntegrationEventListener(consumer = CONSUMER)
    void on(MeasureNeedsAttention attention) {
        notifications.questionnaireNeedsAttention(attention.instanceId(), attention.clientId(), attention.therapistId());
    }
}
