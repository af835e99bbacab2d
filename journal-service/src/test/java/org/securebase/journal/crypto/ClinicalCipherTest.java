package org.securebase.journal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.securebase.journal.crypto.ClinicalCipher.Field;

class ClinicalCipherTest {

    private static final String TEXT = "I felt safe enough to talk about my father today.";

    private final UUID row = UUID.randomUUID();
    private final UUID owner = UUID.randomUUID();

    @Test
    void roundTripsAndHidesThePlaintext() {
        ClinicalCipher cipher = ClinicalCipher.fromKeysetJson(Keysets.generate());
        byte[] ciphertext = cipher.encrypt(Field.ENTRY, row, owner, TEXT);
        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("father");
        assertThat(cipher.decrypt(Field.ENTRY, row, owner, ciphertext)).isEqualTo(TEXT);
        // AES-GCM with a random nonce: the same text never gives the same bytes twice.
        assertThat(cipher.encrypt(Field.ENTRY, row, owner, TEXT)).isNotEqualTo(ciphertext);
    }

    @Test
    void aCiphertextOnlyDecryptsForItsRowOwnerAndField() {
        ClinicalCipher cipher = ClinicalCipher.fromKeysetJson(Keysets.generate());
        byte[] ciphertext = cipher.encrypt(Field.ANSWER, row, owner, TEXT);
        assertThatThrownBy(() -> cipher.decrypt(Field.ANSWER, UUID.randomUUID(), owner, ciphertext))
                .isInstanceOf(ClinicalCipher.CiphertextRejectedException.class)
                .hasMessageNotContaining("father");
        assertThatThrownBy(() -> cipher.decrypt(Field.ANSWER, row, UUID.randomUUID(), ciphertext))
                .isInstanceOf(ClinicalCipher.CiphertextRejectedException.class);
        assertThatThrownBy(() -> cipher.decrypt(Field.FEEDBACK, row, owner, ciphertext))
                .isInstanceOf(ClinicalCipher.CiphertextRejectedException.class);
        byte[] tampered = ciphertext.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(Field.ANSWER, row, owner, tampered))
                .isInstanceOf(ClinicalCipher.CiphertextRejectedException.class);
    }

    @Test
    void rotationAddsANewPrimaryKeyAndOldCiphertextsStillDecrypt() {
        String original = Keysets.generate();
        byte[] before = ClinicalCipher.fromKeysetJson(original).encrypt(Field.ENTRY, row, owner, TEXT);

        String rotated = Keysets.rotate(original);
        ClinicalCipher afterRotation = ClinicalCipher.fromKeysetJson(rotated);
        assertThat(afterRotation.decrypt(Field.ENTRY, row, owner, before)).isEqualTo(TEXT);

        byte[] after = afterRotation.encrypt(Field.ENTRY, row, owner, TEXT);
        // Tink's 5-byte prefix (version byte + key id) names the key: new writes use the new primary key...
        assertThat(Arrays.copyOfRange(after, 0, 5)).isNotEqualTo(Arrays.copyOfRange(before, 0, 5));
        // ...which the old keyset does not have.
        assertThatThrownBy(() -> ClinicalCipher.fromKeysetJson(original).decrypt(Field.ENTRY, row, owner, after))
                .isInstanceOf(ClinicalCipher.CiphertextRejectedException.class);
        // Rotating twice keeps both older keys.
        ClinicalCipher twice = ClinicalCipher.fromKeysetJson(Keysets.rotate(rotated));
        assertThat(twice.decrypt(Field.ENTRY, row, owner, before)).isEqualTo(TEXT);
        assertThat(twice.decrypt(Field.ENTRY, row, owner, after)).isEqualTo(TEXT);
    }

    @Test
    void withoutAKeysetTheServiceRefusesToStart() {
        assertThatThrownBy(() -> CryptoConfiguration.keysetJson(new CryptoProperties(null, null, false)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("No encryption keyset");
        // The dev flag alone is not enough: it needs a file to keep the generated keyset in.
        assertThatThrownBy(() -> CryptoConfiguration.keysetJson(new CryptoProperties(" ", null, true)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aConfiguredKeysetFileThatIsMissingIsAnErrorUnlessTheDevFlagIsOn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nested/keyset.json");
        assertThatThrownBy(() -> CryptoConfiguration.keysetJson(new CryptoProperties(null, file, false)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not exist");
        assertThat(file).doesNotExist();

        String generated = CryptoConfiguration.keysetJson(new CryptoProperties(null, file, true));
        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        // The next start reads the same keyset: data written before a restart stays readable.
        assertThat(CryptoConfiguration.keysetJson(new CryptoProperties(null, file, true))).isEqualTo(generated);
        assertThat(CryptoConfiguration.keysetJson(new CryptoProperties(null, file, false))).isEqualTo(generated);
    }

    @Test
    void aKeysetInConfigurationWinsAndABrokenOneFailsWithoutQuotingIt() {
        String keyset = Keysets.generate();
        assertThat(CryptoConfiguration.keysetJson(new CryptoProperties(keyset, Path.of("/nonexistent"), false)))
                .isEqualTo(keyset);
        assertThatThrownBy(() -> ClinicalCipher.fromKeysetJson("{\"secret\": \"s3cr3t-material\"}"))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("s3cr3t");
    }
}
