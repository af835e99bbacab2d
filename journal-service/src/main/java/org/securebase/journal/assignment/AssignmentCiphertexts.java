package org.securebase.journal.assignment;

import java.util.UUID;

import org.securebase.journal.crypto.ReEncryptable;
import org.securebase.journal.crypto.SqlColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The assignment feature's ciphertext columns, for the key rotation: note, card, plan, quality, prompt questions, answers. */
@Configuration(proxyBeanMethods = false)
class AssignmentCiphertexts {

    @Bean
    ReEncryptable assignmentNoteColumn(JdbcClient jdbc) {
        return new SqlColumn(jdbc, "assignment", "note", "note_version", "t.client_id, t.note_version", "assignment t",
                rs -> AssignmentRepository.noteBinding(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
                        rs.getLong("note_version")));
    }

    @Bean
    ReEncryptable assignmentCardColumn(JdbcClient jdbc) {
        return new SqlColumn(jdbc, "assignment", "card", "card_version", "t.client_id, t.card_version", "assignment t",
                rs -> AssignmentRepository.cardBinding(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
                        rs.getLong("card_version")));
    }

    @Bean
    ReEncryptable assignmentPlanColumn(JdbcClient jdbc) {
        return new SqlColumn(jdbc, "assignment", "plan", "plan_version", "t.client_id, t.plan_version", "assignment t",
                rs -> AssignmentRepository.planBinding(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
                        rs.getLong("plan_version")));
    }

    @Bean
    ReEncryptable assignmentQualityColumn(JdbcClient jdbc) {
        return new SqlColumn(jdbc, "assignment", "quality", "quality_version", "t.client_id, t.quality_version",
                "assignment t", rs -> AssignmentRepository.qualityBinding(rs.getObject("id", UUID.class),
                        rs.getObject("client_id", UUID.class), rs.getLong("quality_version")));
    }

    @Bean
    ReEncryptable promptQuestionColumn(JdbcClient jdbc) {
        return new SqlColumn(jdbc, "assignment_prompt", "question", "sealed_version",
                "t.assignment_id, t.sealed_version, a.client_id", "assignment_prompt t join assignment a on a.id = t.assignment_id",
                rs -> AssignmentRepository.promptBinding(rs, rs.getObject("client_id", UUID.class)));
    }

    @Bean
    ReEncryptable answerContentColumn(JdbcClient jdbc) {
        return new SqlColumn(jdbc, "answer", "content", "sealed_version",
                "t.client_id, t.assignment_id, t.prompt_id, t.sealed_version", "answer t",
                rs -> AssignmentRepository.answerBinding(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
                        rs.getObject("assignment_id", UUID.class), rs.getObject("prompt_id", UUID.class),
                        rs.getLong("sealed_version")));
    }
}
