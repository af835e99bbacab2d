/**
 * Encryption of clinical text at rest: Google Tink AEAD (AES-256-GCM).
 *
 * <p>Owns the keyset (loaded from {@code securebase.journal.crypto.keyset} or {@code ...keyset-file}, or - only
 * with {@code generate-dev-keyset=true} - generated into the keyset file on first start) and
 * {@link org.securebase.journal.crypto.ClinicalCipher}, the one public type other features use. Every ciphertext
 * is bound, as associated data, to the kind of field, the row's id and the client the data belongs to: a
 * ciphertext copied into another row, or another client's row, fails to decrypt instead of showing up there.
 *
 * <p>Rotation: {@link org.securebase.journal.crypto.Keysets#rotate(String)} adds a new primary key and keeps the
 * old ones, so existing rows still decrypt and new writes use the new key.
 */
package org.securebase.journal.crypto;
