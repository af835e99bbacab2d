package org.securebase.journal.measure;

import java.util.UUID;

import org.securebase.journal.crypto.ReEncryptable;
import org.securebase.journal.crypto.SqlColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The measures' ciphertext column, for the key rotation. */
@Configuration(proxyBeanMethods = false)
class MeasureCiphertexts {

    @Bean
    ReEncryptable measureResponseColumn(JdbcClient jdbc) {
        return new SqlColumn(jdbc, "measure_instance", "response", "sealed_version",
                "t.client_id, t.sealed_version", "measure_instance t",
                rs -> MeasureRepository.binding(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
                        rs.getLong("sealed_version")));
    }
}
