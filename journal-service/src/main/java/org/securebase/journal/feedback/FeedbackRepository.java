package org.securebase.journal.feedback;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.securebase.journal.crypto.ClinicalCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code feedback} and {@code feedback_reply}; bodies are AEAD ciphertexts bound to the row id and the client. */
@Repository
class FeedbackRepository {

    private final JdbcClient jdbc;
    private final ClinicalCipher cipher;

    FeedbackRepository(JdbcClient jdbc, ClinicalCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    void insertFeedback(UUID id, UUID assignmentId, UUID answerId, UUID therapistId, UUID clientId, String body,
                        Instant now) {
        jdbc.sql("""
                        insert into feedback (id, assignment_id, answer_id, therapist_id, client_id, body, created_at)
                        values (:id, :assignment, :answer, :therapist, :client, :body, :now)""")
                .param("id", id)
                .param("assignment", assignmentId)
                .param("answer", answerId)
                .param("therapist", therapistId)
                .param("client", clientId)
                .param("body", cipher.encrypt(binding(ClinicalCipher.Field.FEEDBACK, id, clientId, assignmentId, 1), body))
                .param("now", Timestamp.from(now))
                .update();
    }

    boolean feedbackExists(UUID feedbackId, UUID assignmentId) {
        return jdbc.sql("select exists(select 1 from feedback where id = :id and assignment_id = :assignment)")
                .param("id", feedbackId)
                .param("assignment", assignmentId)
                .query(Boolean.class)
                .single();
    }

    void insertReply(UUID id, UUID feedbackId, UUID assignmentId, UUID clientId, String body, Instant now) {
        jdbc.sql("""
                        insert into feedback_reply (id, feedback_id, assignment_id, client_id, body, created_at)
                        values (:id, :feedback, :assignment, :client, :body, :now)""")
                .param("id", id)
                .param("feedback", feedbackId)
                .param("assignment", assignmentId)
                .param("client", clientId)
                .param("body", cipher.encrypt(binding(ClinicalCipher.Field.REPLY, id, clientId, assignmentId, 1), body))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The assignment's feedback, oldest first, each with its replies oldest first. */
    List<FeedbackViews.FeedbackView> thread(UUID assignmentId, UUID clientId) {
        Map<UUID, List<FeedbackViews.ReplyView>> replies = jdbc.sql("""
                        select * from feedback_reply where assignment_id = :assignment order by created_at, id""")
                .param("assignment", assignmentId)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new FeedbackViews.ReplyView(id, rs.getObject("feedback_id", UUID.class), clientId,
                            cipher.decrypt(binding(ClinicalCipher.Field.REPLY, id, clientId, assignmentId,
                                    rs.getLong("sealed_version")), rs.getBytes("body")),
                            rs.getTimestamp("created_at").toInstant());
                })
                .list().stream()
                .collect(Collectors.groupingBy(FeedbackViews.ReplyView::feedbackId));
        return jdbc.sql("select * from feedback where assignment_id = :assignment order by created_at, id")
                .param("assignment", assignmentId)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new FeedbackViews.FeedbackView(id, assignmentId, rs.getObject("answer_id", UUID.class),
                            rs.getObject("therapist_id", UUID.class),
                            cipher.decrypt(binding(ClinicalCipher.Field.FEEDBACK, id, clientId, assignmentId,
                                    rs.getLong("sealed_version")), rs.getBytes("body")),
                            rs.getTimestamp("created_at").toInstant(), replies.getOrDefault(id, List.of()));
                })
                .list();
    }

    /**
     * The therapist's assignments of one client with a client reply after {@code after} that is newer than the
     * therapist's latest feedback on the assignment (so still unanswered), oldest such reply first.
     */
    List<UUID> withRepliesAwaitingAnswer(UUID therapistId, UUID clientId, Instant after, int limit) {
        return jdbc.sql("""
                        select r.assignment_id from feedback_reply r
                        where r.client_id = :client and r.created_at > :after
                          and r.created_at > (select max(f.created_at) from feedback f
                                              where f.assignment_id = r.assignment_id and f.therapist_id = :therapist)
                        group by r.assignment_id
                        order by min(r.created_at), r.assignment_id
                        limit :limit""")
                .param("therapist", therapistId).param("client", clientId)
                .param("after", java.sql.Timestamp.from(after)).param("limit", limit)
                .query(UUID.class)
                .list();
    }

    static ClinicalCipher.Binding binding(ClinicalCipher.Field field, UUID id, UUID clientId, UUID assignmentId, long version) {
        return new ClinicalCipher.Binding(field, id, clientId, assignmentId, null, version);
    }
}
