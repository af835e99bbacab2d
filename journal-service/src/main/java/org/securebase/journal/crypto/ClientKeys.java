package org.securebase.journal.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each client's own keyset, kept in the key vault (a database of its own, {@code client_keyset}), wrapped by the
 * key-encryption key with the client's id as associated data: a wrapped keyset moved to another client's row does not
 * open. {@link #erase} destroys a client's keyset, which makes every ciphertext of theirs unreadable wherever a copy of
 * it lies, since neither the journal database nor its backups ever hold a key (ADR 0036).
 *
 * <p>Each instance keeps opened keysets for at most {@code refresh-interval}: an erasure or a rotation on another
 * instance reaches it within that time, and at once when a ciphertext names a key it does not have.
 */
public final class ClientKeys implements ClientKeySource {

    private static final Logger log = LoggerFactory.getLogger(ClientKeys.class);
    /** Opened keysets kept per instance; beyond that the oldest are dropped and opened again when needed. */
    private static final int CACHE_LIMIT = 10_000;
    /** Keysets read at once when every one is rewritten (a rotation, a new key-encryption key). */
    private static final int PAGE = 500;

    private final JdbcClient vault;
    private final Aead kek;
    private final Duration refreshInterval;
    private final Clock clock;
    private final ConcurrentHashMap<UUID, Cached> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UUID, ErasedCached> erasedCache = new ConcurrentHashMap<>();

    private record Cached(Optional<ClientKey> key, Instant loadedAt) {
    }

    private record ErasedCached(boolean erased, Instant checkedAt) {
    }

    private record Row(UUID clientId, String encryptedKeyset, long revision) {
    }

    ClientKeys(JdbcClient vault, Aead kek, Optional<Aead> previousKek, Duration refreshInterval, Clock clock) {
        this.vault = vault;
        this.kek = kek;
        this.refreshInterval = refreshInterval;
        this.clock = clock;
        previousKek.ifPresent(this::rewrapFrom);
    }

    @Override
    public Optional<ClientKey> find(UUID clientId) {
        Cached cached = cache.get(clientId);
        if (cached != null && !cached.loadedAt().plus(refreshInterval).isBefore(clock.instant())) {
            return cached.key();
        }
        Optional<ClientKey> key = load(clientId);
        remember(clientId, key);
        return key;
    }

    @Override
    public ClientKey obtain(UUID clientId) {
        Optional<ClientKey> existing = find(clientId);
        if (existing.isPresent()) {
            return existing.get();
        }
        KeysetHandle handle;
        try {
            handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not generate a client's keyset", e);
        }
        Instant now = clock.instant();
        // Never for an erased client: a late write must not bring a key, and so their record, back.
        vault.sql("""
                        insert into client_keyset (client_id, encrypted_keyset, primary_key_id, key_ids, revision,
                                                   created_at, updated_at)
                        select :client, :keyset, :primary, :keyIds, 1, :now, :now
                        where not exists (select 1 from erased_client where client_id = :client)
                        on conflict (client_id) do nothing""")
                .param("client", clientId)
                .param("keyset", wrap(clientId, handle))
                .param("primary", handle.getPrimary().getId())
                .param("keyIds", keyIds(handle))
                .param("now", Timestamp.from(now))
                .update();
        // Whoever inserted first (another instance, perhaps) wins; everyone reads what is stored.
        Optional<ClientKey> stored = load(clientId);
        remember(clientId, stored);
        return stored.orElseThrow(() -> new ErasedClientException(clientId));
    }

    @Override
    public void refresh(UUID clientId) {
        cache.remove(clientId);
        erasedCache.remove(clientId);
    }

    /** Asked on every read of a client without a key (rows from before client keys): kept like the keys. */
    @Override
    public boolean isErased(UUID clientId) {
        ErasedCached cached = erasedCache.get(clientId);
        if (cached != null && !cached.checkedAt().plus(refreshInterval).isBefore(clock.instant())) {
            return cached.erased();
        }
        boolean erased = vault.sql("select exists (select 1 from erased_client where client_id = :client)")
                .param("client", clientId).query(Boolean.class).single();
        if (erasedCache.size() >= CACHE_LIMIT) {
            erasedCache.clear();
        }
        erasedCache.put(clientId, new ErasedCached(erased, clock.instant()));
        return erased;
    }

    /**
     * Destroys the client's keyset and remembers that they were erased; true when a keyset was destroyed now. The
     * table is then rewritten ({@code vacuum full}), so the destroyed keyset's bytes do not linger in its pages; the
     * vault's WAL and backups keep it, wrapped by the KEK, until their short retention ends (docs/operations.md).
     */
    boolean erase(UUID clientId) {
        int destroyed = vault.sql("""
                        with erased as (insert into erased_client (client_id, erased_at) values (:client, :now)
                                        on conflict (client_id) do nothing)
                        delete from client_keyset where client_id = :client""")
                .param("client", clientId)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        cache.remove(clientId);
        erasedCache.remove(clientId);
        // Every time, also when nothing was deleted now: a redelivery after a failed rewrite, or a keyset a write
        // racing the erasure stored (load() never opens it), is still cleaned up.
        vault.sql("delete from client_keyset k where exists (select 1 from erased_client e where e.client_id = k.client_id)")
                .update();
        vault.sql("vacuum full client_keyset").update();
        return destroyed > 0;
    }

    /** Key ids by role, for the census: {@code current} the clients' primary keys, {@code earlier} their others. */
    record KeyIds(Set<Integer> current, Set<Integer> earlier) {
    }

    KeyIds keyIds() {
        Set<Integer> current = new HashSet<>();
        Set<Integer> earlier = new HashSet<>();
        vault.sql("select primary_key_id, key_ids from client_keyset").query(rs -> {
            int primary = rs.getInt("primary_key_id");
            current.add(primary);
            for (Integer id : (Integer[]) rs.getArray("key_ids").getArray()) {
                if (id != primary) {
                    earlier.add(id);
                }
            }
        });
        earlier.removeAll(current);
        return new KeyIds(current, earlier);
    }

    /** Gives every client's keyset a new primary key, the earlier ones kept for reading; returns how many. */
    long addNewPrimaryKeys() {
        return rewriteEach(handle -> {
            KeysetHandle added = Keysets.withNewKey(handle);
            return Keysets.promote(added, Keysets.newestKeyId(added));
        });
    }

    /**
     * Disables, in every client's keyset, each key that is neither the primary nor among {@code inUse} (the key ids
     * some ciphertext still names): a key still holding data is never disabled, whatever else runs meanwhile.
     */
    long retireKeysNotIn(Set<Integer> inUse) {
        return rewriteEach(handle -> Keysets.retireUnused(handle, inUse));
    }

    @FunctionalInterface
    private interface Rewrite {
        KeysetHandle apply(KeysetHandle handle) throws GeneralSecurityException;
    }

    private long rewriteEach(Rewrite rewrite) {
        long[] rewritten = {0};
        forEachKeyset(row -> {
            KeysetHandle handle = unwrap(row.clientId(), row.encryptedKeyset(), kek).orElseThrow(() ->
                    new IllegalStateException("the keyset of client " + row.clientId()
                            + " does not decrypt with the key-encryption key"));
            try {
                rewritten[0] += store(row, rewrite.apply(handle));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("could not change the keyset of client " + row.clientId(), e);
            }
            cache.remove(row.clientId());
        });
        return rewritten[0];
    }

    /** Moves every client's keyset from the previous key-encryption key to the current one; the keys stay the same. */
    private void rewrapFrom(Aead previous) {
        long[] moved = {0};
        forEachKeyset(row -> {
            if (unwrap(row.clientId(), row.encryptedKeyset(), kek).isPresent()) {
                return;
            }
            KeysetHandle handle = unwrap(row.clientId(), row.encryptedKeyset(), previous).orElseThrow(() ->
                    new IllegalStateException("the keyset of client " + row.clientId()
                            + " decrypts with neither the key-encryption key nor the previous one"));
            moved[0] += store(row, handle);
        });
        if (moved[0] > 0) {
            log.info("Re-wrapped {} client keysets under the new key-encryption key", moved[0]);
        }
    }

    /** Every stored keyset, in client order, read a page at a time. */
    private void forEachKeyset(java.util.function.Consumer<Row> work) {
        UUID after = new UUID(0, 0);
        while (true) {
            List<Row> rows = rowsAfter(after);
            rows.forEach(work);
            if (rows.size() < PAGE) {
                return;
            }
            after = rows.get(rows.size() - 1).clientId();
        }
    }

    private List<Row> rowsAfter(UUID after) {
        return vault.sql("""
                        select client_id, encrypted_keyset, revision from client_keyset where client_id > :after
                        order by client_id limit :limit""")
                .param("after", after)
                .param("limit", PAGE)
                .query((rs, n) -> new Row(rs.getObject("client_id", UUID.class), rs.getString("encrypted_keyset"),
                        rs.getLong("revision")))
                .list();
    }

    /** Stores a keyset as the row's next revision; 0 when someone changed the row first (it is then left to them). */
    private int store(Row row, KeysetHandle handle) {
        return vault.sql("""
                        update client_keyset set encrypted_keyset = :keyset, primary_key_id = :primary, key_ids = :keyIds,
                                                 revision = revision + 1, updated_at = :now
                        where client_id = :client and revision = :revision""")
                .param("keyset", wrap(row.clientId(), handle))
                .param("primary", handle.getPrimary().getId())
                .param("keyIds", keyIds(handle))
                .param("now", Timestamp.from(clock.instant()))
                .param("client", row.clientId())
                .param("revision", row.revision())
                .update();
    }

    /** An erased client has no key, even one a write racing the erasure stored a moment after it (see {@link #erase}). */
    private Optional<ClientKey> load(UUID clientId) {
        return vault.sql("""
                        select k.encrypted_keyset from client_keyset k
                        where k.client_id = :client
                          and not exists (select 1 from erased_client e where e.client_id = k.client_id)""")
                .param("client", clientId)
                .query(String.class)
                .optional()
                .map(encrypted -> open(clientId, unwrap(clientId, encrypted, kek).orElseThrow(() ->
                        new IllegalStateException("the keyset of client " + clientId
                                + " does not decrypt with the configured key-encryption key"))));
    }

    private void remember(UUID clientId, Optional<ClientKey> key) {
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(clientId, new Cached(key, clock.instant()));
    }

    private static ClientKey open(UUID clientId, KeysetHandle handle) {
        try {
            return new ClientKey(handle.getPrimitive(RegistryConfiguration.get(), Aead.class), handle.getPrimary().getId());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the keyset of client " + clientId + " holds no usable AEAD key", e);
        }
    }

    private Integer[] keyIds(KeysetHandle handle) {
        return IntStream.range(0, handle.size()).mapToObj(i -> handle.getAt(i).getId()).toArray(Integer[]::new);
    }

    private String wrap(UUID clientId, KeysetHandle handle) {
        try {
            return TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(handle, kek, associatedData(clientId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt a client's keyset under the key-encryption key", e);
        }
    }

    private static Optional<KeysetHandle> unwrap(UUID clientId, String encrypted, Aead wrappingKey) {
        try {
            return Optional.of(TinkJsonProtoKeysetFormat.parseEncryptedKeyset(encrypted, wrappingKey,
                    associatedData(clientId)));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static byte[] associatedData(UUID clientId) {
        return ("securebase journal-service client keyset " + clientId).getBytes(StandardCharsets.US_ASCII);
    }
}
