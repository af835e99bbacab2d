package org.securebase.journal.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Set;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * Creating, reading and rotating Tink JSON keysets of AES-256-GCM keys. The JSON is cleartext key material:
 * whoever holds it can read every answer and entry, so it lives in a secret store or a file only the service
 * user can read, never in the repository or the logs.
 */
public final class Keysets {

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink AEAD could not be registered", e);
        }
    }

    private Keysets() {
    }

    /** A new keyset with one AES-256-GCM key, as Tink JSON. */
    public static String generate() {
        try {
            return serialize(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not generate a keyset", e);
        }
    }

    /**
     * The keyset with a new AES-256-GCM key added as primary. The old keys stay enabled, so everything encrypted
     * with them still decrypts; new ciphertexts use the new key (its id is in each ciphertext's 5-byte prefix).
     */
    public static String rotate(String keysetJson) {
        try {
            KeysetHandle current = parse(keysetJson);
            KeysetHandle rotated = KeysetHandle.newBuilder(current)
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId()
                            .makePrimary())
                    .build();
            return serialize(rotated);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not rotate the keyset", e);
        }
    }

    static KeysetHandle parse(String keysetJson) {
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) {
            // Tink's message could quote the input; the keyset must never reach a log.
            throw new IllegalStateException("the configured keyset is not a valid Tink JSON keyset");
        }
    }

    static String serialize(KeysetHandle handle) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
    }

    /**
     * Creates {@code file} holding a fresh keyset unless it exists (another instance may have won the race:
     * then its keyset is used). Owner-only permissions where the file system supports them.
     */
    static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try {
                    Files.writeString(file, generate(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
                    restrictToOwner(file);
                } catch (FileAlreadyExistsException raced) {
                    // fine: read the one that is there
                }
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the keyset file " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
        }
    }
}
