package org.securebase.journal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.securebase.journal.JournalServiceIntegrationTest;
import org.securebase.journal.crypto.ClinicalCipher.Binding;
import org.securebase.journal.crypto.ClinicalCipher.Field;
import org.securebase.journal.support.Api;
import org.securebase.journal.support.Projections;
import org.securebase.platform.embedded.PostgresServer;
import org.securebase.platform.events.Topics;
import org.securebase.platform.test.TestBackends;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Erasure by destroying a client's key, against real PostgreSQL and Kafka: a dump of the journal's entries taken
 * before the erasure, restored afterwards, holds nothing that decrypts for the erased client, while another client's
 * rows in the same dump read as before; the erased client gets no new key, and the projection forgets their name.
 */
@JournalServiceIntegrationTest
class ClientKeysIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ClinicalCipher cipher;

    @Autowired
    ClientKeys clientKeys;

    @Autowired
    KeyVault vault;

    @Autowired
    KeyRing serviceKeys;

    @Test
    void aDumpRestoredAfterTheErasureHoldsNothingOfTheErasedClientThatDecrypts() throws Exception {
        UUID erased = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        activateClient(erased, "Erin Erasure");
        activateClient(kept, "Kim Kept");
        Map<UUID, String> erasedEntries = writeEntries(erased, 3);
        Map<UUID, String> keptEntries = writeEntries(kept, 2);
        UUID fromBefore = writeUnderTheServiceKeyset(erased);
        assertThat(vaultRows(erased)).isEqualTo(1);

        byte[] dump = copyOut("select * from journal_entry");

        Projections.send(Topics.ACCOUNTS, erased.toString(), Projections.accountEvent(UUID.randomUUID(),
                "AccountErased", erased, Api.map("accountId", erased.toString(),
                        "sequence", Projections.nextSequence(erased), "role", "CLIENT",
                        "erasedAt", Instant.now().toString())));
        await().atMost(Duration.ofSeconds(30)).until(() -> clientKeys.isErased(erased));
        assertThat(vaultRows(erased)).as("the client's keyset is gone from the vault").isZero();

        String schema = restore(dump);
        List<Row> restored;
        try {
            restored = jdbc.sql("select id, client_id, assignment_id, sealed_version, content from " + schema
                        + ".journal_entry where client_id in (:clients)")
                .param("clients", List.of(erased, kept))
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
                        rs.getObject("assignment_id", UUID.class), rs.getLong("sealed_version"), rs.getBytes("content")))
                .list();
        } finally {
            asOwner("drop schema " + schema + " cascade");
        }
        assertThat(restored).hasSize(6);
        for (Row row : restored) {
            Binding binding = new Binding(Field.ENTRY, row.id(), row.clientId(), row.assignmentId(), null, row.version());
            if (row.clientId().equals(erased)) {
                assertThatThrownBy(() -> cipher.decrypt(binding, row.content())).as("restored row " + row.id())
                        .isInstanceOf(ErasedClientException.class);
            } else {
                assertThat(cipher.decrypt(binding, row.content())).isEqualTo(keptEntries.get(row.id()));
            }
        }
        assertThat(erasedEntries).hasSize(3);
        byte[] sealedSince = jdbc.sql("select content from journal_entry where id = :id").param("id", fromBefore)
                .query(byte[].class).single();
        assertThat(ClinicalCipher.keyIdOf(sealedSince)).as("moved off the service's keyset before the key was destroyed")
                .isNotEqualTo(serviceKeys.primaryKeyId());
        Aead service = serviceKeys.handle().getPrimitive(RegistryConfiguration.get(), Aead.class);
        assertThatThrownBy(() -> service.decrypt(sealedSince, ClinicalCipher.associatedData(
                new Binding(Field.ENTRY, fromBefore, erased, null, null, 2))))
                .as("the service's keyset, in any restored copy, no longer opens it")
                .isInstanceOf(GeneralSecurityException.class);

        assertThatThrownBy(() -> cipher.encrypt(new Binding(Field.ENTRY, UUID.randomUUID(), erased, null, null, 1), "x"))
                .as("a late write brings no new key").isInstanceOf(ErasedClientException.class);
        assertThat(vaultRows(erased)).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "select display_name is null and status = 'DEACTIVATED' from account_projection where account_id = :id")
                .param("id", erased).query(Boolean.class).single());
        assertThat(jdbc.sql("select display_name from account_projection where account_id = :id").param("id", kept)
                .query(String.class).single()).isEqualTo("Kim Kept");
        System.out.printf("client-erasure restored-rows=%d erased-unreadable=%d kept-readable=%d%n", restored.size(),
                restored.stream().filter(row -> row.clientId().equals(erased)).count(),
                restored.stream().filter(row -> row.clientId().equals(kept)).count());
    }

    /** Replacing the key-encryption key: every client's keyset is re-wrapped under the new one, its keys unchanged. */
    @Test
    void everyClientKeysetMovesToANewKeyEncryptionKey() throws GeneralSecurityException {
        PostgresServer.Database database = TestBackends.postgres().database("journal_keys_rewrap", "journal_keys_rewrap",
                "journal_keys_rewrap");
        try (KeyVault other = KeyVault.open(new KeyVaultProperties(database.jdbcUrl(), database.username(),
                database.password(), 2))) {
            Aead oldKek = newKek();
            Aead newKek = newKek();
            ClientKeys before = new ClientKeys(other.jdbc(), oldKek, Optional.empty(), Duration.ofMinutes(1), Clock.systemUTC());
            List<UUID> clients = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            List<byte[]> sealed = new ArrayList<>();
            for (UUID client : clients) {
                sealed.add(before.obtain(client).aead().encrypt(client.toString().getBytes(), new byte[0]));
            }

            assertThatThrownBy(() -> new ClientKeys(other.jdbc(), newKek, Optional.empty(), Duration.ofMinutes(1),
                    Clock.systemUTC()).find(clients.get(0))).hasMessageContaining("does not decrypt");
            new ClientKeys(other.jdbc(), newKek, Optional.of(oldKek), Duration.ofMinutes(1), Clock.systemUTC());
            ClientKeys after = new ClientKeys(other.jdbc(), newKek, Optional.empty(), Duration.ofMinutes(1), Clock.systemUTC());
            for (int i = 0; i < clients.size(); i++) {
                assertThat(new String(after.find(clients.get(i)).orElseThrow().aead().decrypt(sealed.get(i), new byte[0])))
                        .isEqualTo(clients.get(i).toString());
            }
            UUID first = clients.get(0);
            assertThatThrownBy(() -> new ClientKeys(other.jdbc(), oldKek, Optional.empty(), Duration.ofMinutes(1),
                    Clock.systemUTC()).find(first)).as("the old key no longer opens them").hasMessageContaining("does not decrypt");
        }
    }

    private record Row(UUID id, UUID clientId, UUID assignmentId, long version, byte[] content) {
    }

    private void activateClient(UUID client, String name) {
        Projections.send(Topics.ACCOUNTS, client.toString(), Projections.accountEvent(UUID.randomUUID(),
                "AccountActivated", client, Api.map("accountId", client.toString(),
                        "sequence", Projections.nextSequence(client), "role", "CLIENT", "displayName", name,
                        "activatedAt", Instant.now().toString())));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "select exists(select 1 from account_projection where account_id = :id and status = 'ACTIVE')")
                .param("id", client).query(Boolean.class).single());
    }

    /** Entries sealed as the entry feature seals them, under the service's cipher (so under the client's own key). */
    private Map<UUID, String> writeEntries(UUID client, int count) {
        Map<UUID, String> written = new java.util.LinkedHashMap<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            String plaintext = "{\"title\":\"Entry " + i + "\",\"body\":\"What " + client + " wrote.\",\"mood\":null}";
            jdbc.sql("""
                            insert into journal_entry (id, client_id, content, created_at, updated_at, version, sealed_version)
                            values (:id, :client, :content, :now, :now, 0, 1)""")
                    .param("id", id).param("client", client)
                    .param("content", cipher.encrypt(new Binding(Field.ENTRY, id, client, null, null, 1), plaintext))
                    .param("now", now).update();
            written.put(id, plaintext);
        }
        return written;
    }

    /** A row as written before clients had keys of their own: under the service's keyset. */
    private UUID writeUnderTheServiceKeyset(UUID client) throws GeneralSecurityException {
        UUID id = UUID.randomUUID();
        Aead service = serviceKeys.handle().getPrimitive(RegistryConfiguration.get(), Aead.class);
        byte[] content = service.encrypt("{\"title\":\"Old\",\"body\":\"Written long ago.\",\"mood\":null}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                ClinicalCipher.associatedData(new Binding(Field.ENTRY, id, client, null, null, 1)));
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                        insert into journal_entry (id, client_id, content, created_at, updated_at, version, sealed_version)
                        values (:id, :client, :content, :now, :now, 0, 1)""")
                .param("id", id).param("client", client).param("content", content).param("now", now).update();
        return id;
    }

    private long vaultRows(UUID client) {
        return vault.jdbc().sql("select count(*) from client_keyset where client_id = :client").param("client", client)
                .query(Long.class).single();
    }

    /** What pg_dump's data section holds for a table: its rows in COPY's format. */
    private byte[] copyOut(String query) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            connection.unwrap(PGConnection.class).getCopyAPI().copyOut("copy (" + query + ") to stdout", out);
            return out.toByteArray();
        }
    }

    /** Restores the dump into a schema of its own, as the table's owner (a restore is the owner's work). */
    private String restore(byte[] dump) throws Exception {
        String schema = "restored_" + Long.toHexString(System.nanoTime());
        PostgresServer.Database owner = TestBackends.postgres().database("journal", "journal", "journal");
        DriverManagerDataSource ownerSource = new DriverManagerDataSource(owner.jdbcUrl(), owner.username(), owner.password());
        try (Connection connection = ownerSource.getConnection()) {
            try (var statement = connection.createStatement()) {
                statement.execute("create schema " + schema);
                statement.execute("create table " + schema + ".journal_entry (like public.journal_entry including all)");
                statement.execute("grant usage on schema " + schema + " to journal_app");
                statement.execute("grant select on " + schema + ".journal_entry to journal_app");
            }
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + schema + ".journal_entry from stdin", new ByteArrayInputStream(dump));
        }
        return schema;
    }

    private static void asOwner(String statement) {
        PostgresServer.Database owner = TestBackends.postgres().database("journal", "journal", "journal");
        JdbcClient.create(new DriverManagerDataSource(owner.jdbcUrl(), owner.username(), owner.password()))
                .sql(statement).update();
    }

    private static Aead newKek() throws GeneralSecurityException {
        return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM).getPrimitive(RegistryConfiguration.get(), Aead.class);
    }
}
