package org.securebase.journal.crypto;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the AEAD keyset comes from. Exactly one source is used, in this order: {@code keyset} (the Tink JSON
 * keyset as text, e.g. from an environment variable or a secret store), then {@code keyset-file}. With neither,
 * start-up fails - unless {@code generate-dev-keyset} is on and {@code keyset-file} names where to create one,
 * which only the local stack does.
 *
 * @param keyset             Tink JSON keyset (cleartext); takes precedence over the file
 * @param keysetFile         a file holding the Tink JSON keyset
 * @param generateDevKeyset  create {@code keysetFile} with a fresh keyset when it does not exist (local use only)
 */
@ConfigurationProperties("securebase.journal.crypto")
public record CryptoProperties(String keyset, Path keysetFile, boolean generateDevKeyset) {

    // No toString with the keyset in it: this record holds key material.
    @Override
    public String toString() {
        return "CryptoProperties[keyset=" + (keyset == null || keyset.isBlank() ? "unset" : "set")
                + ", keysetFile=" + keysetFile + ", generateDevKeyset=" + generateDevKeyset + "]";
    }
}
