package org.securebase.journal.record;

import java.util.UUID;

import org.securebase.journal.crypto.ReEncryptable;
import org.securebase.journal.crypto.SqlColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The record feature's ciphertext column, for the key rotation: a prepared archive not yet expired. */
@Configuration(proxyBeanMethods = false)
class RecordCiphertexts {

    @Bean
    ReEncryptable recordArchiveColumn(JdbcClient jdbc) {
        return new SqlColumn(jdbc, "record_export", "archive", "archive_version", "t.subject_id, t.archive_version",
                "record_export t", rs -> RecordExportRepository.binding(rs.getObject("id", UUID.class),
                        rs.getObject("subject_id", UUID.class), rs.getLong("archive_version")));
    }
}
