package org.securebase.journal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.google.crypto.tink.Aead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeysTest {

    @TempDir
    Path directory;

    @Test
    void fileUrisNameAbsoluteAndRelativePaths() {
        assertThat(MasterKeys.masterKeyPath("file:///run/secrets/master-key.json"))
                .isEqualTo(Path.of("/run/secrets/master-key.json"));
        assertThat(MasterKeys.masterKeyPath("file:/run/secrets/master-key.json"))
                .isEqualTo(Path.of("/run/secrets/master-key.json"));
        assertThat(MasterKeys.masterKeyPath("file:target/test-data/master-key.json"))
                .isEqualTo(Path.of("target/test-data/master-key.json"));
        assertThatThrownBy(() -> MasterKeys.masterKeyPath("file:")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aGeneratedMasterKeyFileOpensAgainToTheSameKey() throws Exception {
        String uri = "file:" + directory.resolve("keys/master-key.json");
        byte[] wrapped = MasterKeys.open(uri, true).encrypt("keyset".getBytes(StandardCharsets.UTF_8), new byte[0]);

        Aead reopened = MasterKeys.open(uri, false);

        assertThat(new String(reopened.decrypt(wrapped, new byte[0]), StandardCharsets.UTF_8)).isEqualTo("keyset");
    }

    @Test
    void aMissingMasterKeyFileIsNotCreatedUnlessAsked() {
        assertThatThrownBy(() -> MasterKeys.open("file:" + directory.resolve("absent.json"), false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> MasterKeys.open("", false)).hasMessageContaining("kek-uri");
        assertThatThrownBy(() -> MasterKeys.open("vault://x", false)).hasMessageContaining("must start with");
    }
}
