package org.securebase.journal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.journal.JournalServiceIntegrationTest;
import org.securebase.journal.crypto.ClinicalCipher.Binding;
import org.securebase.journal.crypto.ClinicalCipher.Field;
import org.securebase.journal.support.Api;
import org.securebase.journal.support.People;
import org.securebase.journal.support.Projections;
import org.securebase.journal.support.Projections.ArticleList;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.RegistryConfiguration;

import tools.jackson.databind.JsonNode;

/**
 * A key rotation on a database with 10,000 rows encrypted under the service's keyset, as written before clients had
 * keys of their own, half of them still in the first binding (as written before the binding included assignment,
 * prompt and version), while a client keeps reading and writing: afterwards every ciphertext is under its client's
 * current key and the current binding, every one reads back, no ciphertext is left under the service's keyset, and
 * not one request failed meanwhile. So the first rotation is also the migration to client keys.
 */
@JournalServiceIntegrationTest
class KeyRotationIT {

    private static final int ROWS = 10_000;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    KeyRing keys;

    @Autowired
    ClinicalCipher cipher;

    @Autowired
    ClientKeys clientKeys;

    @Autowired
    KeyRotation rotation;

    @Autowired
    CryptoProperties properties;

    @Autowired
    PlatformTransactionManager transactions;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        new Projections(jdbc, listeners).standardCaseloads();
    }

    @Test
    void tenThousandRowsAreReEncryptedUnderANewKeyWhileReadsAndWritesGoOn() throws Exception {
        UUID client = People.OTHER_CLIENT.id();
        insertEntries(client);
        saveAMeasureAnswer(client);
        int serviceKey = keys.primaryKeyId();
        Map<String, Map<String, Long>> before = rotation.census();
        assertThat(before.get("journal_entry.content").get(KeyRotation.SERVICE_KEY + serviceKey))
                .isGreaterThanOrEqualTo(ROWS);
        Optional<Integer> clientKeyBefore = clientKeys.find(client).map(ClientKeySource.ClientKey::primaryKeyId);

        AtomicBoolean rotating = new AtomicBoolean(true);
        AtomicLong requests = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        ExecutorService load = Executors.newFixedThreadPool(2);
        Future<?> reader = load.submit(() -> {
            while (rotating.get()) {
                count(api.get("/api/journal/entries?limit=50", People.OTHER_CLIENT.token()), requests, failures);
            }
        });
        Future<?> writer = load.submit(() -> {
            while (rotating.get()) {
                count(api.post("/api/journal/entries", People.OTHER_CLIENT.token(),
                        Api.map("title", "During the rotation", "body", "Written while the keys turn.")), requests, failures);
            }
        });
        KeyRotation.Report report;
        try {
            report = rotation.rotate();
        } finally {
            rotating.set(false);
            reader.get(60, TimeUnit.SECONDS);
            writer.get(60, TimeUnit.SECONDS);
            load.shutdown();
        }

        int clientKey = clientKeys.find(client).orElseThrow().primaryKeyId();
        assertThat(Optional.of(clientKey)).as("a new key for a client who had one").isNotEqualTo(clientKeyBefore);
        assertThat(requests.get()).as("reads and writes during the rotation").isPositive();
        assertThat(failures.get()).as("failed requests during the rotation").isZero();
        assertThat(report.reEncrypted()).isGreaterThanOrEqualTo(ROWS);
        assertThat(report.unreadable()).isEmpty();
        // a column may hold no rows yet when this test runs first; erased clients' rows stay without a key
        assertThat(report.after()).allSatisfy((column, perKind) -> assertThat(perKind.keySet()).as(column)
                .isSubsetOf(KeyRotation.CLIENT_CURRENT, KeyRotation.NO_KEY));
        assertThat(report.after().get("journal_entry.content")).containsKey(KeyRotation.CLIENT_CURRENT);
        assertThat(jdbc.sql("select count(*) from journal_entry where client_id = :client and substring(content from 2 for 4) = :key")
                .param("client", client).param("key", java.nio.ByteBuffer.allocate(4).putInt(clientKey).array())
                .query(Long.class).single()).as("under the client's own current key").isGreaterThanOrEqualTo(ROWS);
        assertThat(keys.legacyBindingAccepted()).as("the first binding is no longer read").isFalse();
        assertThat(rotation.columns().stream().mapToLong(this::readEveryRow).sum()).isGreaterThanOrEqualTo(ROWS);
        System.out.printf("key-rotation rows=%d re-encrypted=%d left-as-written=%d requests=%d errors=%d before=%s after=%s%n",
                ROWS, report.reEncrypted(), report.leftAsWritten(), requests.get(), failures.get(), report.before(),
                report.after());
    }

    /**
     * The census must find every ciphertext column populated, or it would check nothing about that column; the other
     * test classes sharing this database never answer a measure, so one answer is saved here through the API.
     */
    private void saveAMeasureAnswer(UUID client) {
        Api.Response scheduled = api.post("/api/journal/measures/schedules", People.OTHER_THERAPIST.token(),
                Api.map("clientId", client.toString(), "instrument", "gad-7"));
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        UUID instance = jdbc.sql("select id from measure_instance where schedule_id = :schedule")
                .param("schedule", UUID.fromString(scheduled.json().get("id").asString())).query(UUID.class).single();
        Api.Response answered = api.put("/api/journal/measures/" + instance + "/answers/1", People.OTHER_CLIENT.token(),
                Api.map("value", 2));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
    }

    @Test
    void anAnswerMovedOntoAnotherPromptOfTheSameClientNoLongerReadsAndARotationLeavesItForInvestigation() {
        UUID article = new Projections(jdbc, listeners).publishArticle("Moved answers", new ArticleList("l", List.of("a")));
        JsonNode created = api.post("/api/journal/assignments", People.THERAPIST.token(), Api.map(
                "clientId", People.CLIENT.id().toString(), "articleId", article.toString(),
                "prompts", List.of(Api.map("kind", "TEXT", "question", "First?"), Api.map("kind", "TEXT", "question", "Second?")),
                "dueAt", Instant.now().plusSeconds(86_400).toString())).json();
        String assignment = created.get("id").asString();
        JsonNode prompts = api.get("/api/journal/assignments/" + assignment, People.CLIENT.token()).json().get("prompts");
        for (JsonNode prompt : prompts) {
            assertThat(api.put("/api/journal/assignments/" + assignment + "/answers/" + prompt.get("id").asString(),
                    People.CLIENT.token(), Api.map("text", "Answer to " + prompt.get("question").asString())).status())
                    .isEqualTo(200);
        }
        assertThat(api.get("/api/journal/assignments/" + assignment, People.CLIENT.token()).status()).isEqualTo(200);

        // Someone with write access to the database puts the first answer's ciphertext in the second's place.
        List<byte[]> contents = jdbc.sql("""
                        select a.content from answer a join assignment_prompt p on p.id = a.prompt_id
                        where a.assignment_id = :id order by p.position""")
                .param("id", UUID.fromString(assignment)).query(byte[].class).list();
        UUID secondAnswer = jdbc.sql("""
                        select a.id from answer a join assignment_prompt p on p.id = a.prompt_id
                        where a.assignment_id = :id and p.position = 2""")
                .param("id", UUID.fromString(assignment)).query(UUID.class).single();
        jdbc.sql("update answer set content = :first where id = :answer")
                .param("first", contents.get(0)).param("answer", secondAnswer).update();

        Api.Response read = api.get("/api/journal/assignments/" + assignment, People.CLIENT.token());
        assertThat(read.status()).as("the moved answer does not show up as the second answer").isNotEqualTo(200);
        assertThat(read.body()).doesNotContain("Answer to First?");

        KeyRotation.Report tampered = rotation.rotate();
        assertThat(tampered.unreadable()).containsExactly("answer.content " + secondAnswer);
        assertThat(tampered.after().get("answer.content")).as("the key of the unreadable row stays")
                .containsKey(KeyRotation.CLIENT_EARLIER);

        // Restored from a backup, the row reads again and the next rotation retires the old key.
        jdbc.sql("update answer set content = :second where id = :answer")
                .param("second", contents.get(1)).param("answer", secondAnswer).update();
        assertThat(api.get("/api/journal/assignments/" + assignment, People.CLIENT.token()).json().toString())
                .contains("Answer to Second?");
        KeyRotation.Report repaired = rotation.rotate();
        assertThat(repaired.unreadable()).isEmpty();
        assertThat(repaired.after()).allSatisfy((column, perKind) -> assertThat(perKind).as(column)
                .doesNotContainKey(KeyRotation.CLIENT_EARLIER));
        UUID secondPrompt = jdbc.sql("select prompt_id from answer where id = :answer").param("answer", secondAnswer)
                .query(UUID.class).single();
        Binding asFirstWritten = new Binding(Field.ANSWER, secondAnswer, People.CLIENT.id(), UUID.fromString(assignment),
                secondPrompt, 1);
        assertThatThrownBy(() -> cipher.decrypt(asFirstWritten, contents.get(1)))
                .as("the earlier key is disabled: the restored ciphertext no longer opens")
                .isInstanceOf(ClinicalCipher.CiphertextRejectedException.class);
    }

    private void insertEntries(UUID client) throws Exception {
        // As the service wrote them before clients had keys of their own: under the service's keyset.
        Aead raw = keys.handle().getPrimitive(RegistryConfiguration.get(), Aead.class);
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < ROWS; i++) {
            UUID id = UUID.randomUUID();
            String plaintext = "{\"title\":\"Bulk " + i + "\",\"body\":\"Row " + i + " of the rotation test.\",\"mood\":null}";
            // Half as the service writes them now, half as it wrote them before assignment, prompt and version counted.
            byte[] content = i % 2 == 0
                    ? raw.encrypt(plaintext.getBytes(StandardCharsets.UTF_8),
                            ClinicalCipher.associatedData(new Binding(Field.ENTRY, id, client, null, null, 1)))
                    : raw.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), ClinicalCipher.legacyAssociatedData(Field.ENTRY, id, client));
            jdbc.sql("""
                            insert into journal_entry (id, client_id, content, created_at, updated_at, version, sealed_version)
                            values (:id, :client, :content, :now, :now, 0, 1)""")
                    .param("id", id).param("client", client).param("content", content).param("now", now).update();
        }
    }

    /**
     * Replacing a master key file: started with the new key-encryption key and the old one as the previous, the
     * service re-wraps the stored keyset; its keys, and so every ciphertext, stay. Run in a transaction that is rolled
     * back, so the running service's keyset row is never changed for the other tests.
     */
    @Test
    void theKeysetMovesToANewKeyEncryptionKeyAndKeepsItsKeys() throws Exception {
        Aead serviceKek = MasterKeys.open(properties.kekUri(), false);
        Aead oldKek = newKek();
        Aead newKek = newKek();
        byte[] associatedData = "field".getBytes(StandardCharsets.UTF_8);
        byte[] written = keys.aead().encrypt("a ciphertext from before".getBytes(StandardCharsets.UTF_8), associatedData);
        int primaryKey = keys.primaryKeyId();
        List<String> keyIds = keys.describe();
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        rolledBack.executeWithoutResult(status -> {
            status.setRollbackOnly();
            new KeyRing(jdbc, oldKek, Optional.of(serviceKek), Duration.ofSeconds(5), Clock.systemUTC(), Optional.empty());
            long revision = jdbc.sql("select revision from crypto_keyset where id = 1").query(Long.class).single();

            assertThatThrownBy(() -> new KeyRing(jdbc, newKek, Duration.ofSeconds(5), Clock.systemUTC(), Optional.empty()))
                    .hasMessageContaining("does not decrypt");
            KeyRing moved = new KeyRing(jdbc, newKek, Optional.of(oldKek), Duration.ofSeconds(5), Clock.systemUTC(),
                    Optional.empty());
            KeyRing restarted = new KeyRing(jdbc, newKek, Duration.ofSeconds(5), Clock.systemUTC(), Optional.empty());

            assertThat(restarted.primaryKeyId()).isEqualTo(primaryKey);
            assertThat(restarted.describe()).isEqualTo(keyIds);
            try {
                assertThat(new String(moved.aead().decrypt(written, associatedData), StandardCharsets.UTF_8))
                        .isEqualTo("a ciphertext from before");
            } catch (GeneralSecurityException e) {
                throw new AssertionError(e);
            }
            assertThat(jdbc.sql("select revision from crypto_keyset where id = 1").query(Long.class).single())
                    .as("raised, so that the other instances re-read the row").isGreaterThan(revision);
            assertThatThrownBy(() -> new KeyRing(jdbc, oldKek, Duration.ofSeconds(5), Clock.systemUTC(), Optional.empty()))
                    .as("the old key no longer opens it").hasMessageContaining("does not decrypt");
        });
        assertThat(new KeyRing(jdbc, serviceKek, Duration.ofSeconds(5), Clock.systemUTC(), Optional.empty()).primaryKeyId())
                .as("rolled back: the service's own key still opens its keyset").isEqualTo(primaryKey);
    }

    private static Aead newKek() throws GeneralSecurityException {
        return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM).getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    private long readEveryRow(ReEncryptable column) {
        long read = 0;
        UUID after = null;
        while (true) {
            List<ReEncryptable.Sealed> batch = column.after(after, 1_000);
            for (ReEncryptable.Sealed row : batch) {
                if (cipher.isErased(row.binding().ownerId())) {
                    // another test's erased client: nothing of theirs reads any more
                    assertThatThrownBy(() -> cipher.decrypt(row.binding(), row.ciphertext()))
                            .isInstanceOf(ErasedClientException.class);
                    continue;
                }
                cipher.decrypt(row.binding(), row.ciphertext());
                read++;
            }
            if (batch.size() < 1_000) {
                return read;
            }
            after = batch.get(batch.size() - 1).id();
        }
    }

    private static void count(Api.Response response, AtomicLong requests, AtomicLong failures) {
        requests.incrementAndGet();
        if (response.status() / 100 != 2) {
            failures.incrementAndGet();
        }
    }
}
