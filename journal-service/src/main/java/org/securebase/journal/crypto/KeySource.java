package org.securebase.journal.crypto;

import com.google.crypto.tink.Aead;

/** Where {@link ClinicalCipher} gets its keys: the stored keyset ({@link KeyRing}), or a fixed one for tools and tests. */
interface KeySource {

    Aead aead();

    int primaryKeyId();

    /** Whether ciphertexts of the first binding (field, row, owner) are still read. */
    boolean legacyBindingAccepted();

    /** Re-reads the keys now, when a ciphertext names a key not in hand. */
    void refreshNow();
}
