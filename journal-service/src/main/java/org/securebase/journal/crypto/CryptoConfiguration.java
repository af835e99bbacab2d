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
@EnableConfigurationProperties({CryptoProperties.class, KeyVaultProperties.class})
class CryptoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);

    /**
     * Fails start-up without a key-encryption key, or when the stored keyset does not decrypt with it: a service that
     * cannot encrypt must not accept clinical text. (Boot creates the JdbcClient after Flyway has migrated, so
     * {@code crypto_keyset} exists.)
     */
    /** The key-encryption key, and while it is being replaced the previous one. */
    record KeyEncryptionKeys(Aead current, Optional<Aead> previous) {
    }

    @Bean
    KeyEncryptionKeys keyEncryptionKeys(CryptoProperties properties) {
        if (properties.generateDevMasterKey()) {
            log.warn("A development master key may be generated (securebase.journal.crypto.generate-dev-master-key=true). "
                    + "Never use this setting in production.");
        }
        Optional<Aead> previousKek = Optional.ofNullable(properties.previousKekUri()).filter(uri -> !uri.isBlank())
                .map(uri -> MasterKeys.open(uri, false));
        return new KeyEncryptionKeys(MasterKeys.open(properties.kekUri(), properties.generateDevMasterKey()), previousKek);
    }

    @Bean
    KeyRing keyRing(JdbcClient jdbc, KeyEncryptionKeys keks, CryptoProperties properties, Clock clock) {
        return new KeyRing(jdbc, keks.current(), keks.previous(), properties.refreshInterval(), clock,
                legacyKeyset(properties));
    }

    /**
     * The key vault's own connection pool, migrated at start (its migrations are in {@code db/key-vault}, apart from
     * the journal's). Not a DataSource bean: nothing else in the service may reach the vault by injection.
     */
    @Bean(destroyMethod = "close")
    KeyVault keyVault(KeyVaultProperties properties) {
        return KeyVault.open(properties);
    }

    @Bean
    ClientKeys clientKeys(KeyVault vault, KeyEncryptionKeys keks, CryptoProperties properties, Clock clock) {
        return new ClientKeys(vault.jdbc(), keks.current(), keks.previous(), properties.refreshInterval(), clock);
    }

    @Bean
    ClinicalCipher clinicalCipher(KeyRing keys, ClientKeys clientKeys) {
        return new ClinicalCipher(keys, clientKeys);
    }

    @Bean
    KeyRotation keyRotation(KeyRing keys, ClientKeys clientKeys, ClinicalCipher cipher,
                            ObjectProvider<ReEncryptable> columns, JdbcClient jdbc, CryptoProperties properties) {
        return new KeyRotation(keys, clientKeys, cipher, columns.orderedStream().toList(), jdbc,
                properties.rotationPropagation(), properties.rotationBatchSize());
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
