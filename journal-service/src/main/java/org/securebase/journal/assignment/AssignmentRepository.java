package org.securebase.journal.assignment;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.securebase.journal.crypto.ClinicalCipher;
import org.securebase.journal.web.Cursors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code assignment}, {@code assignment_prompt} and {@code answer}. Prompt questions, the note and answers are
 * stored as AEAD ciphertexts bound to their row id and the client.
 */
@Repository
class AssignmentRepository {

    private final JdbcClient jdbc;
    private final ClinicalCipher cipher;
    private final JsonMapper json = JsonMapper.builder().build();

    AssignmentRepository(JdbcClient jdbc, ClinicalCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    void insert(Assignment assignment, List<Prompt> prompts) {
        jdbc.sql("""
                        insert into assignment (id, client_id, therapist_id, article_id, article_version, article_slug,
                                                article_title, note, card, due_at, status, created_at,
                                                last_activity_at)
                        values (:id, :client, :therapist, :article, :version, :slug, :title, :note, :card, :due, :status,
                                :created, :created)""")
                .param("id", assignment.id())
                .param("client", assignment.clientId())
                .param("therapist", assignment.therapistId())
                .param("article", assignment.article().id())
                .param("version", assignment.article().version())
                .param("slug", assignment.article().slug())
                .param("title", assignment.article().title())
                .param("note", assignment.note() == null ? null : cipher.encrypt(noteBinding(assignment.id(),
                        assignment.clientId(), 1), assignment.note()))
                .param("card", assignment.card() == null ? null : cipher.encrypt(cardBinding(assignment.id(),
                        assignment.clientId(), 1), json.writeValueAsString(assignment.card())))
                .param("due", Timestamp.from(assignment.dueAt()))
                .param("status", assignment.status().name())
                .param("created", Timestamp.from(assignment.lifecycle().createdAt()))
                .update();
        for (Prompt prompt : prompts) {
            jdbc.sql("""
                            insert into assignment_prompt (id, assignment_id, position, kind, question, list_id, item_ids)
                            values (:id, :assignment, :position, :kind, :question, :list, :items)""")
                    .param("id", prompt.id())
                    .param("assignment", assignment.id())
                    .param("position", prompt.position())
                    .param("kind", prompt.kind().name())
                    .param("question", cipher.encrypt(new ClinicalCipher.Binding(ClinicalCipher.Field.PROMPT_QUESTION,
                            prompt.id(), assignment.clientId(), assignment.id(), prompt.id(), 1), prompt.question()))
                    .param("list", prompt.listId())
                    .param("items", prompt.kind() == PromptKind.CHECKLIST ? prompt.itemIds().toArray(String[]::new) : null)
                    .update();
        }
    }

    Optional<Assignment> find(UUID id, boolean forUpdate) {
        return jdbc.sql("select * from assignment where id = :id" + (forUpdate ? " for update" : ""))
                .param("id", id)
                .query(this::mapAssignment)
                .optional();
    }

    /**
     * Every assignment of a client, oldest first; only those one therapist made when {@code therapistOnly} is given.
     * Index: assignment_client_list_idx (client_id, created_at desc, id desc), walked backwards.
     */
    List<Assignment> everyOf(UUID clientId, UUID therapistOnly) {
        return jdbc.sql("select * from assignment where client_id = :client"
                        + (therapistOnly != null ? " and therapist_id = :therapist" : "")
                        + " order by created_at, id")
                .param("client", clientId)
                .param("therapist", therapistOnly)
                .query(this::mapAssignment)
                .list();
    }

    boolean existsForClient(UUID id, UUID clientId) {
        return jdbc.sql("select exists(select 1 from assignment where id = :id and client_id = :client)")
                .param("id", id)
                .param("client", clientId)
                .query(Boolean.class)
                .single();
    }

    List<Prompt> prompts(Assignment assignment) {
        return jdbc.sql("select * from assignment_prompt where assignment_id = :id order by position")
                .param("id", assignment.id())
                .query((rs, n) -> mapPrompt(rs, assignment.clientId()))
                .list();
    }

    /** One prompt of the assignment: an autosave needs its kind and items, not every question decrypted. */
    Optional<Prompt> prompt(Assignment assignment, UUID promptId) {
        return jdbc.sql("select * from assignment_prompt where id = :prompt and assignment_id = :id")
                .param("prompt", promptId)
                .param("id", assignment.id())
                .query((rs, n) -> mapPrompt(rs, assignment.clientId()))
                .optional();
    }

    List<Answer> answers(Assignment assignment) {
        return jdbc.sql("select * from answer where assignment_id = :id")
                .param("id", assignment.id())
                .query((rs, n) -> mapAnswer(rs, assignment.clientId()))
                .list();
    }

    Optional<Answer> answer(Assignment assignment, UUID answerId) {
        return jdbc.sql("select * from answer where id = :id and assignment_id = :assignment")
                .param("id", answerId)
                .param("assignment", assignment.id())
                .query((rs, n) -> mapAnswer(rs, assignment.clientId()))
                .optional();
    }

    /** What was added to the assignment after it was made: the client's plan and the therapist's rating, or null. */
    record Additions(Plan plan, Quality quality) {
    }

    /** The plan and the rating, in one read of the row. */
    Additions additions(Assignment assignment) {
        return jdbc.sql("select plan, plan_version, planned_at, plan_remind_at, quality, quality_version, rated_at from assignment "
                        + "where id = :id")
                .param("id", assignment.id())
                .query((rs, n) -> {
                    byte[] plan = rs.getBytes("plan");
                    byte[] quality = rs.getBytes("quality");
                    Plan.Sealed sealedPlan = plan == null ? null : json.readValue(cipher.decrypt(planBinding(
                            assignment.id(), assignment.clientId(), rs.getLong("plan_version")), plan), Plan.Sealed.class);
                    Quality.Sealed sealedQuality = quality == null ? null : json.readValue(cipher.decrypt(qualityBinding(
                            assignment.id(), assignment.clientId(), rs.getLong("quality_version")), quality),
                            Quality.Sealed.class);
                    return new Additions(
                            sealedPlan == null ? null : new Plan(sealedPlan.whenWhere(), sealedPlan.obstacle(),
                                    sealedPlan.coping(), instant(rs.getTimestamp("plan_remind_at")),
                                    rs.getTimestamp("planned_at").toInstant()),
                            sealedQuality == null ? null : new Quality(sealedQuality.rating(),
                                    rs.getTimestamp("rated_at").toInstant()));
                })
                .single();
    }

    /** Rates it (again), sealed under a new seal version; the row is locked by the caller. */
    Quality rateQuality(Assignment assignment, int rating, Instant now) {
        reseal(assignment, "quality", "quality_version", "rated_at", AssignmentRepository::qualityBinding,
                json.writeValueAsString(new Quality.Sealed(rating)), now);
        return new Quality(rating, now);
    }

    /**
     * Saves (or replaces) the plan, sealed under a new seal version, with its reminder time (null: none); the row is
     * locked by the caller.
     */
    Plan savePlan(Assignment assignment, Plan.Sealed plan, Instant remindAt, Instant now) {
        reseal(assignment, "plan", "plan_version", "planned_at", AssignmentRepository::planBinding,
                json.writeValueAsString(plan), now);
        jdbc.sql("update assignment set plan_remind_at = :remindAt where id = :id")
                .param("remindAt", timestamp(remindAt))
                .param("id", assignment.id())
                .update();
        return new Plan(plan.whenWhere(), plan.obstacle(), plan.coping(), remindAt, now);
    }

    /** The reminder time the client's plan names, if it names one. */
    Optional<Instant> planReminder(UUID assignmentId) {
        return jdbc.sql("select plan_remind_at from assignment where id = :id").param("id", assignmentId)
                .query((rs, n) -> Optional.ofNullable(instant(rs.getTimestamp("plan_remind_at")))).single();
    }

    /** Takes the reminder time out of the plan when it is not before {@code dueAt}; the rest of the plan stays. */
    void clearPlanReminderNotBefore(UUID assignmentId, Instant dueAt) {
        jdbc.sql("update assignment set plan_remind_at = null where id = :id and plan_remind_at >= :dueAt")
                .param("id", assignmentId)
                .param("dueAt", timestamp(dueAt))
                .update();
    }

    private interface Binder {
        ClinicalCipher.Binding of(UUID assignmentId, UUID clientId, long version);
    }

    /**
     * Writes a sealed column of the assignment's row again: its seal version goes up first, so the new ciphertext is
     * bound to it and an older one put back no longer decrypts; {@code timeColumn} says when. Column names are this
     * class's constants, never input.
     */
    private void reseal(Assignment assignment, String column, String versionColumn, String timeColumn, Binder binding,
                        String plaintext, Instant now) {
        long version = jdbc.sql("update assignment set " + versionColumn + " = " + versionColumn + " + 1 where id = :id "
                        + "returning " + versionColumn)
                .param("id", assignment.id())
                .query(Long.class)
                .single();
        jdbc.sql("update assignment set " + column + " = :sealed, " + timeColumn + " = :now where id = :id")
                .param("sealed", cipher.encrypt(binding.of(assignment.id(), assignment.clientId(), version), plaintext))
                .param("now", Timestamp.from(now))
                .param("id", assignment.id())
                .update();
    }

    record RatedRow(UUID clientId, int rating, Instant ratedAt) {
    }

    /** The therapist's ratings of these clients' homework, oldest first, decrypted (a caseload's few hundred at most). */
    List<RatedRow> ratings(UUID therapistId, List<UUID> clients) {
        if (clients.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, client_id, quality, quality_version, rated_at from assignment
                        where therapist_id = :therapist and client_id in (:clients) and quality is not null
                        order by rated_at, id""")
                .param("therapist", therapistId)
                .param("clients", clients)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    UUID client = rs.getObject("client_id", UUID.class);
                    int rating = json.readValue(cipher.decrypt(qualityBinding(id, client, rs.getLong("quality_version")),
                            rs.getBytes("quality")), Quality.Sealed.class).rating();
                    return new RatedRow(client, rating, rs.getTimestamp("rated_at").toInstant());
                })
                .list();
    }

    /**
     * Saves the answer to a prompt, keeping the answer's id when it exists (the ciphertext is bound to it). The
     * caller holds the assignment's row lock, so two saves of one prompt cannot race.
     */
    Answer saveAnswer(Assignment assignment, UUID promptId, AnswerValue value, Instant now) {
        record Existing(UUID id, long version) {
        }
        Optional<Existing> existing = jdbc.sql("select id, sealed_version from answer where prompt_id = :prompt")
                .param("prompt", promptId)
                .query((rs, n) -> new Existing(rs.getObject("id", UUID.class), rs.getLong("sealed_version")))
                .optional();
        UUID id = existing.map(Existing::id).orElseGet(UUID::randomUUID);
        long version = existing.map(found -> found.version() + 1).orElse(1L);
        byte[] content = cipher.encrypt(answerBinding(id, assignment.clientId(), assignment.id(), promptId, version),
                json.writeValueAsString(value));
        if (existing.isPresent()) {
            jdbc.sql("update answer set content = :content, sealed_version = :version, saved_at = :now where id = :id")
                    .param("content", content)
                    .param("version", version)
                    .param("now", Timestamp.from(now))
                    .param("id", id)
                    .update();
        } else {
            jdbc.sql("""
                            insert into answer (id, assignment_id, prompt_id, client_id, content, saved_at, sealed_version)
                            values (:id, :assignment, :prompt, :client, :content, :now, 1)""")
                    .param("id", id)
                    .param("assignment", assignment.id())
                    .param("prompt", promptId)
                    .param("client", assignment.clientId())
                    .param("content", content)
                    .param("now", Timestamp.from(now))
                    .update();
        }
        return new Answer(id, promptId, value, now);
    }

    /** Stores a step of the workflow ({@link Assignment.Step}): the lifecycle columns and due time as the step left them. */
    void update(Assignment assignment) {
        Assignment.Lifecycle lifecycle = assignment.lifecycle();
        jdbc.sql("""
                        update assignment
                        set status = :status, opened_at = :opened, submitted_at = :submitted, reviewed_at = :reviewed,
                            last_activity_at = :activity, last_feedback_at = :lastFeedback, due_at = :due,
                            version = version + 1
                        where id = :id""")
                .param("due", timestamp(assignment.dueAt()))
                .param("status", lifecycle.status().name())
                .param("opened", timestamp(lifecycle.openedAt()))
                .param("submitted", timestamp(lifecycle.submittedAt()))
                .param("reviewed", timestamp(lifecycle.reviewedAt()))
                .param("activity", timestamp(lifecycle.lastActivityAt()))
                .param("lastFeedback", timestamp(lifecycle.lastFeedbackAt()))
                .param("id", assignment.id())
                .update();
    }

    /**
     * The owning client read the feedback thread: one UPDATE, and only when there is feedback they have not seen,
     * so rereading writes nothing. It takes the row lock that giving feedback holds: feedback committed while the
     * client's read waits here is in the thread they read next (a later statement), and feedback given after it
     * is stamped after {@code now}, so it is unread again. The status, version and last activity stay: reading is
     * not a step of the workflow.
     */
    void markFeedbackSeen(UUID id, UUID clientId, Instant now) {
        jdbc.sql("""
                        update assignment set feedback_seen_at = :now
                        where id = :id and client_id = :client and last_feedback_at is not null
                          and (feedback_seen_at is null or feedback_seen_at < last_feedback_at)""")
                .param("now", Timestamp.from(now))
                .param("id", id)
                .param("client", clientId)
                .update();
    }

    /**
     * Filters of a list; null or empty means "any". {@code unreadFeedback}: true, only assignments with feedback
     * the client has not read; false, only those without.
     */
    record ListFilter(Set<AssignmentStatus> statuses, Instant dueBefore, Instant dueAfter, Boolean unreadFeedback) {

        ListFilter {
            statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        }
    }

    /** The therapist's assignments of one client handed in after {@code after}, in hand-in order, at most {@code limit}. */
    List<Assignment> handedInAfter(UUID therapistId, UUID clientId, Instant after, int limit) {
        return jdbc.sql("""
                        select * from assignment
                        where therapist_id = :therapist and client_id = :client and submitted_at > :after
                        order by submitted_at, id
                        limit :limit""")
                .param("therapist", therapistId).param("client", clientId)
                .param("after", Timestamp.from(after)).param("limit", limit)
                .query(this::mapAssignment)
                .list();
    }

    /**
     * The therapist's assignments of one client not handed in whose due time passed after {@code after} and by
     * {@code now}, in due order, at most {@code limit}. As {@code Assignment.isOverdue}: due strictly before now.
     */
    List<Assignment> overdueAfter(UUID therapistId, UUID clientId, Instant after, Instant now, int limit) {
        return jdbc.sql("""
                        select * from assignment
                        where therapist_id = :therapist and client_id = :client and submitted_at is null
                          and due_at > :after and due_at < :now
                        order by due_at, id
                        limit :limit""")
                .param("therapist", therapistId).param("client", clientId)
                .param("after", Timestamp.from(after)).param("now", Timestamp.from(now)).param("limit", limit)
                .query(this::mapAssignment)
                .list();
    }

    static final String CLIENT_OWNER = "client_id = :client";
    static final String THERAPIST_ONE_CLIENT_OWNER = "therapist_id = :therapist and client_id = :client";
    static final String THERAPIST_CASELOAD_OWNER = "therapist_id = :therapist and client_id in (:clients)";
    /** Null when there is no feedback (last_feedback_at null), true when it is newer than the client's last read. */
    static final String UNREAD_FEEDBACK = "last_feedback_at > coalesce(feedback_seen_at, '-infinity')";

    /** A client's assignments, newest first. Index: assignment_client_list_idx (client_id, created_at desc, id desc). */
    List<Assignment> listForClient(UUID clientId, ListFilter filter, Cursors.TimeAndId after, int fetch) {
        var query = jdbc.sql(listSql(CLIENT_OWNER, filter, after != null)).param("client", clientId);
        return bindAndRun(query, filter, after, fetch);
    }

    /**
     * A therapist's assignments for the given clients (their current caseload, or one client of it), newest first.
     * Index: assignment_therapist_list_idx, or assignment_client_list_idx for one client.
     */
    List<Assignment> listForTherapist(UUID therapistId, List<UUID> clients, ListFilter filter,
                                      Cursors.TimeAndId after, int fetch) {
        if (clients.isEmpty()) {
            return List.of();
        }
        String owner = clients.size() == 1 ? THERAPIST_ONE_CLIENT_OWNER : THERAPIST_CASELOAD_OWNER;
        var query = jdbc.sql(listSql(owner, filter, after != null)).param("therapist", therapistId);
        query = clients.size() == 1 ? query.param("client", clients.get(0)) : query.param("clients", clients);
        return bindAndRun(query, filter, after, fetch);
    }

    /**
     * The list query for one combination of filters, built per combination so that every condition is a plain
     * comparison PostgreSQL can use with the index whose order is the list's order (a generic plan of
     * {@code (:x is null or col = :x)} could not).
     */
    static String listSql(String ownerCondition, ListFilter filter, boolean afterCursor) {
        List<String> conditions = new ArrayList<>(List.of(ownerCondition));
        if (!filter.statuses().isEmpty()) {
            conditions.add("status in (:statuses)");
        }
        if (filter.dueBefore() != null) {
            conditions.add("due_at < :dueBefore");
        }
        if (filter.dueAfter() != null) {
            conditions.add("due_at >= :dueAfter");
        }
        // As Assignment.hasUnreadFeedback(), over the row's own columns: the owner's index is walked in list order
        // and each row checked in place. Cheap for a client (their own few dozen rows); a therapist's walk stops
        // after a page of matches, at worst after all their caseload's assignments, as with a rare status filter.
        if (Boolean.TRUE.equals(filter.unreadFeedback())) {
            conditions.add(UNREAD_FEEDBACK);
        } else if (Boolean.FALSE.equals(filter.unreadFeedback())) {
            conditions.add("not coalesce(" + UNREAD_FEEDBACK + ", false)");
        }
        if (afterCursor) {
            conditions.add("(created_at, id) < (:at, :after)");
        }
        return "select * from assignment where " + String.join(" and ", conditions)
                + " order by created_at desc, id desc limit :limit";
    }

    private List<Assignment> bindAndRun(JdbcClient.StatementSpec query, ListFilter filter, Cursors.TimeAndId after,
                                        int fetch) {
        if (!filter.statuses().isEmpty()) {
            query = query.param("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (filter.dueBefore() != null) {
            query = query.param("dueBefore", Timestamp.from(filter.dueBefore()));
        }
        if (filter.dueAfter() != null) {
            query = query.param("dueAfter", Timestamp.from(filter.dueAfter()));
        }
        if (after != null) {
            query = query.param("at", Timestamp.from(after.at())).param("after", after.id());
        }
        return query.param("limit", fetch).query(this::mapAssignment).list();
    }

    /** Adherence counts of one therapist's assignments per client, from the covering assignment_adherence_idx. */
    List<AdherenceRow> adherence(UUID therapistId, List<UUID> clients, Instant now) {
        if (clients.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(ADHERENCE_SQL)
                .param("therapist", therapistId)
                .param("clients", clients)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new AdherenceRow(rs.getObject("client_id", UUID.class), rs.getInt("assigned"),
                        rs.getInt("opened"), rs.getInt("submitted"), rs.getInt("overdue"),
                        instant(rs.getTimestamp("last_activity"))))
                .list();
    }

    static final String ADHERENCE_SQL = """
            select client_id,
                   count(*) as assigned,
                   count(opened_at) as opened,
                   count(submitted_at) as submitted,
                   count(*) filter (where submitted_at is null and due_at < :now) as overdue,
                   max(last_activity_at) as last_activity
            from assignment
            where therapist_id = :therapist and client_id in (:clients)
            group by client_id""";

    record AdherenceRow(UUID clientId, int assigned, int opened, int submitted, int overdue, Instant lastActivityAt) {
    }

    private Assignment mapAssignment(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        UUID client = rs.getObject("client_id", UUID.class);
        byte[] note = rs.getBytes("note");
        byte[] card = rs.getBytes("card");
        var article = new Assignment.PinnedArticle(rs.getObject("article_id", UUID.class), rs.getInt("article_version"),
                rs.getString("article_slug"), rs.getString("article_title"));
        var lifecycle = new Assignment.Lifecycle(AssignmentStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("opened_at")),
                instant(rs.getTimestamp("submitted_at")), instant(rs.getTimestamp("reviewed_at")),
                rs.getTimestamp("last_activity_at").toInstant(), instant(rs.getTimestamp("last_feedback_at")),
                instant(rs.getTimestamp("feedback_seen_at")));
        return new Assignment(id, client, rs.getObject("therapist_id", UUID.class), article,
                note == null ? null : cipher.decrypt(noteBinding(id, client, rs.getLong("note_version")), note),
                card == null ? null : json.readValue(cipher.decrypt(cardBinding(id, client, rs.getLong("card_version")),
                        card), Assignment.Card.class),
                rs.getTimestamp("due_at").toInstant(), lifecycle);
    }

    private Prompt mapPrompt(ResultSet rs, UUID clientId) throws SQLException {
        Array items = rs.getArray("item_ids");
        return new Prompt(rs.getObject("id", UUID.class), rs.getInt("position"), PromptKind.valueOf(rs.getString("kind")),
                cipher.decrypt(promptBinding(rs, clientId), rs.getBytes("question")),
                rs.getString("list_id"), items == null ? null : Arrays.asList((String[]) items.getArray()));
    }

    private Answer mapAnswer(ResultSet rs, UUID clientId) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        AnswerValue value = json.readValue(cipher.decrypt(answerBinding(id, clientId, rs.getObject("assignment_id", UUID.class),
                rs.getObject("prompt_id", UUID.class), rs.getLong("sealed_version")), rs.getBytes("content")), AnswerValue.class);
        return new Answer(id, rs.getObject("prompt_id", UUID.class), value, rs.getTimestamp("saved_at").toInstant());
    }

    static ClinicalCipher.Binding noteBinding(UUID assignmentId, UUID clientId, long version) {
        return new ClinicalCipher.Binding(ClinicalCipher.Field.ASSIGNMENT_NOTE, assignmentId, clientId, assignmentId, null,
                version);
    }

    static ClinicalCipher.Binding cardBinding(UUID assignmentId, UUID clientId, long version) {
        return new ClinicalCipher.Binding(ClinicalCipher.Field.ASSIGNMENT_CARD, assignmentId, clientId, assignmentId, null,
                version);
    }

    static ClinicalCipher.Binding qualityBinding(UUID assignmentId, UUID clientId, long version) {
        return new ClinicalCipher.Binding(ClinicalCipher.Field.ASSIGNMENT_QUALITY, assignmentId, clientId, assignmentId,
                null, version);
    }

    static ClinicalCipher.Binding planBinding(UUID assignmentId, UUID clientId, long version) {
        return new ClinicalCipher.Binding(ClinicalCipher.Field.ASSIGNMENT_PLAN, assignmentId, clientId, assignmentId, null,
                version);
    }

    static ClinicalCipher.Binding promptBinding(ResultSet rs, UUID clientId) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new ClinicalCipher.Binding(ClinicalCipher.Field.PROMPT_QUESTION, id, clientId,
                rs.getObject("assignment_id", UUID.class), id, rs.getLong("sealed_version"));
    }

    static ClinicalCipher.Binding answerBinding(UUID answerId, UUID clientId, UUID assignmentId, UUID promptId,
                                                long version) {
        return new ClinicalCipher.Binding(ClinicalCipher.Field.ANSWER, answerId, clientId, assignmentId, promptId, version);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
