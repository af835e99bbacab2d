package org.securebase.journal.crypto;

import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/** Client keys that live as long as the object: for {@link ClinicalCipher#fromKeysetJson} in tests. */
final class InMemoryClientKeys implements ClientKeySource {

    private final Map<UUID, ClientKey> keys = new ConcurrentHashMap<>();
    private final Set<UUID> erased = ConcurrentHashMap.newKeySet();

    @Override
    public Optional<ClientKey> find(UUID clientId) {
        return Optional.ofNullable(keys.get(clientId));
    }

    @Override
    public ClientKey obtain(UUID clientId) {
        if (erased.contains(clientId)) {
            throw new ErasedClientException(clientId);
        }
        return keys.computeIfAbsent(clientId, id -> {
            try {
                KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
                return new ClientKey(handle.getPrimitive(RegistryConfiguration.get(), Aead.class),
                        handle.getPrimary().getId());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("could not generate a client's keyset", e);
            }
        });
    }

    @Override
    public void refresh(UUID clientId) {
        // nothing is cached apart from the keys themselves
    }

    @Override
    public boolean isErased(UUID clientId) {
        return erased.contains(clientId);
    }

    /** Destroys the client's key, as {@link ClientKeys#erase} does in the vault. */
    void erase(UUID clientId) {
        erased.add(clientId);
        keys.remove(clientId);
    }
}
