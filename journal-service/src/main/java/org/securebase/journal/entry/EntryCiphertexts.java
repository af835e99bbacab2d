package org.securebase.journal.entry;

import java.util.UUID;

import org.securebase.journal.crypto.ReEncryptable;
import org.securebase.journal.crypto.SqlColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The journal's ciphertext column, for the key rotation. */
@Configuration(proxyBeanMethods = false)
class EntryCiphertexts {

    @Bean
    ReEncryptable journalEntryContentColumn(JdbcClient jdbc) {
        return new SqlColumn(jdbc, "journal_entry", "content", "sealed_version",
                "t.client_id, t.assignment_id, t.sealed_version", "journal_entry t",
                rs -> EntryRepository.binding(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
                        rs.getObject("assignment_id", UUID.class), rs.getLong("sealed_version")));
    }
}
