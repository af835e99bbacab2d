package org.securebase.journal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.securebase.journal.crypto.ClinicalCipher.Binding;
import org.securebase.journal.crypto.ClinicalCipher.Field;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.RegistryConfiguration;

class ClinicalCipherTest {

    private static final String TEXT = "I felt safe enough to talk about my father today.";

    private final UUID row = UUID.randomUUID();
    private final UUID owner = UUID.randomUUID();
    private final UUID assignment = UUID.randomUUID();
    private final UUID prompt = UUID.randomUUID();
    private final Binding answer = new Binding(Field.ANSWER, row, owner, assignment, prompt, 3);

    @Test
    void roundTripsAndHidesThePlaintext() {
        ClinicalCipher cipher = ClinicalCipher.fromKeysetJson(Keysets.generate(), false);
        byte[] ciphertext = cipher.encrypt(answer, TEXT);
        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("father");
        assertThat(cipher.decrypt(answer, ciphertext)).isEqualTo(TEXT);
        // AES-GCM with a random nonce: the same text never gives the same bytes twice.
        assertThat(cipher.encrypt(answer, TEXT)).isNotEqualTo(ciphertext);
    }

    @Test
    void aCiphertextOnlyDecryptsInItsPlaceAndItsSealVersion() {
        ClinicalCipher cipher = ClinicalCipher.fromKeysetJson(Keysets.generate(), false);
        byte[] ciphertext = cipher.encrypt(answer, TEXT);
        for (Binding elsewhere : new Binding[] {
                new Binding(Field.ANSWER, UUID.randomUUID(), owner, assignment, prompt, 3),
                new Binding(Field.ANSWER, row, UUID.randomUUID(), assignment, prompt, 3),
                new Binding(Field.FEEDBACK, row, owner, assignment, prompt, 3),
                new Binding(Field.ANSWER, row, owner, UUID.randomUUID(), prompt, 3),
                // another prompt of the same client and assignment
                new Binding(Field.ANSWER, row, owner, assignment, UUID.randomUUID(), 3),
                // the row sealed again since: this older ciphertext put back no longer counts
                new Binding(Field.ANSWER, row, owner, assignment, prompt, 4)}) {
            assertThatThrownBy(() -> cipher.decrypt(elsewhere, ciphertext)).as(elsewhere.toString())
                    .isInstanceOf(ClinicalCipher.CiphertextRejectedException.class)
                    .hasMessageNotContaining("father");
        }
        byte[] tampered = ciphertext.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(answer, tampered))
                .isInstanceOf(ClinicalCipher.CiphertextRejectedException.class);
    }

    @Test
    void aCiphertextOfTheFirstBindingReadsOnlyWhileLegacyCiphertextsAreAccepted() throws GeneralSecurityException {
        String keyset = Keysets.generate();
        Aead raw = Keysets.parse(keyset).getPrimitive(RegistryConfiguration.get(), Aead.class);
        byte[] legacy = raw.encrypt(TEXT.getBytes(StandardCharsets.UTF_8),
                ClinicalCipher.legacyAssociatedData(Field.ANSWER, row, owner));

        assertThat(ClinicalCipher.fromKeysetJson(keyset, true).decrypt(answer, legacy)).isEqualTo(TEXT);
        assertThat(ClinicalCipher.fromKeysetJson(keyset, true).isCurrent(answer, legacy)).isFalse();
        assertThatThrownBy(() -> ClinicalCipher.fromKeysetJson(keyset, false).decrypt(answer, legacy))
                .isInstanceOf(ClinicalCipher.CiphertextRejectedException.class);
        // Even when accepted, the first binding keeps its own guarantees: not another row's.
        assertThatThrownBy(() -> ClinicalCipher.fromKeysetJson(keyset, true)
                .decrypt(new Binding(Field.ANSWER, UUID.randomUUID(), owner, assignment, prompt, 1), legacy))
                .isInstanceOf(ClinicalCipher.CiphertextRejectedException.class);
    }

    @Test
    void aCiphertextOfTheServiceKeysetNamesItsKeyAndReadsUntilTheKeyIsRetired() throws GeneralSecurityException {
        String original = Keysets.generate();
        String rotated = Keysets.rotate(original);
        Aead service = Keysets.parse(original).getPrimitive(RegistryConfiguration.get(), Aead.class);
        byte[] before = service.encrypt(TEXT.getBytes(StandardCharsets.UTF_8), ClinicalCipher.associatedData(answer));

        assertThat(ClinicalCipher.keyIdOf(before)).isEqualTo(Keysets.parse(original).getPrimary().getId());
        ClinicalCipher cipher = ClinicalCipher.fromKeysetJson(rotated, false);
        assertThat(cipher.decrypt(answer, before)).isEqualTo(TEXT);
        assertThat(cipher.isCurrent(answer, before)).as("to be moved to the client's key").isFalse();
        assertThatThrownBy(() -> ClinicalCipher.fromKeysetJson(Keysets.serialize(
                Keysets.retireAllButPrimary(Keysets.parse(rotated))), false).decrypt(answer, before))
                .as("a retired key decrypts nothing").isInstanceOf(ClinicalCipher.CiphertextRejectedException.class);
    }

    @Test
    void eachClientsTextIsSealedUnderTheirOwnKeyAndErasingItErasesOnlyThem() {
        InMemoryClientKeys clientKeys = new InMemoryClientKeys();
        ClinicalCipher cipher = ClinicalCipher.fromKeysetJson(Keysets.generate(), false, clientKeys);
        UUID other = UUID.randomUUID();
        Binding othersAnswer = new Binding(Field.ANSWER, UUID.randomUUID(), other, assignment, prompt, 1);
        byte[] mine = cipher.encrypt(answer, TEXT);
        byte[] theirs = cipher.encrypt(othersAnswer, "Theirs.");

        assertThat(ClinicalCipher.keyIdOf(mine)).isEqualTo(clientKeys.find(owner).orElseThrow().primaryKeyId())
                .isNotEqualTo(ClinicalCipher.keyIdOf(theirs));
        assertThat(cipher.isCurrent(answer, mine)).isTrue();

        clientKeys.erase(owner);
        assertThatThrownBy(() -> cipher.decrypt(answer, mine)).isInstanceOf(ErasedClientException.class)
                .hasMessageNotContaining("father");
        assertThatThrownBy(() -> cipher.encrypt(answer, TEXT)).as("no new key for an erased client")
                .isInstanceOf(ErasedClientException.class);
        assertThat(cipher.decrypt(othersAnswer, theirs)).isEqualTo("Theirs.");
    }

    @Test
    void aMasterKeyFileIsMadeOnlyWhenAskedAndKeptPrivate(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nested/master-key.json");
        assertThatThrownBy(() -> MasterKeys.open("file:" + file, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not exist");
        assertThat(file).doesNotExist();

        Aead first = MasterKeys.open("file:" + file, true);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        byte[] wrapped = first.encrypt("keyset".getBytes(StandardCharsets.UTF_8), new byte[0]);
        // The next start reads the same master key: the stored keyset stays readable.
        assertThat(MasterKeys.open("file:" + file, false).decrypt(wrapped, new byte[0]))
                .isEqualTo("keyset".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void withoutAKeyEncryptionKeyTheServiceRefusesToStartAndABrokenKeysetIsNotQuoted() {
        assertThatThrownBy(() -> MasterKeys.open(null, true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("kek-uri");
        assertThatThrownBy(() -> MasterKeys.open("vault://somewhere", true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("gcp-kms://");
        assertThatThrownBy(() -> ClinicalCipher.fromKeysetJson("{\"secret\": \"s3cr3t-material\"}", false))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("s3cr3t");
    }
}
