package org.securebase.journal.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.google.crypto.tink.Aead;

/**
 * Encrypts and decrypts clinical text, each client's under that client's own key ({@link ClientKeys}, created on the
 * client's first write), so that destroying one key erases one person everywhere (ADR 0036). Ciphertexts written
 * under the service's keyset ({@link KeyRing}) before clients had keys of their own still decrypt until the key
 * rotation has moved them ({@link KeyRotation}). Every ciphertext is bound, as associated data, to its place
 * ({@link Binding}: the kind of field, the row, the client it belongs to, its assignment and prompt, and the row's seal
 * version): a ciphertext copied to another row, client, assignment or prompt, or an older ciphertext put back in its
 * own row, fails to decrypt instead of showing up there. Thread-safe.
 *
 * <p>Ciphertexts written before the binding included assignment, prompt and version (the first binding: field, row
 * and owner only) still decrypt until the key rotation has re-encrypted every row; from then on only the full
 * binding is accepted.
 */
public final class ClinicalCipher {

    /** The kinds of clinical field; the name is part of the associated data, so never rename one. */
    public enum Field {
        PROMPT_QUESTION, ASSIGNMENT_NOTE, ANSWER, FEEDBACK, REPLY, ENTRY, MEASURE_RESPONSE, ASSIGNMENT_CARD, ASSIGNMENT_PLAN, ASSIGNMENT_QUALITY,
        PROGRAM_REASON, RECORD_ARCHIVE
    }

    /**
     * Where a ciphertext belongs. {@code version} is the row's seal version: raised each time the text is written
     * again, so an old ciphertext of the same row no longer decrypts.
     *
     * @param assignmentId the assignment it belongs to, if any
     * @param promptId     the prompt it answers or asks, if any
     */
    public record Binding(Field field, UUID rowId, UUID ownerId, UUID assignmentId, UUID promptId, long version) {

        public Binding {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(rowId, "rowId");
            Objects.requireNonNull(ownerId, "ownerId");
            if (version < 1) {
                throw new IllegalArgumentException("version must be at least 1");
            }
        }

        /** The same place, sealed once more. */
        public Binding next() {
            return new Binding(field, rowId, ownerId, assignmentId, promptId, version + 1);
        }
    }

    private final KeySource keys;
    private final ClientKeySource clientKeys;

    ClinicalCipher(KeySource keys, ClientKeySource clientKeys) {
        this.keys = keys;
        this.clientKeys = clientKeys;
    }

    /**
     * A cipher over a fixed Tink JSON service keyset, with client keys made in memory, for tests; the service's own
     * comes from the stored keyset and the key vault. {@code acceptLegacyBinding}: whether ciphertexts of the first
     * binding still decrypt.
     */
    public static ClinicalCipher fromKeysetJson(String keysetJson, boolean acceptLegacyBinding) {
        return fromKeysetJson(keysetJson, acceptLegacyBinding, new InMemoryClientKeys());
    }

    static ClinicalCipher fromKeysetJson(String keysetJson, boolean acceptLegacyBinding, ClientKeySource clientKeys) {
        com.google.crypto.tink.KeysetHandle handle = Keysets.parse(keysetJson);
        try {
            com.google.crypto.tink.Aead aead = handle.getPrimitive(com.google.crypto.tink.RegistryConfiguration.get(),
                    com.google.crypto.tink.Aead.class);
            return new ClinicalCipher(new KeySource() {
                @Override
                public com.google.crypto.tink.Aead aead() {
                    return aead;
                }

                @Override
                public int primaryKeyId() {
                    return handle.getPrimary().getId();
                }

                @Override
                public boolean legacyBindingAccepted() {
                    return acceptLegacyBinding;
                }

                @Override
                public void refreshNow() {
                    // fixed keys: nothing to re-read
                }
            }, clientKeys);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the keyset holds no usable AEAD key", e);
        }
    }

    public byte[] encrypt(Binding binding, String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        return encryptBytes(binding, plaintext.getBytes(StandardCharsets.UTF_8));
    }

    /** As {@link #encrypt} for content that is not text (a record's archive). */
    public byte[] encryptBytes(Binding binding, byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        try {
            return clientKeys.obtain(binding.ownerId()).aead().encrypt(plaintext, associatedData(binding));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(Binding binding, byte[] ciphertext) {
        return new String(decryptBytes(binding, ciphertext), StandardCharsets.UTF_8);
    }

    /** As {@link #decrypt} for content that is not text. */
    public byte[] decryptBytes(Binding binding, byte[] ciphertext) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        byte[] plaintext = tryEveryKey(binding, ciphertext);
        if (plaintext == null) {
            // Another instance may have added the key this ciphertext names a moment ago.
            keys.refreshNow();
            clientKeys.refresh(binding.ownerId());
            plaintext = tryEveryKey(binding, ciphertext);
        }
        if (plaintext == null && clientKeys.isErased(binding.ownerId())) {
            throw new ErasedClientException(binding.ownerId());
        }
        if (plaintext == null) {
            // A wrong key, a moved, rolled back or tampered ciphertext: never silently show something else.
            throw new CiphertextRejectedException(binding.field(), binding.rowId());
        }
        return plaintext;
    }

    /**
     * Whether the ciphertext is bound the current way and sealed with the current key of the client it belongs to:
     * nothing to re-encrypt.
     */
    boolean isCurrent(Binding binding, byte[] ciphertext) {
        Optional<ClientKeySource.ClientKey> clientKey = clientKeys.find(binding.ownerId());
        if (clientKey.isEmpty() || keyIdOf(ciphertext) != clientKey.get().primaryKeyId()) {
            return false;
        }
        try {
            clientKey.get().aead().decrypt(ciphertext, associatedData(binding));
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Whether the client was erased (their key destroyed): their rows are no longer anyone's to read or re-encrypt. */
    boolean isErased(UUID clientId) {
        return clientKeys.isErased(clientId);
    }

    /** The client's own key first, then the service's keyset of before client keys (the only one with legacy bindings). */
    private byte[] tryEveryKey(Binding binding, byte[] ciphertext) {
        Optional<ClientKeySource.ClientKey> clientKey = clientKeys.find(binding.ownerId());
        if (clientKey.isPresent()) {
            byte[] plaintext = tryDecrypt(clientKey.get().aead(), binding, ciphertext, false);
            if (plaintext != null) {
                return plaintext;
            }
        } else if (clientKeys.isErased(binding.ownerId())) {
            // Never the service's keyset for an erased client: a row of theirs it still opens must stay closed.
            throw new ErasedClientException(binding.ownerId());
        }
        return tryDecrypt(keys.aead(), binding, ciphertext, keys.legacyBindingAccepted());
    }

    private byte[] tryDecrypt(Aead aead, Binding binding, byte[] ciphertext, boolean legacyAccepted) {
        try {
            return aead.decrypt(ciphertext, associatedData(binding));
        } catch (GeneralSecurityException current) {
            if (!legacyAccepted) {
                return null;
            }
            try {
                return aead.decrypt(ciphertext, legacyAssociatedData(binding.field(), binding.rowId(), binding.ownerId()));
            } catch (GeneralSecurityException legacy) {
                return null;
            }
        }
    }

    /** The Tink key id a ciphertext was written with (its 5-byte prefix: version byte, then the id). */
    public static int keyIdOf(byte[] ciphertext) {
        if (ciphertext.length < 5 || ciphertext[0] != 1) {
            return -1;
        }
        return ByteBuffer.wrap(ciphertext, 1, 4).getInt();
    }

    static byte[] associatedData(Binding binding) {
        byte[] name = binding.field().name().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer data = ByteBuffer.allocate(3 + name.length + 1 + 4 * 16 + 8)
                .put("v2|".getBytes(StandardCharsets.US_ASCII)).put(name).put((byte) '|');
        for (UUID id : new UUID[] {binding.rowId(), binding.ownerId(), binding.assignmentId(), binding.promptId()}) {
            UUID value = id == null ? new UUID(0, 0) : id;
            data.putLong(value.getMostSignificantBits()).putLong(value.getLeastSignificantBits());
        }
        return data.putLong(binding.version()).array();
    }

    /** The first binding (field, row, owner), still read until the rotation has re-encrypted every row. */
    static byte[] legacyAssociatedData(Field field, UUID rowId, UUID ownerId) {
        byte[] name = field.name().getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(name.length + 1 + 32)
                .put(name).put((byte) '|')
                .putLong(rowId.getMostSignificantBits()).putLong(rowId.getLeastSignificantBits())
                .putLong(ownerId.getMostSignificantBits()).putLong(ownerId.getLeastSignificantBits())
                .array();
    }

    /** A stored ciphertext that does not decrypt for its place. Names the row, never any content. */
    public static final class CiphertextRejectedException extends RuntimeException {

        CiphertextRejectedException(Field field, UUID rowId) {
            super("ciphertext of " + field + " in row " + rowId + " does not decrypt with the configured keyset");
        }
    }
}
