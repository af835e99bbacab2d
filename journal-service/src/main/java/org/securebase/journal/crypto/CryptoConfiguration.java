package org.securebase.journal.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Optional;

import com.google.crypto.tink.Aead;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CryptoProperties.class)
class CryptoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);

    /**
     * Fails start-up without a key-encryption key, or when the stored keyset does not decrypt with it: a service that
     * cannot encrypt must not accept clinical text. (Boot creates the JdbcClient after Flyway has migrated, so
     * {@code crypto_keyset} exists.)
     */
    @Bean
    KeyRing keyRing(JdbcClient jdbc, CryptoProperties properties, Clock clock) {
        if (properties.generateDevMasterKey()) {
            log.warn("A development master key may be generated (securebase.journal.crypto.generate-dev-master-key=true). "
                    + "Never use this setting in production.");
        }
        Optional<Aead> previousKek = Optional.ofNullable(properties.previousKekUri()).filter(uri -> !uri.isBlank())
                .map(uri -> MasterKeys.open(uri, false));
        return new KeyRing(jdbc, MasterKeys.open(properties.kekUri(), properties.generateDevMasterKey()), previousKek,
                properties.refreshInterval(), clock, legacyKeyset(properties));
    }

    @Bean
    ClinicalCipher clinicalCipher(KeyRing keys) {
        return new ClinicalCipher(keys);
    }

    @Bean
    KeyRotation keyRotation(KeyRing keys, ClinicalCipher cipher, ObjectProvider<ReEncryptable> columns, JdbcClient jdbc,
                            CryptoProperties properties) {
        return new KeyRotation(keys, cipher, columns.orderedStream().toList(), jdbc, properties.rotationPropagation(),
                properties.rotationBatchSize());
    }

    private static Optional<String> legacyKeyset(CryptoProperties properties) {
        if (properties.keysetFile() == null || !Files.exists(properties.keysetFile())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(properties.keysetFile(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + properties.keysetFile(), e);
        }
    }

}
