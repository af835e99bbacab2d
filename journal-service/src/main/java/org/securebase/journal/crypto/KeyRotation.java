package org.securebase.journal.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.google.crypto.tink.KeysetHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rotating the keys without downtime, as one command ({@code POST /actuator/cryptokeys}, operation
 * {@code rotate}):
 * <ol>
 *   <li>give every client's keyset a new primary key ({@link ClientKeys}), and wait until every instance has re-read
 *       the keysets (so each writes with the new key, and can decrypt what any other writes);</li>
 *   <li>re-encrypt every row of every {@link ReEncryptable} column in batches, each row under the current key of the
 *       client it belongs to, with the current binding and a raised seal version; a row a writer changed meanwhile is
 *       left as that writer wrote it. Rows still under the service's keyset of before client keys (ADR 0036) move to
 *       their client's key the same way, so the first rotation is also the migration to client keys;</li>
 *   <li>disable every key no ciphertext names any more (of the clients and of the service's keyset), and stop
 *       accepting the first binding once no ciphertext is left under the service's keyset. Nothing is disabled when
 *       another rotation started meanwhile (the service keyset's revision, claimed at the start, tells).</li>
 * </ol>
 * The rows of an erased client are skipped: their key is gone, and nothing can or should read them again.
 * A ciphertext that does not decrypt under its binding (damaged, or moved to another row by someone with write access
 * to the database) is left as it is and named in the report by table and row id; its key then stays enabled, so a
 * rotation never destroys the evidence nor makes a repaired row unreadable.
 * Reads and writes go on throughout. The report counts the ciphertexts per kind of key before and after.
 */
public class KeyRotation {

    /** The census's names for where a ciphertext is sealed: {@value #CLIENT_CURRENT}, and so on. */
    public static final String CLIENT_CURRENT = "client key, current";
    public static final String CLIENT_EARLIER = "client key, earlier";
    public static final String NO_KEY = "no key (erased client)";
    public static final String SERVICE_KEY = "service keyset ";

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    private final KeyRing keys;
    private final ClientKeys clientKeys;
    private final ClinicalCipher cipher;
    private final List<ReEncryptable> columns;
    private final JdbcClient jdbc;
    private final Duration propagation;
    private final int batchSize;

    KeyRotation(KeyRing keys, ClientKeys clientKeys, ClinicalCipher cipher, List<ReEncryptable> columns, JdbcClient jdbc,
                Duration propagation, int batchSize) {
        this.keys = keys;
        this.clientKeys = clientKeys;
        this.cipher = cipher;
        this.columns = List.copyOf(columns);
        this.jdbc = jdbc;
        this.propagation = propagation;
        this.batchSize = batchSize;
    }

    /**
     * @param before     ciphertexts per kind of key ({@code table.column → kind → rows}) before the rotation: the
     *                   clients' current keys, their earlier keys, a key of the service's keyset (by id), or no key
     *                   any more (an erased client)
     * @param after      the same afterwards
     * @param keys       the service's keyset afterwards (id:status, primary marked)
     * @param clientKeysRotated client keysets given a new primary key
     * @param reEncrypted rows re-encrypted
     * @param leftAsWritten rows a writer changed during the rotation (already under the new key)
     * @param erasedSkipped rows of erased clients, left unreadable as they are
     * @param unreadable  {@code table.column row-id} of each ciphertext that did not decrypt under its binding
     */
    public record Report(Map<String, Map<String, Long>> before, Map<String, Map<String, Long>> after,
                         List<String> keys, long clientKeysRotated, long reEncrypted, long leftAsWritten,
                         long erasedSkipped, List<String> unreadable) {
    }

    public synchronized Report rotate() {
        Map<String, Map<String, Long>> before = census();
        try {
            // Claims the rotation: the keyset's revision, raised here, is checked again before any key is disabled,
            // so a second rotation started meanwhile (on another instance) makes this one leave every key enabled.
            KeyRing.Stored claimed = keys.stored();
            store(claimed, claimed.handle(), claimed.legacyBindingAccepted());
            long claim = keys.stored().revision();
            long rotated = clientKeys.addNewPrimaryKeys();
            awaitPropagation();
            List<String> unreadable = new ArrayList<>();
            long[] counts = reEncryptEverything(unreadable);
            Map<String, Map<String, Long>> after = census();
            Set<Integer> inUse = keyIdsInUse();
            KeyRing.Stored stored = keys.stored();
            if (stored.revision() == claim) {
                // Only keys no ciphertext names any more are disabled: never one that still holds data.
                clientKeys.retireKeysNotIn(inUse);
                boolean legacyLeft = serviceKeyIds().stream().anyMatch(inUse::contains);
                store(stored, Keysets.retireUnused(stored.handle(), inUse), legacyLeft && stored.legacyBindingAccepted());
            } else {
                log.warn("Another key rotation ran meanwhile; this one disabled no key");
            }
            if (!unreadable.isEmpty()) {
                log.warn("Key rotation: {} ciphertexts do not decrypt under their binding and were left as they are: {}",
                        unreadable.size(), unreadable);
            }
            log.info("Key rotation: {} client keysets rotated, {} rows re-encrypted, {} left as a writer wrote them, "
                    + "{} of erased clients skipped", rotated, counts[0], counts[1], counts[2]);
            return new Report(before, after, keys.describe(), rotated, counts[0], counts[1], counts[2],
                    List.copyOf(unreadable));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the key rotation failed", e);
        }
    }

    /**
     * Seals every row of one client under their own current key, as a rotation would: before their key is destroyed,
     * so that no row of theirs is left under the service's keyset of before client keys (which any restored copy of
     * the journal database could still open). Returns how many rows it moved.
     */
    public long sealUnderClientKey(UUID owner) {
        long moved = 0;
        for (ReEncryptable column : columns) {
            for (ReEncryptable.Sealed row : column.ownedBy(owner)) {
                if (reSeal(column, row) == Outcome.RE_ENCRYPTED) {
                    moved++;
                }
            }
        }
        return moved;
    }

    /** What became of one row. */
    private enum Outcome { ALREADY_CURRENT, RE_ENCRYPTED, LEFT_AS_WRITTEN, UNREADABLE, ERASED }

    /**
     * Seals one row again under its client's current key and the current binding, unless it is already so; a row a
     * writer changed meanwhile is left as the writer wrote it. An erased client's row (their key gone, or destroyed
     * meanwhile) is left as it is.
     */
    private Outcome reSeal(ReEncryptable column, ReEncryptable.Sealed row) {
        if (cipher.isCurrent(row.binding(), row.ciphertext())) {
            return Outcome.ALREADY_CURRENT;
        }
        ClinicalCipher.Binding next = row.binding().next();
        byte[] sealed;
        try {
            sealed = cipher.encrypt(next, cipher.decrypt(row.binding(), row.ciphertext()));
        } catch (ErasedClientException erased) {
            return Outcome.ERASED;
        } catch (ClinicalCipher.CiphertextRejectedException rejected) {
            return Outcome.UNREADABLE;
        }
        return column.replace(row.id(), row.ciphertext(), sealed, next.version()) ? Outcome.RE_ENCRYPTED
                : Outcome.LEFT_AS_WRITTEN;
    }

    private Set<Integer> serviceKeyIds() {
        Set<Integer> ids = new HashSet<>();
        KeysetHandle service = keys.handle();
        for (int i = 0; i < service.size(); i++) {
            ids.add(service.getAt(i).getId());
        }
        return ids;
    }

    /** Every key id some ciphertext in some column names. */
    private Set<Integer> keyIdsInUse() {
        Set<Integer> ids = new HashSet<>();
        for (ReEncryptable column : columns) {
            jdbc.sql("select distinct substring(" + column.column() + " from 2 for 4) as key_id from " + column.table()
                            + " where " + column.column() + " is not null")
                    .query(rs -> {
                        byte[] bytes = rs.getBytes("key_id");
                        if (bytes.length == 4) {
                            ids.add(ByteBuffer.wrap(bytes).getInt());
                        }
                    });
        }
        return ids;
    }

    /** Ciphertexts per kind of key in every column. */
    public Map<String, Map<String, Long>> census() {
        Set<Integer> serviceKeys = serviceKeyIds();
        ClientKeys.KeyIds clientKeyIds = clientKeys.keyIds();
        Map<String, Map<String, Long>> census = new LinkedHashMap<>();
        for (ReEncryptable column : columns) {
            Map<String, Long> perKind = new LinkedHashMap<>();
            jdbc.sql("select substring(" + column.column() + " from 2 for 4) as key_id, count(*) as n from "
                            + column.table() + " where " + column.column() + " is not null group by 1 order by 1")
                    .query(rs -> {
                        byte[] bytes = rs.getBytes("key_id");
                        int id = bytes.length == 4 ? ByteBuffer.wrap(bytes).getInt() : -1;
                        // Key ids are random 32-bit numbers, so two keys may share one: the order makes such a row
                        // count as the kind that keeps more keys (a label only; keys are retired by the ids in use).
                        String kind = serviceKeys.contains(id) ? SERVICE_KEY + id
                                : clientKeyIds.earlier().contains(id) ? CLIENT_EARLIER
                                : clientKeyIds.current().contains(id) ? CLIENT_CURRENT
                                : NO_KEY;
                        perKind.merge(kind, rs.getLong("n"), Long::sum);
                    });
            census.put(column.table() + "." + column.column(), perKind);
        }
        return census;
    }

    private long[] reEncryptEverything(List<String> unreadable) {
        long reEncrypted = 0;
        long leftAsWritten = 0;
        long erasedSkipped = 0;
        for (ReEncryptable column : columns) {
            UUID after = null;
            while (true) {
                List<ReEncryptable.Sealed> batch = column.after(after, batchSize);
                for (ReEncryptable.Sealed row : batch) {
                    switch (reSeal(column, row)) {
                        case RE_ENCRYPTED -> reEncrypted++;
                        case LEFT_AS_WRITTEN -> leftAsWritten++;
                        case ERASED -> erasedSkipped++;
                        case UNREADABLE -> unreadable.add(column.table() + "." + column.column() + " " + row.id());
                        case ALREADY_CURRENT -> { }
                    }
                }
                if (batch.size() < batchSize) {
                    break;
                }
                after = batch.get(batch.size() - 1).id();
            }
        }
        return new long[] {reEncrypted, leftAsWritten, erasedSkipped};
    }

    private void store(KeyRing.Stored stored, KeysetHandle next, boolean legacyBindingAccepted) {
        if (!keys.store(stored.revision(), next, legacyBindingAccepted)) {
            throw new IllegalStateException("the keyset changed during the rotation (another rotation?); run it again");
        }
    }

    /** Every instance re-reads the keyset at least once per refresh interval; this waits for two of them. */
    private void awaitPropagation() {
        try {
            Thread.sleep(propagation.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the key rotation", e);
        }
    }

    List<ReEncryptable> columns() {
        return new ArrayList<>(columns);
    }
}
