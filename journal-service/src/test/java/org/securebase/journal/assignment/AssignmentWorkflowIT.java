package org.securebase.journal.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.journal.JournalServiceIntegrationTest;
import org.securebase.journal.support.Api;
import org.securebase.journal.support.People;
import org.securebase.journal.support.Projections;
import org.securebase.journal.support.Projections.ArticleList;
import org.securebase.journal.support.TopicProbe;
import org.securebase.platform.events.EventEnvelope;
import org.securebase.platform.events.EventJson;
import org.securebase.platform.events.Topics;
import org.securebase.platform.test.TestBackends;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import tools.jackson.databind.JsonNode;

@JournalServiceIntegrationTest
class AssignmentWorkflowIT {

    private static final String ANSWER_TEXT = "When I feel unsafe I go quiet and wait it out.";
    private static final String FEEDBACK_TEXT = "Noticing the quiet is a big step; let's look at it together.";
    private static final String REPLY_TEXT = "Thank you, I would like that.";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    Api api;
    Projections projections;
    UUID article;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        projections = new Projections(jdbc, listeners);
        projections.standardCaseloads();
        article = projections.publishArticle("Attachment and Healing",
                new ArticleList("what-helps", List.of("item-1", "item-2", "item-3")));
    }

    static Map<String, Object> createBody(UUID client, UUID article, Instant due, List<Map<String, Object>> prompts) {
        return Api.map("clientId", client.toString(), "articleId", article.toString(), "prompts", prompts,
                "note", "Read it slowly, twice if you like.", "dueAt", due.toString());
    }

    static List<Map<String, Object>> threePrompts() {
        return List.of(
                Api.map("kind", "TEXT", "question", "What do you do when you feel unsafe?"),
                Api.map("kind", "CHECKLIST", "question", "Which of these help you?", "listId", "what-helps"),
                Api.map("kind", "SCALE", "question", "How safe do you feel in sessions (0-10)?"));
    }

    private JsonNode createAssignment(Instant due) {
        Api.Response created = api.post("/api/journal/assignments", People.THERAPIST.token(),
                createBody(People.CLIENT.id(), article, due, threePrompts()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    @Test
    void theWholeWorkflowFromAssigningToReplyingWithItsEvents() {
        try (TopicProbe topic = TopicProbe.fromNow(Topics.JOURNAL_ASSIGNMENTS)) {
            JsonNode created = createAssignment(Instant.now().plus(7, ChronoUnit.DAYS));
            String id = created.get("id").asString();
            assertThat(created.get("status").asString()).isEqualTo("ASSIGNED");
            assertThat(created.at("/article/version").asInt()).isEqualTo(1);

            // The therapist may read it right away (audited) but sees no answers before submission.
            JsonNode seenByTherapist = api.get("/api/journal/assignments/" + id, People.THERAPIST.token()).json();
            assertThat(seenByTherapist.get("status").asString()).isEqualTo("ASSIGNED");
            assertThat(auditRows(id)).isEqualTo(1);

            // The client's first read opens it.
            Api.Response opened = api.get("/api/journal/assignments/" + id, People.CLIENT.token());
            assertThat(opened.status()).isEqualTo(200);
            JsonNode view = opened.json();
            assertThat(view.get("status").asString()).isEqualTo("OPENED");
            assertThat(view.get("note").asString()).isEqualTo("Read it slowly, twice if you like.");
            assertThat(view.get("prompts")).hasSize(3);
            String textPrompt = view.get("prompts").get(0).get("id").asString();
            String checklistPrompt = view.get("prompts").get(1).get("id").asString();
            String scalePrompt = view.get("prompts").get(2).get("id").asString();
            assertThat(view.get("prompts").get(1).get("itemIds")).hasSize(3);
            assertThat(api.get("/api/journal/assignments/" + id, People.CLIENT.token()).json().get("status")
                    .asString()).isEqualTo("OPENED");

            // Drafts: the same PUT twice is one answer (autosave); not all answered yet, so no submission.
            String path = "/api/journal/assignments/" + id + "/answers/";
            Api.Response draft = api.put(path + textPrompt, People.CLIENT.token(), Api.map("text", "first draft"));
            assertThat(draft.status()).as(draft.toString()).isEqualTo(200);
            Api.Response again = api.put(path + textPrompt, People.CLIENT.token(), Api.map("text", ANSWER_TEXT));
            assertThat(again.json().get("id").asString()).isEqualTo(draft.json().get("id").asString());
            assertThat(api.put(path + textPrompt, People.CLIENT.token(), Api.map("text", ANSWER_TEXT)).json()
                    .get("id").asString()).isEqualTo(draft.json().get("id").asString());
            assertThat(api.get("/api/journal/assignments/" + id, People.CLIENT.token()).json().get("status").asString())
                    .isEqualTo("IN_PROGRESS");
            Api.Response early = api.post("/api/journal/assignments/" + id + "/submit", People.CLIENT.token(), null);
            assertThat(early.status()).isEqualTo(409);

            assertThat(api.put(path + checklistPrompt, People.CLIENT.token(),
                    Api.map("checkedItemIds", List.of("item-1", "item-3"))).status()).isEqualTo(200);
            assertThat(api.put(path + scalePrompt, People.CLIENT.token(), Api.map("value", 7)).status()).isEqualTo(200);
            Api.Response submitted = api.post("/api/journal/assignments/" + id + "/submit", People.CLIENT.token(), null);
            assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
            assertThat(submitted.json().get("status").asString()).isEqualTo("SUBMITTED");

            // Submitted means final: a second submit and later drafts are conflicts that change nothing.
            assertThat(api.post("/api/journal/assignments/" + id + "/submit", People.CLIENT.token(), null).status())
                    .isEqualTo(409);
            assertThat(api.put(path + textPrompt, People.CLIENT.token(), Api.map("text", "changed")).status())
                    .isEqualTo(409);

            // The therapist now reads the answers.
            JsonNode answered = api.get("/api/journal/assignments/" + id, People.THERAPIST.token()).json();
            JsonNode textAnswer = answered.get("prompts").get(0).get("answer");
            assertThat(textAnswer.get("text").asString()).isEqualTo(ANSWER_TEXT);
            assertThat(answered.get("prompts").get(1).at("/answer/checkedItemIds").toString())
                    .isEqualTo("[\"item-1\",\"item-3\"]");
            assertThat(answered.get("prompts").get(2).at("/answer/value").asInt()).isEqualTo(7);

            Api.Response feedback = api.post("/api/journal/assignments/" + id + "/answers/"
                    + textAnswer.get("id").asString() + "/feedback", People.THERAPIST.token(), Api.map("body", FEEDBACK_TEXT));
            assertThat(feedback.status()).as(feedback.toString()).isEqualTo(201);
            String feedbackId = feedback.json().get("id").asString();
            assertThat(api.get("/api/journal/assignments/" + id, People.CLIENT.token()).json().get("status").asString())
                    .isEqualTo("REVIEWED");

            Api.Response reply = api.post("/api/journal/assignments/" + id + "/feedback/" + feedbackId + "/replies",
                    People.CLIENT.token(), Api.map("body", REPLY_TEXT));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);

            JsonNode thread = api.get("/api/journal/assignments/" + id + "/feedback", People.CLIENT.token()).json();
            assertThat(thread).hasSize(1);
            assertThat(thread.get(0).get("body").asString()).isEqualTo(FEEDBACK_TEXT);
            assertThat(thread.get(0).get("replies").get(0).get("body").asString()).isEqualTo(REPLY_TEXT);
            long beforeThreadRead = auditRows(id);
            assertThat(api.get("/api/journal/assignments/" + id + "/feedback", People.THERAPIST.token()).json()
                    .get(0).get("replies")).hasSize(1);
            assertThat(auditRows(id)).isEqualTo(beforeThreadRead + 1);

            // Four events, in order, keyed by the assignment, carrying ids and times but never text.
            List<ConsumerRecord<String, byte[]>> records = topic.awaitRecords(seen -> typesOf(seen, id).size() >= 4);
            assertThat(typesOf(records, id)).containsExactly("AssignmentCreated", "AssignmentOpened",
                    "AssignmentSubmitted", "FeedbackGiven");
            for (ConsumerRecord<String, byte[]> record : records) {
                String json = new String(record.value(), StandardCharsets.UTF_8);
                assertThat(json).doesNotContain("unsafe", "quiet", "Read it slowly", "Noticing", "Thank you",
                        "What do you do");
            }
            EventEnvelope<JsonNode> createdEvent = envelopes(records, id).get(0);
            assertThat(createdEvent.payload().get("articleVersion").asInt()).isEqualTo(1);
            assertThat(createdEvent.payload().get("clientId").asString()).isEqualTo(People.CLIENT.id().toString());
            assertThat(envelopes(records, id).get(3).payload().get("answerId").asString())
                    .isEqualTo(textAnswer.get("id").asString());
        }
    }

    @Test
    void theTherapistMovesTheDueTimeUntilItIsHandedInAndEachMoveIsAnnounced() {
        try (TopicProbe topic = TopicProbe.fromNow(Topics.JOURNAL_ASSIGNMENTS)) {
            String id = createAssignment(Instant.now().plus(7, ChronoUnit.DAYS)).get("id").asString();
            String due = "/api/journal/assignments/" + id + "/due";
            Instant later = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

            long events = count("event_publication");
            assertProblem(api.put(due, People.THERAPIST.token(), Api.map("dueAt", Instant.now().minus(1, ChronoUnit.HOURS).toString())), 400);
            assertProblem(api.put(due, People.THERAPIST.token(), Api.map("dueAt", "next tuesday")), 400);
            assertProblem(api.put(due, People.THERAPIST.token(), Api.map()), 400);
            assertProblem(api.put(due, People.CLIENT.token(), Api.map("dueAt", later.toString())), 403);
            assertProblem(api.put(due, People.OTHER_THERAPIST.token(), Api.map("dueAt", later.toString())), 404);
            assertProblem(api.put("/api/journal/assignments/" + UUID.randomUUID() + "/due", People.THERAPIST.token(),
                    Api.map("dueAt", later.toString())), 404);
            assertThat(count("event_publication")).isEqualTo(events);

            Api.Response moved = api.put(due, People.THERAPIST.token(), Api.map("dueAt", later.toString()));
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
            assertThat(Instant.parse(moved.json().get("dueAt").asString())).isEqualTo(later);
            assertThat(Instant.parse(api.get("/api/journal/assignments/" + id, People.CLIENT.token()).json()
                    .get("dueAt").asString())).isEqualTo(later);
            // The same time again is no change: nothing more to announce.
            assertThat(api.put(due, People.THERAPIST.token(), Api.map("dueAt", later.toString())).status()).isEqualTo(200);


            JsonNode view = api.get("/api/journal/assignments/" + id, People.CLIENT.token()).json();
            for (JsonNode p : view.get("prompts")) {
                Map<String, Object> answer = switch (p.get("kind").asString()) {
                    case "TEXT" -> Api.map("text", ANSWER_TEXT);
                    case "CHECKLIST" -> Api.map("checkedItemIds", List.of("item-1"));
                    default -> Api.map("value", 5);
                };
                api.put("/api/journal/assignments/" + id + "/answers/" + p.get("id").asString(), People.CLIENT.token(), answer);
            }
            assertThat(api.post("/api/journal/assignments/" + id + "/submit", People.CLIENT.token(), null).status())
                    .isEqualTo(200);
            assertProblem(api.put(due, People.THERAPIST.token(),
                    Api.map("dueAt", later.plus(1, ChronoUnit.DAYS).toString())), 409);

            // One move announced; the repeat and the refused ones announced nothing (the relay keeps the order).
            List<ConsumerRecord<String, byte[]>> records = topic.awaitRecords(seen -> typesOf(seen, id).size() >= 4);
            assertThat(typesOf(records, id)).containsExactly("AssignmentCreated", "AssignmentDueChanged",
                    "AssignmentOpened", "AssignmentSubmitted");
            assertThat(Instant.parse(envelopes(records, id).get(1).payload().get("dueAt").asString())).isEqualTo(later);
        }
    }

    @Test
    void theReasonIsShownAndTheClientsPlanIsKeptUntilHandedInThenFixed() {
        Map<String, Object> body = new HashMap<>(createBody(People.CLIENT.id(), article,
                Instant.now().plus(7, ChronoUnit.DAYS), List.of(Api.map("kind", "TEXT", "question", "What did you notice?"))));
        body.put("reason", "Noticing early is how we catch the spiral before it takes hold.");
        body.put("obstacle", "Busy evenings with the children.");
        Api.Response created = api.post("/api/journal/assignments", People.THERAPIST.token(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        String plan = "/api/journal/assignments/" + id + "/plan";

        JsonNode view = api.get("/api/journal/assignments/" + id, People.CLIENT.token()).json();
        assertThat(view.get("reason").asString()).isEqualTo("Noticing early is how we catch the spiral before it takes hold.");
        assertThat(view.get("obstacle").asString()).isEqualTo("Busy evenings with the children.");
        assertThat(view.get("plan").isNull()).as("no plan yet").isTrue();

        // Refused: no when-and-where, too long, someone else, the therapist; nothing saved.
        assertProblem(api.put(plan, People.CLIENT.token(), Api.map("obstacle", "Tiredness")), 400);
        assertProblem(api.put(plan, People.CLIENT.token(), Api.map("whenWhere", " ")), 400);
        assertProblem(api.put(plan, People.CLIENT.token(), Api.map("whenWhere", "x".repeat(501))), 413);
        assertProblem(api.put(plan, People.OTHER_CLIENT.token(), Api.map("whenWhere", "Tuesday")), 404);
        assertProblem(api.put(plan, People.THERAPIST.token(), Api.map("whenWhere", "Tuesday")), 403);
        assertThat(api.get("/api/journal/assignments/" + id, People.CLIENT.token()).json().get("plan").isNull()).isTrue();

        Map<String, Object> made = Api.map("whenWhere", "After dinner on Tuesday, at the kitchen table",
                "obstacle", "Feeling too tired", "coping", "Do just the first question");
        Api.Response saved = api.put(plan, People.CLIENT.token(), made);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().get("whenWhere").asString()).isEqualTo("After dinner on Tuesday, at the kitchen table");
        assertThat(api.put(plan, People.CLIENT.token(), Api.map("whenWhere", "Wednesday morning, on the bus")).status())
                .isEqualTo(200);
        // The therapist sees the plan (an audited read of the assignment).
        long audited = auditRows(id);
        JsonNode therapistView = api.get("/api/journal/assignments/" + id, People.THERAPIST.token()).json();
        assertThat(therapistView.at("/plan/whenWhere").asString()).isEqualTo("Wednesday morning, on the bus");
        assertThat(therapistView.at("/plan/obstacle").isNull()).isTrue();
        assertThat(therapistView.at("/plan/madeAt").asString()).isNotBlank();
        assertThat(auditRows(id)).isEqualTo(audited + 1);

        String prompt = view.get("prompts").get(0).get("id").asString();
        api.put("/api/journal/assignments/" + id + "/answers/" + prompt, People.CLIENT.token(), Api.map("text", ANSWER_TEXT));
        JsonNode handedIn = api.post("/api/journal/assignments/" + id + "/submit", People.CLIENT.token(), null).json();
        assertThat(handedIn.at("/plan/whenWhere").asString()).isEqualTo("Wednesday morning, on the bus");
        assertProblem(api.put(plan, People.CLIENT.token(), made), 409);
        assertThat(api.get("/api/journal/assignments/" + id, People.CLIENT.token()).json().at("/plan/whenWhere")
                .asString()).isEqualTo("Wednesday morning, on the bus");
    }

    @Test
    void aReminderTimeInThePlanIsAnnouncedWithTimesOnlyAndFollowsTheDueTime() {
        try (TopicProbe topic = TopicProbe.fromNow(Topics.JOURNAL_ASSIGNMENTS)) {
            Instant dueAt = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            String id = createAssignment(dueAt).get("id").asString();
            String plan = "/api/journal/assignments/" + id + "/plan";
            String words = "After the school run, on the balcony";
            Instant remindAt = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);

            // Refused, and nothing saved or announced: in the past, at or after the due time, not a time. (The
            // client's first read opens it, which is announced; that comes first.)
            assertThat(api.get("/api/journal/assignments/" + id, People.CLIENT.token()).status()).isEqualTo(200);
            long events = count("event_publication");
            assertProblem(api.put(plan, People.CLIENT.token(), Api.map("whenWhere", words,
                    "remindAt", Instant.now().minus(1, ChronoUnit.MINUTES).toString())), 400);
            assertProblem(api.put(plan, People.CLIENT.token(), Api.map("whenWhere", words, "remindAt", dueAt.toString())), 400);
            assertProblem(api.put(plan, People.CLIENT.token(), Api.map("whenWhere", words, "remindAt", "tuesday")), 400);
            assertThat(api.get("/api/journal/assignments/" + id, People.CLIENT.token()).json().get("plan").isNull()).isTrue();
            assertThat(count("event_publication")).isEqualTo(events);

            Api.Response saved = api.put(plan, People.CLIENT.token(), Api.map("whenWhere", words,
                    "remindAt", remindAt.toString()));
            assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
            assertThat(Instant.parse(saved.json().get("remindAt").asString())).isEqualTo(remindAt);
            // The same time again announces nothing; a plan without a time takes the time back.
            assertThat(api.put(plan, People.CLIENT.token(), Api.map("whenWhere", words + ".",
                    "remindAt", remindAt.toString())).status()).isEqualTo(200);
            assertThat(api.put(plan, People.CLIENT.token(), Api.map("whenWhere", words)).json().get("remindAt").isNull())
                    .isTrue();
            assertThat(api.put(plan, People.CLIENT.token(), Api.map("whenWhere", words,
                    "remindAt", remindAt.toString())).status()).isEqualTo(200);
            assertThat(Instant.parse(api.get("/api/journal/assignments/" + id, People.THERAPIST.token()).json()
                    .at("/plan/remindAt").asString())).isEqualTo(remindAt);

            // The due time moves to a day after the reminder: it stays; to before it: the plan loses its time only.
            String due = "/api/journal/assignments/" + id + "/due";
            assertThat(api.put(due, People.THERAPIST.token(), Api.map("dueAt", remindAt.plus(1, ChronoUnit.DAYS).toString()))
                    .status()).isEqualTo(200);
            assertThat(Instant.parse(api.get("/api/journal/assignments/" + id, People.CLIENT.token()).json()
                    .at("/plan/remindAt").asString())).isEqualTo(remindAt);
            assertThat(api.put(due, People.THERAPIST.token(), Api.map("dueAt", remindAt.minus(1, ChronoUnit.HOURS).toString()))
                    .status()).isEqualTo(200);
            JsonNode after = api.get("/api/journal/assignments/" + id, People.CLIENT.token()).json();
            assertThat(after.at("/plan/remindAt").isNull()).isTrue();
            assertThat(after.at("/plan/whenWhere").asString()).isEqualTo(words);

            List<ConsumerRecord<String, byte[]>> records = topic.awaitRecords(seen -> typesOf(seen, id).size() >= 7);
            assertThat(typesOf(records, id)).containsExactly("AssignmentCreated", "AssignmentOpened", "AssignmentReminderChosen",
                    "AssignmentReminderChosen", "AssignmentReminderChosen", "AssignmentDueChanged", "AssignmentDueChanged");
            List<EventEnvelope<JsonNode>> announced = envelopes(records, id);
            assertThat(Instant.parse(announced.get(2).payload().get("remindAt").asString())).isEqualTo(remindAt);
            assertThat(Instant.parse(announced.get(2).payload().get("dueAt").asString())).isEqualTo(dueAt);
            JsonNode takenBack = announced.get(3).payload().path("remindAt");
            assertThat(takenBack.isNull() || takenBack.isMissingNode()).as("the time taken back").isTrue();
            for (ConsumerRecord<String, byte[]> record : records) {
                assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain("balcony", "school");
            }
        }
    }

    @Test
    void theTherapistRatesHowWellHandedInHomeworkWasDoneAndTheAdherenceSummaryShowsItOverTime() {
        List<String> handedIn = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = api.post("/api/journal/assignments", People.THERAPIST.token(), createBody(People.CLIENT.id(),
                    article, Instant.now().plus(7, ChronoUnit.DAYS), List.of(Api.map("kind", "TEXT", "question", "Q?"))))
                    .json().get("id").asString();
            String prompt = api.get("/api/journal/assignments/" + id, People.CLIENT.token()).json().get("prompts").get(0)
                    .get("id").asString();
            api.put("/api/journal/assignments/" + id + "/answers/" + prompt, People.CLIENT.token(), Api.map("text", "A."));
            if (i < 2) {
                assertThat(api.post("/api/journal/assignments/" + id + "/submit", People.CLIENT.token(), null).status())
                        .isEqualTo(200);
            }
            handedIn.add(id);
        }
        String quality = "/api/journal/assignments/" + handedIn.get(0) + "/quality";

        // Refused: out of range, missing, not a number, not handed in, someone else's, the client; nothing saved.
        assertProblem(api.put(quality, People.THERAPIST.token(), Api.map("rating", 4)), 400);
        assertProblem(api.put(quality, People.THERAPIST.token(), Api.map("rating", -1)), 400);
        assertProblem(api.put(quality, People.THERAPIST.token(), Api.map()), 400);
        assertProblem(api.put(quality, People.THERAPIST.token(), Api.map("rating", "good")), 400);
        assertProblem(api.put("/api/journal/assignments/" + handedIn.get(2) + "/quality", People.THERAPIST.token(),
                Api.map("rating", 2)), 409);
        assertProblem(api.put(quality, People.OTHER_THERAPIST.token(), Api.map("rating", 2)), 404);
        assertProblem(api.put(quality, People.CLIENT.token(), Api.map("rating", 3)), 403);
        assertThat(api.get("/api/journal/assignments/" + handedIn.get(0), People.THERAPIST.token()).json()
                .get("quality").isNull()).isTrue();

        assertThat(api.put(quality, People.THERAPIST.token(), Api.map("rating", 1)).status()).isEqualTo(200);
        Api.Response again = api.put(quality, People.THERAPIST.token(), Api.map("rating", 2));
        assertThat(again.json().get("rating").asInt()).as("rating again replaces it").isEqualTo(2);
        assertThat(api.put("/api/journal/assignments/" + handedIn.get(1) + "/quality", People.THERAPIST.token(),
                Api.map("rating", 3)).status()).isEqualTo(200);
        assertThat(api.get("/api/journal/assignments/" + handedIn.get(0), People.THERAPIST.token()).json()
                .at("/quality/rating").asInt()).isEqualTo(2);

        JsonNode mine = null;
        for (JsonNode row : api.get("/api/journal/adherence?limit=100", People.THERAPIST.token()).json().get("items")) {
            if (row.get("clientId").asString().equals(People.CLIENT.id().toString())) {
                mine = row;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("rated").asInt()).isEqualTo(2);
        assertThat(mine.get("averageQuality").asDouble()).isEqualTo(2.5);
        assertThat(mine.get("recentQuality")).extracting(JsonNode::asInt).containsExactly(2, 3);
        assertThat(jdbc.sql("select count(*) from assignment where quality is not null and encode(quality, 'escape') "
                + "like '%rating%'").query(Long.class).single()).as("sealed, not JSON in clear").isZero();
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        long assignments = count("assignment");
        long events = count("event_publication");
        Instant due = Instant.now().plus(3, ChronoUnit.DAYS);
        String therapist = People.THERAPIST.token();
        List<Map<String, Object>> tooMany = IntStream.range(0, 21)
                .mapToObj(i -> Api.map("kind", "TEXT", "question", "Question " + i)).toList();
        assertProblem(api.post("/api/journal/assignments", therapist,
                createBody(People.CLIENT.id(), article, due, tooMany)), 400);
        assertProblem(api.post("/api/journal/assignments", therapist,
                createBody(People.CLIENT.id(), article, due, List.of())), 400);
        assertProblem(api.post("/api/journal/assignments", therapist,
                createBody(People.CLIENT.id(), article, Instant.now().minus(1, ChronoUnit.DAYS), threePrompts())), 400);
        assertProblem(api.post("/api/journal/assignments", therapist,
                createBody(People.CLIENT.id(), UUID.randomUUID(), due, threePrompts())), 400);
        assertProblem(api.post("/api/journal/assignments", therapist,
                createBody(People.OTHER_CLIENT.id(), article, due, threePrompts())), 400);
        assertProblem(api.post("/api/journal/assignments", therapist, createBody(People.CLIENT.id(), article, due,
                List.of(Api.map("kind", "CHECKLIST", "question", "Which?", "listId", "no-such-list")))), 400);
        assertProblem(api.post("/api/journal/assignments", therapist, createBody(People.CLIENT.id(), article, due,
                List.of(Api.map("kind", "TEXT", "question", "?".repeat(1001))))), 413);
        assertProblem(api.post("/api/journal/assignments", therapist, createBody(People.CLIENT.id(), article, due,
                List.of(Api.map("kind", "ESSAY", "question", "?")))), 400);
        assertProblem(api.sendRaw("POST", "/api/journal/assignments", therapist, "{\"clientId\": "), 400);
        UUID retracted = projections.publishArticle("Soon retracted");
        projections.retract(retracted, 1);
        assertProblem(api.post("/api/journal/assignments", therapist,
                createBody(People.CLIENT.id(), retracted, due, threePrompts())), 400);
        assertThat(count("assignment")).isEqualTo(assignments);
        assertThat(count("event_publication")).isEqualTo(events);

        JsonNode created = createAssignment(due);
        String id = created.get("id").asString();
        JsonNode view = api.get("/api/journal/assignments/" + id, People.CLIENT.token()).json();
        String path = "/api/journal/assignments/" + id + "/answers/";
        String text = view.get("prompts").get(0).get("id").asString();
        String checklist = view.get("prompts").get(1).get("id").asString();
        String scale = view.get("prompts").get(2).get("id").asString();
        long answers = count("answer");
        assertProblem(api.put(path + text, People.CLIENT.token(), Api.map("text", " ")), 400);
        assertProblem(api.put(path + text, People.CLIENT.token(), Api.map("text", "x".repeat(10_001))), 413);
        assertProblem(api.put(path + text, People.CLIENT.token(), Api.map("value", 3)), 400);
        assertProblem(api.put(path + checklist, People.CLIENT.token(), Api.map("checkedItemIds", List.of("nope"))), 400);
        assertProblem(api.put(path + checklist, People.CLIENT.token(),
                Api.map("checkedItemIds", List.of("item-1", "item-1"))), 400);
        assertProblem(api.put(path + scale, People.CLIENT.token(), Api.map("value", 11)), 400);
        assertProblem(api.put(path + scale, People.CLIENT.token(), Api.map("value", -1)), 400);
        assertProblem(api.sendRaw("PUT", path + scale, People.CLIENT.token(), "{\"value\": \"seven\"}"), 400);
        assertProblem(api.put(path + UUID.randomUUID(), People.CLIENT.token(), Api.map("text", "x")), 404);
        assertThat(count("answer")).isEqualTo(answers);

        // Feedback before submission is a conflict.
        api.put(path + text, People.CLIENT.token(), Api.map("text", "an answer"));
        String answerId = api.get("/api/journal/assignments/" + id, People.CLIENT.token()).json()
                .get("prompts").get(0).at("/answer/id").asString();
        assertProblem(api.post("/api/journal/assignments/" + id + "/answers/" + answerId + "/feedback",
                People.THERAPIST.token(), Api.map("body", "Too early")), 409);
        assertThat(countFeedbackOn(id)).isZero();
        // Journal entries may link to one's own assignment only.
        assertThat(api.post("/api/journal/entries", People.CLIENT.token(), Api.map("title", "About my homework",
                "body", "It was hard.", "assignmentId", id)).status()).isEqualTo(201);
        assertProblem(api.post("/api/journal/entries", People.OTHER_CLIENT.token(), Api.map("title", "Not mine",
                "body", "x", "assignmentId", id)), 400);
    }

    @Test
    void aRetractedArticleStaysReadableInsideTheAssignmentAtItsPinnedVersion() {
        JsonNode created = createAssignment(Instant.now().plus(5, ChronoUnit.DAYS));
        String id = created.get("id").asString();
        projections.publishVersion(article, "attachment", "Attachment and Healing (revised)", 2, List.of());
        projections.retract(article, 2);

        JsonNode view = api.get("/api/journal/assignments/" + id, People.CLIENT.token()).json();
        assertThat(view.at("/article/id").asString()).isEqualTo(article.toString());
        assertThat(view.at("/article/version").asInt()).isEqualTo(1);
        assertThat(view.at("/article/title").asString()).isEqualTo("Attachment and Healing");
        assertThat(view.get("prompts")).hasSize(3);
        // ...but it can no longer be assigned.
        assertProblem(api.post("/api/journal/assignments", People.THERAPIST.token(),
                createBody(People.CLIENT.id(), article, Instant.now().plus(5, ChronoUnit.DAYS), threePrompts())), 400);
    }

    @Test
    void whenTheCaseloadEndsTheClientKeepsReadingAndTheFormerTherapistCannot() {
        String id = createAssignment(Instant.now().plus(5, ChronoUnit.DAYS)).get("id").asString();
        try {
            projections.assignCaseload(People.CLIENT.id(), People.OTHER_THERAPIST.id());
            assertThat(api.get("/api/journal/assignments/" + id, People.CLIENT.token()).status()).isEqualTo(200);
            assertThat(api.get("/api/journal/assignments/" + id, People.THERAPIST.token()).status()).isEqualTo(404);
            assertThat(api.get("/api/journal/assignments/" + id + "/feedback", People.THERAPIST.token()).status())
                    .isEqualTo(404);
            assertThat(listIds("/api/journal/assignments?limit=100", People.THERAPIST)).doesNotContain(id);
            // The new therapist did not make it and does not get it either.
            assertThat(api.get("/api/journal/assignments/" + id, People.OTHER_THERAPIST.token()).status()).isEqualTo(404);
            assertThat(listIds("/api/journal/assignments?limit=100", People.CLIENT)).contains(id);
        } finally {
            projections.assignCaseload(People.CLIENT.id(), People.THERAPIST.id());
        }
        assertThat(api.get("/api/journal/assignments/" + id, People.THERAPIST.token()).status()).isEqualTo(200);
    }

    @Test
    void listsFilterByStatusClientAndDueDateAndTheAdherenceSummaryCounts() {
        // A client of our own, so the counts are this test's alone.
        String email = "adherence-" + UUID.randomUUID().toString().substring(0, 8) + "@securebase.test";
        UUID client = UUID.fromString(TestBackends.keycloak().createUser(email, "Ada", "Herence", "client"));
        String clientToken = TestBackends.keycloak().accessToken(email);
        projections.assignCaseload(client, People.THERAPIST.id());

        List<String> ids = new ArrayList<>();
        for (int days = 1; days <= 3; days++) {
            Api.Response created = api.post("/api/journal/assignments", People.THERAPIST.token(), createBody(client,
                    article, Instant.now().plus(days, ChronoUnit.DAYS), List.of(Api.map("kind", "SCALE",
                            "question", "How are you?"))));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            ids.add(created.json().get("id").asString());
        }
        // The first is opened and submitted, the second only opened, the third is left alone and falls overdue.
        String first = ids.get(0);
        JsonNode firstView = api.get("/api/journal/assignments/" + first, clientToken).json();
        api.put("/api/journal/assignments/" + first + "/answers/" + firstView.get("prompts").get(0).get("id").asString(),
                clientToken, Api.map("value", 5));
        assertThat(api.post("/api/journal/assignments/" + first + "/submit", clientToken, null).status()).isEqualTo(200);
        api.get("/api/journal/assignments/" + ids.get(1), clientToken);
        // Time passing, without waiting for it: the third one's due date moves into the past.
        jdbc.sql("update assignment set due_at = now() - interval '1 hour' where id = :id")
                .param("id", UUID.fromString(ids.get(2))).update();

        assertThat(listIds("/api/journal/assignments?limit=100&client=" + client, People.THERAPIST))
                .containsExactly(ids.get(2), ids.get(1), ids.get(0));
        assertThat(listIds("/api/journal/assignments?limit=100&status=SUBMITTED&client=" + client, People.THERAPIST))
                .containsExactly(first);
        assertThat(listIds("/api/journal/assignments?limit=100&status=OPENED&status=ASSIGNED", clientToken))
                .containsExactly(ids.get(2), ids.get(1));
        assertThat(listIds("/api/journal/assignments?limit=100&dueBefore=" + Instant.now(), clientToken))
                .containsExactly(ids.get(2));
        assertThat(listIds("/api/journal/assignments?limit=100&dueAfter=" + Instant.now().plus(36, ChronoUnit.HOURS),
                clientToken)).containsExactly(ids.get(1));
        JsonNode overdue = api.get("/api/journal/assignments?limit=100", clientToken).json().get("items").get(0);
        assertThat(overdue.get("overdue").asBoolean()).isTrue();
        assertProblem(api.get("/api/journal/assignments?status=LOST", clientToken), 400);
        assertProblem(api.get("/api/journal/assignments?dueBefore=yesterday", clientToken), 400);
        assertProblem(api.get("/api/journal/assignments?client=" + People.CLIENT.id(), clientToken), 400);

        JsonNode row = null;
        String cursor = null;
        do {
            JsonNode page = api.get("/api/journal/adherence?limit=1" + (cursor == null ? "" : "&cursor=" + cursor),
                    People.THERAPIST.token()).json();
            for (JsonNode item : page.get("items")) {
                if (item.get("clientId").asString().equals(client.toString())) {
                    row = item;
                }
            }
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(row).as("adherence row of the new client").isNotNull();
        assertThat(row.get("assigned").asInt()).isEqualTo(3);
        assertThat(row.get("opened").asInt()).isEqualTo(2);
        assertThat(row.get("submitted").asInt()).isEqualTo(1);
        assertThat(row.get("overdue").asInt()).isEqualTo(1);
        assertThat(row.get("lastActivityAt").isNull()).isFalse();
        // The other therapist's summary does not mention this client.
        assertThat(api.get("/api/journal/adherence?limit=100", People.OTHER_THERAPIST.token()).body())
                .doesNotContain(client.toString());
        projections.endCaseload(client);
    }

    @Test
    void feedbackIsNewForTheClientUntilTheyReadItAndNewAgainWhenMoreIsGiven() {
        // A client of our own, so "new feedback" lists are this test's alone.
        String email = "unread-" + UUID.randomUUID().toString().substring(0, 8) + "@securebase.test";
        UUID client = UUID.fromString(TestBackends.keycloak().createUser(email, "Una", "Read", "client"));
        String clientToken = TestBackends.keycloak().accessToken(email);
        projections.assignCaseload(client, People.THERAPIST.id());
        try {
            // Three submitted assignments, oldest first; the therapist answers the first two.
            List<String> ids = new ArrayList<>();
            List<String> answers = new ArrayList<>();
            for (int days = 1; days <= 3; days++) {
                Api.Response created = api.post("/api/journal/assignments", People.THERAPIST.token(), createBody(client,
                        article, Instant.now().plus(days, ChronoUnit.DAYS), List.of(Api.map("kind", "SCALE",
                                "question", "How are you?"))));
                assertThat(created.status()).as(created.toString()).isEqualTo(201);
                String id = created.json().get("id").asString();
                assertThat(created.json().get("unreadFeedback").asBoolean()).isFalse();
                String prompt = api.get("/api/journal/assignments/" + id, clientToken).json().get("prompts").get(0)
                        .get("id").asString();
                answers.add(api.put("/api/journal/assignments/" + id + "/answers/" + prompt, clientToken,
                        Api.map("value", 4)).json().get("id").asString());
                assertThat(api.post("/api/journal/assignments/" + id + "/submit", clientToken, null).status())
                        .isEqualTo(200);
                ids.add(id);
            }
            String first = ids.get(0);
            String second = ids.get(1);
            String third = ids.get(2);
            String unread = "/api/journal/assignments?limit=100&unreadFeedback=true";
            assertThat(listIds(unread, clientToken)).isEmpty();
            // Reading a thread without feedback marks nothing.
            assertThat(api.get("/api/journal/assignments/" + third + "/feedback", clientToken).status()).isEqualTo(200);
            assertThat(feedbackSeenAt(third)).isNull();

            giveFeedback(first, answers.get(0), "A first thought on this.");
            giveFeedback(second, answers.get(1), "A thought on the second one.");
            JsonNode summary = summaryOf(first, clientToken);
            assertThat(summary.get("unreadFeedback").asBoolean()).isTrue();
            assertThat(summary.get("lastFeedbackAt").isNull()).isFalse();
            assertThat(summaryOf(third, clientToken).get("unreadFeedback").asBoolean()).isFalse();
            assertThat(listIds(unread, clientToken)).containsExactly(second, first);
            assertThat(listIds("/api/journal/assignments?limit=100&unreadFeedback=false", clientToken))
                    .containsExactly(third);
            // Combined with the other filters, and paged with the same cursors as every list.
            assertThat(listIds(unread + "&status=REVIEWED&dueBefore=" + Instant.now().plus(36, ChronoUnit.HOURS),
                    clientToken)).containsExactly(first);
            JsonNode page1 = api.get("/api/journal/assignments?unreadFeedback=true&limit=1", clientToken).json();
            assertThat(page1.get("items")).hasSize(1);
            assertThat(page1.get("items").get(0).get("id").asString()).isEqualTo(second);
            JsonNode page2 = api.get("/api/journal/assignments?unreadFeedback=true&limit=1&cursor="
                    + page1.get("nextCursor").asString(), clientToken).json();
            assertThat(page2.get("items").get(0).get("id").asString()).isEqualTo(first);
            assertThat(page2.get("nextCursor").isNull()).isTrue();

            // The assignment itself says so too; reading it is not reading the feedback.
            assertThat(api.get("/api/journal/assignments/" + first, clientToken).json().get("unreadFeedback")
                    .asBoolean()).isTrue();
            // The therapist reading the thread or the assignment does not make it read for the client.
            assertThat(api.get("/api/journal/assignments/" + first + "/feedback", People.THERAPIST.token()).status())
                    .isEqualTo(200);
            assertThat(api.get("/api/journal/assignments/" + first, People.THERAPIST.token()).json()
                    .get("unreadFeedback").asBoolean()).isTrue();
            assertThat(listIds(unread + "&client=" + client, People.THERAPIST)).containsExactly(second, first);
            assertThat(feedbackSeenAt(first)).isNull();

            // The client reads the feedback: no longer new, and no event (reading is not a status change).
            long events = count("event_publication");
            assertThat(api.get("/api/journal/assignments/" + first + "/feedback", clientToken).json()).hasSize(1);
            assertThat(count("event_publication")).isEqualTo(events);
            assertThat(summaryOf(first, clientToken).get("unreadFeedback").asBoolean()).isFalse();
            assertThat(api.get("/api/journal/assignments/" + first, clientToken).json().get("unreadFeedback")
                    .asBoolean()).isFalse();
            assertThat(listIds(unread, clientToken)).containsExactly(second);
            Instant seen = feedbackSeenAt(first);
            assertThat(seen).isNotNull();
            // Reading it again writes nothing.
            api.get("/api/journal/assignments/" + first + "/feedback", clientToken);
            assertThat(feedbackSeenAt(first)).isEqualTo(seen);

            // More feedback later is new again; reviewedAt stays at the first feedback, lastFeedbackAt moves.
            String reviewedAt = summaryOf(first, clientToken).get("reviewedAt").asString();
            Instant firstFeedbackAt = Instant.parse(summaryOf(first, clientToken).get("lastFeedbackAt").asString());
            giveFeedback(first, answers.get(0), "And one more thought.");
            JsonNode again = summaryOf(first, clientToken);
            assertThat(again.get("unreadFeedback").asBoolean()).isTrue();
            assertThat(again.get("reviewedAt").asString()).isEqualTo(reviewedAt);
            assertThat(Instant.parse(again.get("lastFeedbackAt").asString())).isAfter(firstFeedbackAt);
            assertThat(listIds(unread, clientToken)).containsExactly(second, first);
            assertThat(api.get("/api/journal/assignments/" + first + "/feedback", clientToken).json()).hasSize(2);
            assertThat(listIds(unread, clientToken)).containsExactly(second);

            // Another client's read marks nothing of this one (theirs is 404).
            assertThat(api.get("/api/journal/assignments/" + second + "/feedback", People.CLIENT.token()).status())
                    .isEqualTo(404);
            assertThat(feedbackSeenAt(second)).isNull();

            assertProblem(api.get("/api/journal/assignments?unreadFeedback=maybe", clientToken), 400);
            assertProblem(api.get("/api/journal/assignments?unreadFeedback=maybe", People.THERAPIST.token()), 400);
        } finally {
            projections.endCaseload(client);
        }
    }

    private void giveFeedback(String assignment, String answer, String body) {
        Api.Response given = api.post("/api/journal/assignments/" + assignment + "/answers/" + answer + "/feedback",
                People.THERAPIST.token(), Api.map("body", body));
        assertThat(given.status()).as(given.toString()).isEqualTo(201);
    }

    private JsonNode summaryOf(String id, String token) {
        JsonNode page = api.get("/api/journal/assignments?limit=100", token).json();
        for (JsonNode item : page.get("items")) {
            if (item.get("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("assignment " + id + " is not in the list");
    }

    private Instant feedbackSeenAt(String id) {
        return jdbc.sql("select feedback_seen_at from assignment where id = :id").param("id", UUID.fromString(id))
                .query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant()).list().get(0);
    }

    private List<String> listIds(String path, People person) {
        return listIds(path, person.token());
    }

    private List<String> listIds(String path, String token) {
        Api.Response response = api.get(path, token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static List<String> typesOf(List<ConsumerRecord<String, byte[]>> records, String assignmentId) {
        return envelopes(records, assignmentId).stream().map(EventEnvelope::type).collect(Collectors.toList());
    }

    private static List<EventEnvelope<JsonNode>> envelopes(List<ConsumerRecord<String, byte[]>> records,
                                                           String assignmentId) {
        return records.stream().filter(r -> assignmentId.equals(r.key()))
                .map(r -> EventJson.shared().readTree(r.value()))
                .filter(e -> e.aggregateId().toString().equals(assignmentId))
                .toList();
    }

    private long auditRows(String resourceId) {
        return jdbc.sql("select count(*) from access_audit where resource_id = :id")
                .param("id", UUID.fromString(resourceId)).query(Long.class).single();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private long countFeedbackOn(String assignmentId) {
        return jdbc.sql("select count(*) from feedback where assignment_id = :id")
                .param("id", UUID.fromString(assignmentId)).query(Long.class).single();
    }

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
    }
}
