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
            KeysetHandle added = withNewKey(parse(keysetJson));
            return serialize(promote(added, newestKeyId(added)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not rotate the keyset", e);
        }
    }

    /** A new AES-256-GCM key, enabled but not primary: every instance must be able to read it before anyone writes with it. */
    static KeysetHandle withNewKey(KeysetHandle handle) throws GeneralSecurityException {
        return KeysetHandle.newBuilder(handle)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId())
                .build();
    }

    static int newestKeyId(KeysetHandle handle) {
        return handle.getAt(handle.size() - 1).getId();
    }

    static KeysetHandle promote(KeysetHandle handle, int keyId) throws GeneralSecurityException {
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
        // The builder keeps the handle's order; its entries do not expose their ids.
        for (int i = 0; i < handle.size(); i++) {
            if (handle.getAt(i).getId() == keyId) {
                builder.getAt(i).makePrimary();
            }
        }
        return builder.build();
    }

    /** Disables every key but the primary: nothing decrypts with them any more, and they can later be deleted. */
    static KeysetHandle retireAllButPrimary(KeysetHandle handle) throws GeneralSecurityException {
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
        for (int i = 0; i < builder.size(); i++) {
            if (!builder.getAt(i).isPrimary()) {
                builder.getAt(i).setStatus(com.google.crypto.tink.KeyStatus.DISABLED);
            }
        }
        return builder.build();
    }

    /** Disables every key that is neither the primary nor named in {@code inUse}. */
    static KeysetHandle retireUnused(KeysetHandle handle, java.util.Set<Integer> inUse) throws GeneralSecurityException {
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
        for (int i = 0; i < builder.size(); i++) {
            // The builder keeps the handle's order, so entry i is the handle's key i.
            if (!builder.getAt(i).isPrimary() && !inUse.contains(handle.getAt(i).getId())) {
                builder.getAt(i).setStatus(com.google.crypto.tink.KeyStatus.DISABLED);
            }
        }
        return builder.build();
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

    /** Creates {@code file} holding a fresh keyset (owner-only permissions where the file system has them). */
    static void createFile(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.writeString(file, generate(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                restrictToOwner(file);
            } catch (FileAlreadyExistsException raced) {
                // fine: another instance made it; use that one
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the key file " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
        }
    }
}
