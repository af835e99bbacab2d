package org.securebase.journal.crypto;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the keys come from (docs/operations.md, "Keys").
 *
 * @param kekUri              the key-encryption key that wraps the keyset: {@code gcp-kms://…}, {@code aws-kms://…}
 *                            or {@code file:<path>} (a master key file on a mounted secret volume)
 * @param previousKekUri      while the key-encryption key is being replaced: the one the keyset is stored under now,
 *                            from which it is re-wrapped under {@code kekUri} at start; unset otherwise
 * @param generateDevMasterKey create the {@code file:} master key when it does not exist: the local stack and the
 *                            tests only; never in production, where a missing KEK must stop the service
 * @param keysetFile          a cleartext Tink JSON keyset from before keysets were kept in the database: imported once
 *                            (encrypted under the KEK) on a database that has none yet, then no longer read
 * @param refreshInterval     how often an instance checks whether the stored keyset changed
 * @param rotationPropagation how long a rotation waits after each keyset change for every instance to re-read it
 * @param rotationBatchSize   rows re-encrypted per batch
 */
@ConfigurationProperties("securebase.journal.crypto")
public record CryptoProperties(String kekUri, String previousKekUri, @DefaultValue("false") boolean generateDevMasterKey, Path keysetFile,
                               @DefaultValue("PT5S") Duration refreshInterval,
                               @DefaultValue("PT15S") Duration rotationPropagation,
                               @DefaultValue("500") int rotationBatchSize) {
}
