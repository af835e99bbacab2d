package org.securebase.content.accounts;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.securebase.platform.events.EventEnvelope;
import org.securebase.platform.events.EventJson;
import org.securebase.platform.events.MalformedEventException;
import org.securebase.platform.events.Topics;
import org.securebase.platform.security.DeactivatedAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/** Feeds {@code account_status} from account-service's events and answers platform-security's question. */
@Component
class AccountStatusProjection implements DeactivatedAccounts {

    static final String GROUP = "content-service.account-status";

    private final JdbcClient jdbc;
    private final EventJson json = EventJson.shared();

    AccountStatusProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @KafkaListener(id = GROUP, groupId = GROUP, topics = Topics.ACCOUNTS)
    void on(ConsumerRecord<String, byte[]> record) {
        apply(json.readTree(record.value()));
    }

    void apply(EventEnvelope<JsonNode> event) {
        Boolean deactivated = switch (event.type()) {
            case "AccountDeactivated" -> true;
            case "AccountInvited", "AccountActivated", "AccountReactivated" -> false;
            default -> null;
        };
        if (deactivated == null) {
            return;
        }
        JsonNode sequence = event.payload().get("sequence");
        if (sequence == null || !sequence.canConvertToLong()) {
            throw new MalformedEventException(event.type() + " has no numeric sequence", null);
        }
        jdbc.sql("""
                        insert into account_status (account_id, deactivated, last_sequence)
                        values (:id, :deactivated, :sequence)
                        on conflict (account_id) do update
                        set deactivated = excluded.deactivated, last_sequence = excluded.last_sequence
                        where account_status.last_sequence < excluded.last_sequence""")
                .param("id", event.aggregateId())
                .param("deactivated", deactivated)
                .param("sequence", sequence.asLong())
                .update();
    }

    @Override
    public boolean isDeactivated(UUID accountId) {
        return jdbc.sql("select deactivated from account_status where account_id = :id")
                .param("id", accountId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }
}
