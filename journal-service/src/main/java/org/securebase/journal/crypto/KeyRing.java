package org.securebase.journal.crypto;

import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service's keyset: AES-256-GCM keys that encrypt clinical text, stored in the service's own database (table
 * {@code crypto_keyset}) encrypted under the key-encryption key ({@link MasterKeys}), so that neither the database
 * nor a backup of it holds a usable key, and every instance sees the same keyset. Each instance re-reads it when its
 * revision changes (checked every {@code refresh-interval}, and at once when a ciphertext names a key it does not
 * have), which is how a rotation reaches every instance without a restart.
 */
public final class KeyRing implements KeySource {

    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);
    private static final byte[] KEYSET_ASSOCIATED_DATA = "securebase journal-service keyset".getBytes();

    private final JdbcClient jdbc;
    private final Aead kek;
    private final Duration refreshInterval;
    private final Clock clock;

    private volatile Loaded loaded;
    private volatile Instant checkedAt = Instant.EPOCH;

    private record Loaded(long revision, KeysetHandle handle, Aead aead, boolean legacyBindingAccepted) {
    }

    /** A keyset as stored: its revision and flags with the (decrypted) handle. */
    record Stored(long revision, KeysetHandle handle, boolean legacyBindingAccepted) {
    }

    KeyRing(JdbcClient jdbc, Aead kek, Duration refreshInterval, Clock clock, Optional<String> legacyKeysetToImport) {
        this.jdbc = jdbc;
        this.kek = kek;
        this.refreshInterval = refreshInterval;
        this.clock = clock;
        if (read().isEmpty()) {
            bootstrap(legacyKeysetToImport);
        }
        refreshNow();
    }

    @Override
    public Aead aead() {
        return current().aead();
    }

    @Override
    public boolean legacyBindingAccepted() {
        return current().legacyBindingAccepted();
    }

    @Override
    public int primaryKeyId() {
        return current().handle().getPrimary().getId();
    }

    /** Key ids with their status (ENABLED, DISABLED), primary first. */
    List<String> describe() {
        KeysetHandle handle = current().handle();
        return java.util.stream.IntStream.range(0, handle.size())
                .mapToObj(handle::getAt)
                .map(entry -> entry.getId() + ":" + entry.getStatus() + (entry.isPrimary() ? ":PRIMARY" : ""))
                .toList();
    }

    KeysetHandle handle() {
        return current().handle();
    }

    @Override
    public void refreshNow() {
        Stored stored = read().orElseThrow(() -> new IllegalStateException("the keyset is gone from crypto_keyset"));
        Loaded previous = loaded;
        if (previous == null || previous.revision() != stored.revision()) {
            try {
                loaded = new Loaded(stored.revision(), stored.handle(),
                        stored.handle().getPrimitive(RegistryConfiguration.get(), Aead.class),
                        stored.legacyBindingAccepted());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the stored keyset holds no usable AEAD key", e);
            }
        }
        checkedAt = clock.instant();
    }

    private Loaded current() {
        if (checkedAt.plus(refreshInterval).isBefore(clock.instant())) {
            try {
                refreshNow();
            } catch (RuntimeException e) {
                // Keep serving with the keyset in hand: a database hiccup must not stop reads the keyset allows.
                log.warn("Could not re-read the keyset: {}", e.getClass().getSimpleName());
                checkedAt = clock.instant();
            }
        }
        return loaded;
    }

    /** Stores {@code handle} as the next revision, with the given legacy flag; false if someone else changed it first. */
    boolean store(long expectedRevision, KeysetHandle handle, boolean legacyBindingAccepted) {
        int updated = jdbc.sql("""
                        update crypto_keyset set encrypted_keyset = :keyset, revision = revision + 1,
                                                 legacy_binding_accepted = :legacy, updated_at = :now
                        where id = 1 and revision = :revision""")
                .param("keyset", encrypt(handle))
                .param("legacy", legacyBindingAccepted)
                .param("now", Timestamp.from(clock.instant()))
                .param("revision", expectedRevision)
                .update();
        refreshNow();
        return updated == 1;
    }

    Stored stored() {
        return read().orElseThrow();
    }

    private Optional<Stored> read() {
        return jdbc.sql("select revision, encrypted_keyset, legacy_binding_accepted from crypto_keyset where id = 1")
                .query((rs, n) -> new Stored(rs.getLong("revision"), decrypt(rs.getString("encrypted_keyset")),
                        rs.getBoolean("legacy_binding_accepted")))
                .optional();
    }

    private void bootstrap(Optional<String> legacyKeyset) {
        KeysetHandle handle;
        boolean imported = legacyKeyset.isPresent();
        try {
            handle = imported ? Keysets.parse(legacyKeyset.get()) : KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not generate a keyset", e);
        }
        int inserted = jdbc.sql("""
                        insert into crypto_keyset (id, encrypted_keyset, revision, legacy_binding_accepted, updated_at)
                        values (1, :keyset, 1, true, :now) on conflict do nothing""")
                .param("keyset", encrypt(handle))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        if (inserted == 1) {
            log.info(imported ? "Imported the keyset file into crypto_keyset, encrypted under the key-encryption key; "
                    + "remove the file and securebase.journal.crypto.keyset-file now"
                    : "Created the service's keyset in crypto_keyset, encrypted under the key-encryption key");
        }
    }

    private String encrypt(KeysetHandle handle) {
        try {
            return TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(handle, kek, KEYSET_ASSOCIATED_DATA);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt the keyset under the key-encryption key", e);
        }
    }

    private KeysetHandle decrypt(String encrypted) {
        try {
            return TinkJsonProtoKeysetFormat.parseEncryptedKeyset(encrypted, kek, KEYSET_ASSOCIATED_DATA);
        } catch (GeneralSecurityException | RuntimeException e) {
            // Not the key-encryption key this keyset was stored under: never start with a keyset made up instead.
            throw new IllegalStateException("the stored keyset does not decrypt with the configured key-encryption key");
        }
    }

    static boolean isEnabled(KeysetHandle.Entry entry) {
        return entry.getStatus() == KeyStatus.ENABLED;
    }
}
