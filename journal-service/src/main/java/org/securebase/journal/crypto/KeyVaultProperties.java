package org.securebase.journal.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key vault: the database that holds each client's keyset (ADR 0036), apart from the journal database so that no
 * dump or backup of the journal holds a key. journal-service alone reads it, as its own role, which owns the vault's
 * tables and migrates them at start.
 *
 * @param url         its JDBC URL
 * @param username    the vault's role
 * @param password    its password
 * @param maximumPoolSize connections to it per instance (keysets are cached, so few are needed)
 */
@ConfigurationProperties("securebase.journal.key-vault")
public record KeyVaultProperties(String url, String username, String password,
                                 @DefaultValue("4") int maximumPoolSize) {
}
