package org.securebase.journal.crypto;

import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.google.crypto.tink.KeysetHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rotating the keyset without downtime, as one command ({@code POST /actuator/cryptokeys}, operation
 * {@code rotate}):
 * <ol>
 *   <li>add a new key, enabled but not primary, and wait until every instance has re-read the keyset (so each can
 *       decrypt what any other is about to write);</li>
 *   <li>make it primary, and wait again: from then on every write uses it;</li>
 *   <li>re-encrypt every row of every {@link ReEncryptable} column in batches, each row with the current binding and
 *       a raised seal version; a row a writer changed meanwhile is left as that writer wrote it;</li>
 *   <li>when no ciphertext is left under another key, disable the other keys and stop accepting the first binding.</li>
 * </ol>
 * A ciphertext that does not decrypt under its binding (damaged, or moved to another row by someone with write access
 * to the database) is left as it is and named in the report by table and row id; its key then stays enabled, so a
 * rotation never destroys the evidence nor makes a repaired row unreadable.
 * Reads and writes go on throughout. The report counts the ciphertexts per key id before and after.
 */
public class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    private final KeyRing keys;
    private final ClinicalCipher cipher;
    private final List<ReEncryptable> columns;
    private final JdbcClient jdbc;
    private final Duration propagation;
    private final int batchSize;

    KeyRotation(KeyRing keys, ClinicalCipher cipher, List<ReEncryptable> columns, JdbcClient jdbc, Duration propagation,
                int batchSize) {
        this.keys = keys;
        this.cipher = cipher;
        this.columns = List.copyOf(columns);
        this.jdbc = jdbc;
        this.propagation = propagation;
        this.batchSize = batchSize;
    }

    /**
     * @param before     ciphertexts per key id ({@code table.column → key id → rows}) before the rotation
     * @param after      the same afterwards
     * @param keys       the keyset afterwards (id:status, primary marked)
     * @param reEncrypted rows re-encrypted
     * @param leftAsWritten rows a writer changed during the rotation (already under the new key)
     * @param unreadable  {@code table.column row-id} of each ciphertext that did not decrypt under its binding
     */
    public record Report(Map<String, Map<Integer, Long>> before, Map<String, Map<Integer, Long>> after,
                         List<String> keys, long reEncrypted, long leftAsWritten, List<String> unreadable) {
    }

    public synchronized Report rotate() {
        Map<String, Map<Integer, Long>> before = census();
        try {
            KeyRing.Stored stored = keys.stored();
            KeysetHandle added = Keysets.withNewKey(stored.handle());
            int newKey = Keysets.newestKeyId(added);
            store(stored, added, stored.legacyBindingAccepted());
            awaitPropagation();
            stored = keys.stored();
            store(stored, Keysets.promote(stored.handle(), newKey), stored.legacyBindingAccepted());
            awaitPropagation();
            List<String> unreadable = new ArrayList<>();
            long[] counts = reEncryptEverything(unreadable);
            Map<String, Map<Integer, Long>> after = census();
            boolean onlyNewKey = after.values().stream().allMatch(perKey -> perKey.keySet().stream().allMatch(id -> id == newKey));
            if (onlyNewKey) {
                stored = keys.stored();
                store(stored, Keysets.retireAllButPrimary(stored.handle()), false);
            } else {
                log.warn("Ciphertexts under other keys remain after re-encryption; the old keys stay enabled: {}", after);
            }
            if (!unreadable.isEmpty()) {
                log.warn("Key rotation: {} ciphertexts do not decrypt under their binding and were left as they are: {}",
                        unreadable.size(), unreadable);
            }
            log.info("Key rotation: {} rows re-encrypted, {} left as a writer wrote them; keys now {}", counts[0],
                    counts[1], keys.describe());
            return new Report(before, after, keys.describe(), counts[0], counts[1], List.copyOf(unreadable));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the key rotation failed", e);
        }
    }

    /** Ciphertexts per key id in every column. */
    public Map<String, Map<Integer, Long>> census() {
        Map<String, Map<Integer, Long>> census = new LinkedHashMap<>();
        for (ReEncryptable column : columns) {
            Map<Integer, Long> perKey = new LinkedHashMap<>();
            jdbc.sql("select substring(" + column.column() + " from 2 for 4) as key_id, count(*) as n from "
                            + column.table() + " where " + column.column() + " is not null group by 1 order by 1")
                    .query(rs -> {
                        byte[] id = rs.getBytes("key_id");
                        perKey.put(id.length == 4 ? java.nio.ByteBuffer.wrap(id).getInt() : -1, rs.getLong("n"));
                    });
            census.put(column.table() + "." + column.column(), perKey);
        }
        return census;
    }

    private long[] reEncryptEverything(List<String> unreadable) {
        long reEncrypted = 0;
        long leftAsWritten = 0;
        for (ReEncryptable column : columns) {
            UUID after = null;
            while (true) {
                List<ReEncryptable.Sealed> batch = column.after(after, batchSize);
                for (ReEncryptable.Sealed row : batch) {
                    if (cipher.isCurrent(row.binding(), row.ciphertext())) {
                        continue;
                    }
                    String plaintext;
                    try {
                        plaintext = cipher.decrypt(row.binding(), row.ciphertext());
                    } catch (ClinicalCipher.CiphertextRejectedException e) {
                        unreadable.add(column.table() + "." + column.column() + " " + row.id());
                        continue;
                    }
                    ClinicalCipher.Binding next = row.binding().next();
                    if (column.replace(row.id(), row.ciphertext(), cipher.encrypt(next, plaintext), next.version())) {
                        reEncrypted++;
                    } else {
                        leftAsWritten++;
                    }
                }
                if (batch.size() < batchSize) {
                    break;
                }
                after = batch.get(batch.size() - 1).id();
            }
        }
        return new long[] {reEncrypted, leftAsWritten};
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
