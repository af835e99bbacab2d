package org.securebase.journal.crypto;

import java.util.List;
import java.util.UUID;

/**
 * A column of clinical ciphertext that a key rotation re-encrypts: implemented by the feature that owns the table,
 * which alone knows how to bind each row ({@link ClinicalCipher.Binding}).
 */
public interface ReEncryptable {

    /** The table and its ciphertext column, for the rotation's report. */
    String table();

    String column();

    /** Up to {@code limit} rows with an id above {@code after} (null: from the start), in id order. */
    List<Sealed> after(UUID after, int limit);

    /** Every row of one client (the bindings' owner): what an erasure must seal under their key before destroying it. */
    List<Sealed> ownedBy(UUID owner);

    /**
     * Replaces a row's ciphertext and raises its seal version, unless the row changed since it was read (its
     * ciphertext is no longer {@code expected}): then the writer that changed it used the current key already.
     */
    boolean replace(UUID id, byte[] expected, byte[] replacement, long version);

    /** A row's ciphertext and where it belongs. */
    record Sealed(UUID id, ClinicalCipher.Binding binding, byte[] ciphertext) {
    }
}
