package org.securebase.journal.crypto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CryptoProperties.class)
class CryptoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);

    /**
     * Fails start-up when no keyset is configured: a service that cannot encrypt must not accept clinical text,
     * and one that made up a key on its own would write data nobody can read after the next restart.
     */
    @Bean
    ClinicalCipher clinicalCipher(CryptoProperties properties) {
        return ClinicalCipher.fromKeysetJson(keysetJson(properties));
    }

    static String keysetJson(CryptoProperties properties) {
        if (properties.keyset() != null && !properties.keyset().isBlank()) {
            return properties.keyset();
        }
        if (properties.keysetFile() != null) {
            if (java.nio.file.Files.exists(properties.keysetFile())) {
                return Keysets.readOrCreate(properties.keysetFile());
            }
            if (properties.generateDevKeyset()) {
                log.warn("Generating a development keyset in {} (securebase.journal.crypto.generate-dev-keyset=true). "
                        + "Never use this setting in production.", properties.keysetFile());
                return Keysets.readOrCreate(properties.keysetFile());
            }
            throw new IllegalStateException("securebase.journal.crypto.keyset-file " + properties.keysetFile()
                    + " does not exist");
        }
        throw new IllegalStateException("No encryption keyset: set securebase.journal.crypto.keyset (Tink JSON) or "
                + "securebase.journal.crypto.keyset-file; for local development only, set "
                + "securebase.journal.crypto.generate-dev-keyset=true together with a keyset-file path");
    }
}
