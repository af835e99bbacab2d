package org.securebase.portal.assignment;

import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.api.Sent;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * journal-service's homework ({@code /api/journal/assignments}): assigning, the lists on the home pages, answering,
 * submitting, feedback and replies. Text is sent exactly as given: the forms check journal-service's limits first
 * and never shorten anything.
 */
@Component
public class AssignmentsApi {

    /** Assignments on one list of a home page. */
    static final int LIST_SIZE = 50;

    private final PlatformApi api;

    public AssignmentsApi(PlatformApi api) {
        this.api = api;
    }

    /** A therapist assigns a reading with its prompts to one of their clients. */
    public Sent<Homework.Summary> assign(Homework.CreateRequest assignment) {
        return api.post(uri -> uri.path("/api/journal/assignments").build(), assignment, Homework.Summary.class);
    }

    /** The assignment with its prompts and the client's answers; empty when it is not the person's to see. */
    public Fetched<Optional<Homework.Assignment>> assignment(UUID id) {
        return api.get(uri -> uri.path("/api/journal/assignments/{id}").build(id), Homework.Assignment.class);
    }

    /** The client's homework still to do. */
    public Fetched<List<Homework.Summary>> dueAssignments() {
        return withStatus("ASSIGNED", "OPENED", "IN_PROGRESS");
    }

    /** The client's homework handed in, with or without feedback. */
    public Fetched<List<Homework.Summary>> handedIn() {
        return withStatus("SUBMITTED", "REVIEWED");
    }

    /**
     * The client's assignments with feedback they have not read yet; reading it on the assignment's page takes it
     * off. Feedback only exists on REVIEWED assignments, and naming the status too keeps the list to those while a
     * journal-service that predates the filter (and ignores it) is still running.
     */
    public Fetched<List<Homework.Summary>> withUnreadFeedback() {
        return list(api.get(uri -> uri.path("/api/journal/assignments").queryParam("status", "REVIEWED")
                .queryParam("unreadFeedback", true).queryParam("limit", LIST_SIZE).build(), Homework.SummaryPage.class));
    }

    /** Homework the therapist's clients submitted, waiting for the therapist's feedback. */
    public Fetched<List<Homework.Summary>> assignmentsToReview() {
        return withStatus("SUBMITTED");
    }

    /** Saves (or replaces) the client's answer to one prompt; answers can change until the homework is submitted. */
    public Sent<Void> saveAnswer(UUID assignmentId, UUID promptId, Homework.AnswerRequest answer) {
        return api.put(uri -> uri.path("/api/journal/assignments/{id}/answers/{promptId}").build(assignmentId, promptId),
                answer, Void.class);
    }

    /** Moves the due time of homework not yet handed in (its therapist); the client's reminders move with it. */
    /** Saves the client's plan; journal-service refuses it once the homework is handed in. */
    public Sent<Homework.Plan> makePlan(UUID assignmentId, Homework.PlanRequest plan) {
        return api.put(uri -> uri.path("/api/journal/assignments/{id}/plan").build(assignmentId), plan, Homework.Plan.class);
    }

    /** Rates how well handed-in homework was done; journal-service refuses it before the hand-in. */
    public Sent<Homework.Quality> rateQuality(UUID assignmentId, int rating) {
        return api.put(uri -> uri.path("/api/journal/assignments/{id}/quality").build(assignmentId),
                new Homework.QualityRequest(rating), Homework.Quality.class);
    }

    public Sent<Homework.Summary> moveDue(UUID assignmentId, Instant dueAt) {
        return api.put(uri -> uri.path("/api/journal/assignments/{id}/due").build(assignmentId),
                new Homework.DueRequest(dueAt), Homework.Summary.class);
    }

    /** Hands the homework in to the therapist; journal-service refuses while a prompt is unanswered. */
    public Sent<Void> submit(UUID assignmentId) {
        return api.send(HttpMethod.POST, uri -> uri.path("/api/journal/assignments/{id}/submit").build(assignmentId),
                null, Void.class);
    }

    /** The therapist's feedback on the assignment's answers, each with the client's replies. */
    public Fetched<List<Homework.Feedback>> feedback(UUID assignmentId) {
        return api.get(uri -> uri.path("/api/journal/assignments/{id}/feedback").build(assignmentId),
                Homework.Feedback[].class).map(found -> found.map(List::of).orElse(List.of()));
    }

    /** The therapist's feedback on one answer. */
    public Sent<Homework.Feedback> giveFeedback(UUID assignmentId, UUID answerId, String text) {
        return api.post(uri -> uri.path("/api/journal/assignments/{id}/answers/{answerId}/feedback")
                .build(assignmentId, answerId), new Homework.TextRequest(text), Homework.Feedback.class);
    }

    /** The client's reply to the therapist's feedback. */
    public Sent<Homework.Reply> reply(UUID assignmentId, UUID feedbackId, String text) {
        return api.post(uri -> uri.path("/api/journal/assignments/{id}/feedback/{feedbackId}/replies")
                .build(assignmentId, feedbackId), new Homework.TextRequest(text), Homework.Reply.class);
    }

    private Fetched<List<Homework.Summary>> withStatus(String... statuses) {
        return list(api.get(uri -> uri.path("/api/journal/assignments").queryParam("status", (Object[]) statuses)
                .queryParam("limit", LIST_SIZE).build(), Homework.SummaryPage.class));
    }

    private static Fetched<List<Homework.Summary>> list(Fetched<Optional<Homework.SummaryPage>> page) {
        return page.map(found -> found.map(Homework.SummaryPage::items).orElse(List.of()));
    }
}
