package org.securebase.journal.crypto;

import java.util.Optional;
import java.util.UUID;

import com.google.crypto.tink.Aead;

/** Where {@link ClinicalCipher} gets each client's own key: the key vault ({@link ClientKeys}), or memory for tests. */
interface ClientKeySource {

    /** A client's keyset, opened, with the id of the key new ciphertexts are sealed with. */
    record ClientKey(Aead aead, int primaryKeyId) {
    }

    /** The client's key, if they have one. */
    Optional<ClientKey> find(UUID clientId);

    /** The client's key, created on their first write; refused ({@link ErasedClientException}) once they were erased. */
    ClientKey obtain(UUID clientId);

    /** Forgets what this instance holds of the client's key, to read it again. */
    void refresh(UUID clientId);

    boolean isErased(UUID clientId);
}
