package org.securebase.journal.feedback;

import java.util.UUID;

import org.securebase.journal.crypto.ClinicalCipher;
import org.securebase.journal.crypto.ReEncryptable;
import org.securebase.journal.crypto.SqlColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The feedback feature's ciphertext columns, for the key rotation: feedback and replies. */
@Configuration(proxyBeanMethods = false)
class FeedbackCiphertexts {

    @Bean
    ReEncryptable feedbackBodyColumn(JdbcClient jdbc) {
        return body(jdbc, "feedback", ClinicalCipher.Field.FEEDBACK);
    }

    @Bean
    ReEncryptable replyBodyColumn(JdbcClient jdbc) {
        return body(jdbc, "feedback_reply", ClinicalCipher.Field.REPLY);
    }

    private static ReEncryptable body(JdbcClient jdbc, String table, ClinicalCipher.Field field) {
        return new SqlColumn(jdbc, table, "body", "sealed_version", "t.client_id, t.assignment_id, t.sealed_version",
                table + " t", rs -> FeedbackRepository.binding(field, rs.getObject("id", UUID.class),
                        rs.getObject("client_id", UUID.class), rs.getObject("assignment_id", UUID.class),
                        rs.getLong("sealed_version")));
    }
}
