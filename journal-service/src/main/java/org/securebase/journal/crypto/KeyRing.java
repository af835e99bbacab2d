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
    private final Optional<Aead> previousKek;
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
        this(jdbc, kek, Optional.empty(), refreshInterval, clock, legacyKeysetToImport);
    }

    /**
     * @param previousKek the key-encryption key the keyset may still be stored under while the KEK is being replaced:
     *                    a keyset found under it is re-wrapped under {@code kek} at start
     */
    KeyRing(JdbcClient jdbc, Aead kek, Optional<Aead> previousKek, Duration refreshInterval, Clock clock,
            Optional<String> legacyKeysetToImport) {
        this.jdbc = jdbc;
        this.kek = kek;
        this.previousKek = previousKek;
        this.refreshInterval = refreshInterval;
        this.clock = clock;
        if (read().isEmpty()) {
            bootstrap(legacyKeysetToImport);
        }
        previousKek.ifPresent(this::rewrapFrom);
        refreshNow();
    }

    /**
     * Moves the stored keyset from the previous key-encryption key to the current one; the keys inside, and so every
     * ciphertext, stay as they are. The revision is raised so that every other instance re-reads the row.
     */
    private void rewrapFrom(Aead previous) {
        StoredRow row = jdbc.sql("select revision, encrypted_keyset from crypto_keyset where id = 1")
                .query((rs, n) -> new StoredRow(rs.getLong("revision"), rs.getString("encrypted_keyset"))).single();
        if (unwrap(row.encryptedKeyset(), kek).isPresent()) {
            return;
        }
        KeysetHandle handle = unwrap(row.encryptedKeyset(), previous).orElseThrow(() -> new IllegalStateException(
                "the stored keyset decrypts with neither the key-encryption key nor the previous one"));
        int updated = jdbc.sql("""
                        update crypto_keyset set encrypted_keyset = :keyset, revision = revision + 1, updated_at = :now
                        where id = 1 and revision = :revision""")
                .param("keyset", encrypt(handle))
                .param("now", Timestamp.from(clock.instant()))
                .param("revision", row.revision())
                .update();
        if (updated == 1) {
            log.info("Re-wrapped the keyset in crypto_keyset under the new key-encryption key; "
                    + "remove securebase.journal.crypto.previous-kek-uri once every instance runs with the new one");
        }
    }

    private record StoredRow(long revision, String encryptedKeyset) {
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
        // During a KEK replacement an instance started with both keys may read the row before or after the re-wrap.
        Optional<KeysetHandle> handle = unwrap(encrypted, kek).or(() -> previousKek.flatMap(p -> unwrap(encrypted, p)));
        // Not the key-encryption key this keyset was stored under: never start with a keyset made up instead.
        return handle.orElseThrow(() -> new IllegalStateException(
                "the stored keyset does not decrypt with the configured key-encryption key"));
    }

    private static Optional<KeysetHandle> unwrap(String encrypted, Aead wrappingKey) {
        try {
            return Optional.of(TinkJsonProtoKeysetFormat.parseEncryptedKeyset(encrypted, wrappingKey, KEYSET_ASSOCIATED_DATA));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static boolean isEnabled(KeysetHandle.Entry entry) {
        return entry.getStatus() == KeyStatus.ENABLED;
    }
}
