package org.securebase.content.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.content.support.Api;
import org.securebase.content.support.ContentServiceIntegrationTest;
import org.securebase.content.support.TestTokens;
import org.securebase.content.support.TopicProbe;
import org.securebase.platform.events.EventEnvelope;
import org.securebase.platform.events.EventJson;
import org.securebase.platform.events.Topics;
import org.securebase.platform.events.accounts.AccountActivated;
import org.securebase.platform.events.accounts.AccountDeactivated;
import org.securebase.platform.events.accounts.AccountErased;
import org.securebase.platform.events.accounts.AccountEvent;
import org.securebase.platform.events.accounts.AccountInvited;
import org.securebase.platform.events.accounts.AccountReactivated;
import org.securebase.platform.events.accounts.AccountRole;
import org.securebase.platform.events.accounts.StatusChangeCause;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A deactivated person's token is refused as soon as account-service's event arrives, and accepted again after a
 * reactivation; an older event delivered late changes nothing. The events are produced by the test itself.
 */
@ContentServiceIntegrationTest
class AccountStatusIT {

    private static final String LIBRARY = "/api/content/articles";

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    JdbcClient jdbc;

    private Api api;
    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        // As the operator: the test plays journal-service and account-service, whose topics content-service may not write.
        Map<String, Object> properties = new java.util.HashMap<>(TopicProbe.testTool(bootstrapServers));
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void tearDown() {
        producer.close(Duration.ofSeconds(5));
    }

    @Test
    void aDeactivatedPersonsTokenIsRefusedAtOnceAndAcceptedAgainAfterReactivation() throws Exception {
        String token = TestTokens.ensureUser("deactivated-reader@securebase.test", "client");
        UUID person = TestTokens.subject(token);
        assertThat(api.get(LIBRARY, token).status()).isEqualTo(200);

        send(person, "AccountDeactivated", 5);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(LIBRARY, token).status() == 401);
        Api.Response refused = api.get(LIBRARY, token);
        assertThat(refused.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));

        // Sequence 3 is older than the deactivation: delivered late, it must not let the person back in.
        send(person, "AccountActivated", 3);
        UUID marker = UUID.randomUUID();
        send(person, marker, "AccountInvited", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from account_status where account_id = :id")
                .param("id", marker).query(Long.class).single() == 1);
        assertThat(api.get(LIBRARY, token).status()).isEqualTo(401);

        send(person, "AccountReactivated", 6);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(LIBRARY, token).status() == 200);
    }

    /** An erased client is refused for good and which articles they were given is forgotten. */
    @Test
    void anErasedClientIsRefusedAndTheirPinnedReadingsAreForgotten() throws Exception {
        UUID client = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        for (UUID person : new UUID[] {client, other}) {
            jdbc.sql("""
                            insert into pinned_reading (assignment_id, client_id, article_id, version, pinned_at)
                            values (:assignment, :client, :article, 1, now())""")
                    .param("assignment", UUID.randomUUID()).param("client", person).param("article", UUID.randomUUID())
                    .update();
        }
        send(client, "AccountActivated", 1);
        send(client, "AccountErased", 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "select count(*) from pinned_reading where client_id = :id").param("id", client)
                .query(Long.class).single() == 0);
        assertThat(jdbc.sql("select deactivated from account_status where account_id = :id").param("id", client)
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select count(*) from pinned_reading where client_id = :id").param("id", other)
                .query(Long.class).single()).as("another client's pins stay").isEqualTo(1);
    }

    private void send(UUID account, String type, long sequence) throws Exception {
        send(account, account, type, sequence);
    }

    /** Under {@code key}'s partition, so that events sent under one key are consumed in the order sent. */
    private void send(UUID key, UUID account, String type, long sequence) throws Exception {
        Instant now = Instant.now();
        AccountEvent payload = switch (type) {
            case "AccountInvited" -> new AccountInvited(account, sequence, AccountRole.CLIENT, "Reader", now);
            case "AccountActivated" -> new AccountActivated(account, sequence, AccountRole.CLIENT, "Reader", now);
            case "AccountDeactivated" -> new AccountDeactivated(account, sequence, AccountRole.CLIENT, StatusChangeCause.ADMIN, now);
            case "AccountReactivated" -> new AccountReactivated(account, sequence, AccountRole.CLIENT, StatusChangeCause.ADMIN, now);
            case "AccountErased" -> new AccountErased(account, sequence, AccountRole.CLIENT, now);
            default -> throw new IllegalArgumentException(type);
        };
        EventEnvelope<AccountEvent> event = new EventEnvelope<>(UUID.randomUUID(), type, now, 1, account, payload);
        producer.send(new ProducerRecord<>(Topics.ACCOUNTS, key.toString(), EventJson.shared().write(event))).get();
    }
}
