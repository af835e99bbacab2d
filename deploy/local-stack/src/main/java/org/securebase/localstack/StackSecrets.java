package org.securebase.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * Secrets the local stack invents on first start and keeps in its data folder (readable by the owner
 * only), so a restart finds the same database passwords, client secrets and demo password.
 */
final class StackSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Properties values = new Properties();

    private StackSecrets(Path file) {
        this.file = file;
    }

    static StackSecrets load(Path dataDirectory) {
        StackSecrets secrets = new StackSecrets(dataDirectory.resolve("secrets.properties"));
        if (Files.exists(secrets.file)) {
            try (Reader reader = Files.newBufferedReader(secrets.file)) {
                secrets.values.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return secrets;
    }

    /** The stored value, or a new random one that is stored. */
    String getOrCreate(String name) {
        return getOrCreate(name, 18);
    }

    /** A secret of {@code randomBytes} random bytes (Base64url), made on first use and kept. */
    String getOrCreate(String name, int randomBytes) {
        String value = values.getProperty(name);
        if (value == null) {
            value = randomSecret(randomBytes);
            set(name, value);
        }
        return value;
    }

    void set(String name, String value) {
        values.setProperty(name, value);
        save();
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.createFile(file);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // best effort on file systems without POSIX permissions
                }
            }
            try (Writer writer = Files.newBufferedWriter(file)) {
                values.store(writer, "Secure Base local stack secrets - generated, keep private");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 18 random bytes, URL-safe: long enough for the realm's 12-character password policy. */
    static String randomSecret() {
        return randomSecret(18);
    }

    static String randomSecret(int randomBytes) {
        byte[] bytes = new byte[randomBytes];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
