package org.securebase.journal.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KmsClient;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.integration.awskms.AwsKmsClient;
import com.google.crypto.tink.integration.gcpkms.GcpKmsClient;

/**
 * The key-encryption key (KEK) that wraps the service's keyset: where it lives is named by
 * {@code securebase.journal.crypto.kek-uri}.
 *
 * <ul>
 *   <li>{@code gcp-kms://projects/…/locations/…/keyRings/…/cryptoKeys/…}: Google Cloud KMS (credentials from the
 *       environment: workload identity or {@code GOOGLE_APPLICATION_CREDENTIALS});</li>
 *   <li>{@code aws-kms://arn:aws:kms:…:key/…}: AWS KMS (credentials from the default provider chain: an IAM role);</li>
 *   <li>{@code file:/path/master-key.json}: a Tink keyset in a file, for the local stack and the tests (and a
 *       practice without a KMS, with the file on a mounted secret volume readable only by the service).</li>
 * </ul>
 * The KEK never leaves the KMS there; the file holds it in cleartext, so it is never an environment variable.
 */
final class MasterKeys {

    private MasterKeys() {
    }

    static Aead open(String kekUri, boolean createFileIfMissing) {
        if (kekUri == null || kekUri.isBlank()) {
            throw new IllegalStateException("No key-encryption key: set securebase.journal.crypto.kek-uri to a KMS key "
                    + "(gcp-kms://… or aws-kms://…) or, without a KMS, to file:<path of a master key file>");
        }
        try {
            if (kekUri.startsWith("gcp-kms://")) {
                return kms(new GcpKmsClient().withDefaultCredentials(), kekUri);
            }
            if (kekUri.startsWith("aws-kms://")) {
                return kms(new AwsKmsClient().withDefaultCredentials(), kekUri);
            }
            if (kekUri.startsWith("file:")) {
                Path file = masterKeyPath(kekUri);
                return masterKeyFile(file, createFileIfMissing);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the key-encryption key " + scheme(kekUri) + " cannot be used", e);
        }
        throw new IllegalStateException("securebase.journal.crypto.kek-uri must start with gcp-kms://, aws-kms:// or file:");
    }

    /** {@code file:///abs/key.json} and {@code file:/abs/key.json} are absolute; {@code file:relative/key.json} is relative to the working directory. */
    static Path masterKeyPath(String kekUri) {
        String location = kekUri.substring("file:".length());
        if (location.startsWith("//")) {
            return Path.of(URI.create(kekUri));
        }
        if (location.isBlank()) {
            throw new IllegalStateException("securebase.journal.crypto.kek-uri file: needs the path of the master key file");
        }
        return Path.of(location);
    }

    private static Aead kms(KmsClient client, String uri) throws GeneralSecurityException {
        return client.getAead(uri);
    }

    private static Aead masterKeyFile(Path file, boolean createIfMissing) throws GeneralSecurityException {
        try {
            if (!Files.exists(file)) {
                if (!createIfMissing) {
                    throw new IllegalStateException("the master key file " + file + " does not exist");
                }
                Keysets.createFile(file);
            }
            return Keysets.parse(Files.readString(file, StandardCharsets.UTF_8))
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the master key file " + file, e);
        }
    }

    private static String scheme(String uri) {
        int colon = uri.indexOf(':');
        return colon < 0 ? "(unknown)" : uri.substring(0, colon);
    }
}
