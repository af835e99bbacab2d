package org.securebase.journal.program;

import java.util.UUID;

import org.securebase.journal.crypto.ReEncryptable;
import org.securebase.journal.crypto.SqlColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The program feature's ciphertext column, for the key rotation: the enrolment's reason. */
@Configuration(proxyBeanMethods = false)
class ProgramCiphertexts {

    @Bean
    ReEncryptable programReasonColumn(JdbcClient jdbc) {
        return new SqlColumn(jdbc, "program_enrolment", "reason", "reason_version", "t.client_id, t.reason_version",
                "program_enrolment t", rs -> ProgramRepository.reasonBinding(rs.getObject("id", UUID.class),
                        rs.getObject("client_id", UUID.class), rs.getLong("reason_version")));
    }
}
