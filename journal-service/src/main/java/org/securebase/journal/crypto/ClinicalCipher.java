package org.securebase.journal.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.UUID;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;

/**
 * Encrypts and decrypts clinical text. The associated data is {@code field | row id | owner id}: the row id
 * and the owning client's id bind a ciphertext to its place, and the field name keeps, say, a feedback body
 * from being accepted as an answer. Thread-safe.
 */
public final class ClinicalCipher {

    /** The kinds of clinical field; the name is part of the associated data, so never rename one. */
    public enum Field {
        PROMPT_QUESTION, ASSIGNMENT_NOTE, ANSWER, FEEDBACK, REPLY, ENTRY
    }

    private final Aead aead;

    ClinicalCipher(KeysetHandle keyset) {
        try {
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the keyset holds no usable AEAD key", e);
        }
    }

    /** A cipher over a Tink JSON keyset (for tools and tests; the service gets its bean from configuration). */
    public static ClinicalCipher fromKeysetJson(String keysetJson) {
        return new ClinicalCipher(Keysets.parse(keysetJson));
    }

    public byte[] encrypt(Field field, UUID rowId, UUID ownerId, String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        try {
            return aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), associatedData(field, rowId, ownerId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(Field field, UUID rowId, UUID ownerId, byte[] ciphertext) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        try {
            return new String(aead.decrypt(ciphertext, associatedData(field, rowId, ownerId)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // A wrong key, a moved or tampered ciphertext: never silently show something else.
            throw new CiphertextRejectedException(field, rowId);
        }
    }

    static byte[] associatedData(Field field, UUID rowId, UUID ownerId) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rowId, "rowId");
        Objects.requireNonNull(ownerId, "ownerId");
        byte[] name = field.name().getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(name.length + 1 + 32)
                .put(name).put((byte) '|')
                .putLong(rowId.getMostSignificantBits()).putLong(rowId.getLeastSignificantBits())
                .putLong(ownerId.getMostSignificantBits()).putLong(ownerId.getLeastSignificantBits())
                .array();
    }

    /** A stored ciphertext that does not decrypt for its row and owner. Names the row, never any content. */
    public static final class CiphertextRejectedException extends RuntimeException {

        CiphertextRejectedException(Field field, UUID rowId) {
            super("ciphertext of " + field + " in row " + rowId + " does not decrypt with the configured keyset");
        }
    }
}
