package org.securebase.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.journal.support.Api;
import org.securebase.journal.support.MovableClock;
import org.securebase.journal.support.People;
import org.securebase.journal.support.Projections;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A therapist's access fails closed while the caseload projection may be behind (ADR 0016): without a recent
 * heartbeat on every partition of the accounts topic (the consumer paused, account-service's outbox stuck, Kafka
 * away) their reads get 503 with Retry-After within the bound; the client's own reads do not. The service's clock is
 * moved by the test, never slept on; the test support's heartbeats, every few seconds in real time, fall behind it.
 */
@JournalServiceIntegrationTest
@Import(MovableClock.class)
@TestPropertySource(properties = {
        "securebase.test.database=journal_freshness",
        "securebase.events.consumer.group-prefix=journal-service-freshness"
})
@DirtiesContext
class CaseloadFreshnessIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    MovableClock clock;

    Api api;
    Projections projections;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        projections = new Projections(jdbc, listeners);
        projections.standardCaseloads();
        // The consumer read the whole topic from the start, older test classes' heartbeats included: say now.
        projections.heartbeatsUntil(clock.instant());
    }

    @Test
    void withoutRecentHeartbeatsATherapistsReadsFailClosedAndTheClientsDoNot() {
        assertThat(api.get("/api/journal/adherence", People.THERAPIST.token()).status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(61));
        Api.Response refused = api.get("/api/journal/adherence", People.THERAPIST.token());
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(api.get("/api/journal/assignments", People.CLIENT.token()).status())
                .as("the client's own data does not depend on the caseload").isEqualTo(200);

        Projections.sendHeartbeats(clock.instant());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/journal/adherence", People.THERAPIST.token()).status() == 200);
    }

    @Test
    void aPausedAccountsConsumerFailsClosedWithinTheBoundAndResumingRestoresAccess() {
        MessageListenerContainer caseload = listeners.getListenerContainer(Projections.CASELOAD_LISTENER);
        assertThat(api.get("/api/journal/adherence", People.THERAPIST.token()).status()).isEqualTo(200);

        caseload.pause();
        await().atMost(Duration.ofSeconds(30)).until(caseload::isContainerPaused);
        clock.advance(Duration.ofSeconds(30));
        Projections.sendHeartbeats(clock.instant());
        assertThat(api.get("/api/journal/adherence", People.THERAPIST.token()).status())
                .as("within the bound").isEqualTo(200);
        clock.advance(Duration.ofSeconds(40));
        assertThat(api.get("/api/journal/adherence", People.THERAPIST.token()).status())
                .as("the heartbeat sent meanwhile is not applied: past the bound").isEqualTo(503);

        caseload.resume();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/journal/adherence", People.THERAPIST.token()).status() == 200);
    }
}
