package org.securebase.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.securebase.platform.events.accounts.AccountEvent;
import org.securebase.platform.events.accounts.CaseloadAssigned;
import org.securebase.platform.events.content.ArticlePublished;
import org.securebase.platform.events.journal.AssignmentCreated;

import tools.jackson.databind.JsonNode;

class EventContractsTest {

    private final EventContracts contracts = EventContracts.shared();

    @Test
    void everyContractIsAnnotatedOnItsRecordAndFoundByTopicAndType() {
        assertThat(contracts.of(ArticlePublished.class))
                .isEqualTo(new EventContracts.Contract(ArticlePublished.class, Topics.CONTENT_ARTICLES, "ArticlePublished", 1, true));
        assertThat(contracts.find(Topics.JOURNAL_ASSIGNMENTS, "AssignmentCreated").orElseThrow().payload())
                .isEqualTo(AssignmentCreated.class);
        // A type name means something only on its own topic.
        assertThat(contracts.find(Topics.ACCOUNTS, "AssignmentCreated")).isEmpty();
        assertThat(contracts.find(Topics.ACCOUNTS, "AccountEmailVerified")).isEmpty();
        assertThat(EventContracts.typeOf(CaseloadAssigned.class)).isEqualTo("CaseloadAssigned");
    }

    @Test
    void aListenerTakingAnInterfaceGetsEveryContractThatImplementsIt() {
        assertThat(contracts.assignableTo(AccountEvent.class)).extracting(EventContracts.Contract::type)
                .containsExactlyInAnyOrder("AccountInvited", "AccountActivated", "AccountDeactivated",
                        "AccountReactivated", "RoleChanged", "CaseloadAssigned", "CaseloadEnded", "AccountErased");
        assertThat(contracts.assignableTo(AccountEvent.class)).extracting(EventContracts.Contract::topic)
                .containsOnly(Topics.ACCOUNTS);
    }

    @Test
    void refusesTwoRecordsClaimingOneTypeOnOneTopic() {
        assertThatThrownBy(() -> new EventContracts(List.of(ArticlePublished.class, SameNameAsArticlePublished.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ArticlePublished");
        assertThatThrownBy(() -> contracts.of(SameNameAsArticlePublished.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accountEventsCarryNoEmailAddressAndAggregateIdIsNotAPayloadField() {
        for (Class<?> payload : AccountEvent.class.getPermittedSubclasses()) {
            assertThat(payload.getRecordComponents()).as(payload.getSimpleName())
                    .noneMatch(component -> component.getName().toLowerCase().contains("email"));
        }
        UUID client = UUID.randomUUID();
        var assigned = new CaseloadAssigned(client, 7, UUID.randomUUID(), UUID.randomUUID(), java.time.Instant.now());
        var envelope = new EventEnvelope<>(UUID.randomUUID(), "CaseloadAssigned", java.time.Instant.now(), 1, client, assigned);
        JsonNode payload = EventJson.shared().readTree(EventJson.shared().write(envelope)).payload();
        assertThat(payload.has("aggregateId")).isFalse();
        assertThat(payload.path("clientId").asString()).isEqualTo(client.toString());
    }

    @Test
    void aMissingSequenceIsMalformedRatherThanZero() {
        UUID client = UUID.randomUUID();
        String withoutSequence = """
                {"eventId":"%s","type":"CaseloadAssigned","occurredAt":"2026-01-31T09:30:00Z","schemaVersion":1,
                 "aggregateId":"%s","payload":{"clientId":"%s","therapistId":"%s","assignmentId":"%s",
                 "assignedAt":"2026-01-31T09:30:00Z"}}""".formatted(UUID.randomUUID(), client, client, UUID.randomUUID(),
                UUID.randomUUID());
        var tree = EventJson.shared().readTree(withoutSequence.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThatThrownBy(() -> EventJson.shared().payload(tree, CaseloadAssigned.class))
                .isInstanceOf(MalformedEventException.class);
    }

    @EventContract(topic = Topics.CONTENT_ARTICLES, schemaVersion = 1, type = "ArticlePublished")
    record SameNameAsArticlePublished(UUID id) implements EventPayload {
        @Override
        public UUID aggregateId() {
            return id;
        }
    }
}
