package org.securebase.platform.events.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;

class OutboxRecordTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void anEventMadeInATracedRequestCarriesItsTraceContextAsAHeader() {
        Object record = OutboxConfiguration.record(event(TRACEPARENT));
        assertThat(record).isInstanceOf(Message.class);
        Message<?> message = (Message<?>) record;
        assertThat(new String((byte[]) message.getPayload(), StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"X\"}");
        assertThat(new String((byte[]) message.getHeaders().get(OutboxEvent.TRACEPARENT_HEADER), StandardCharsets.US_ASCII))
                .isEqualTo(TRACEPARENT);
    }

    @Test
    void withoutTracingTheRecordIsTheEnvelopeAlone() {
        assertThat(OutboxConfiguration.record(event(null))).isEqualTo("{\"type\":\"X\"}".getBytes(StandardCharsets.UTF_8));
    }

    private static OutboxEvent event(String traceparent) {
        return new OutboxEvent("journal.assignments", UUID.randomUUID().toString(), UUID.randomUUID(), "AssignmentSubmitted",
                "{\"type\":\"X\"}", traceparent);
    }
}
