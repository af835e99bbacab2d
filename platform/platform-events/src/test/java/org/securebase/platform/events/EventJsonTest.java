package org.securebase.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.securebase.platform.events.content.ArticlePublished;
import org.securebase.platform.events.content.ArticleRetracted;

import tools.jackson.databind.JsonNode;

class EventJsonTest {

    private final EventJson json = EventJson.shared();

    private final UUID articleId = UUID.fromString("0b6f5c1e-7a0e-4b8f-9d51-3f1f0f2b9a10");

    private EventEnvelope<ArticlePublished> published() {
        var payload = new ArticlePublished(articleId, "attachment-and-healing", "Attachment and Healing", "A summary", 3,
                List.of("attachment"), List.of(new ArticlePublished.Section("what-is-attachment", "What Is Attachment?",
                List.of(new ArticlePublished.ListRef("what-is-attachment-list-1", List.of("a", "b"))))),
                Instant.parse("2025-01-31T09:30:00Z"));
        return new EventEnvelope<>(UUID.fromString("7d3c8e0a-1111-4222-8333-944455556666"), "ArticlePublished",
                Instant.parse("2025-01-31T09:30:00.123Z"), 1, articleId, payload);
    }

    @Test
    void writesTheDocumentedWireFormat() {
        String written = new String(json.write(published()), StandardCharsets.UTF_8);

        assertThat(written)
                .contains("\"eventId\":\"7d3c8e0a-1111-4222-8333-944455556666\"")
                .contains("\"type\":\"ArticlePublished\"")
                .contains("\"occurredAt\":\"2025-01-31T09:30:00.123Z\"")
                .contains("\"schemaVersion\":1")
                .contains("\"aggregateId\":\"" + articleId + "\"")
                .contains("\"publishedAt\":\"2025-01-31T09:30:00Z\"");
    }

    @Test
    void roundTripsATypedPayload() {
        EventEnvelope<ArticlePublished> original = published();

        EventEnvelope<ArticlePublished> read = json.read(json.write(original), ArticlePublished.class);

        assertThat(read).isEqualTo(original);
        assertThat(read.key()).isEqualTo(articleId.toString());
    }

    @Test
    void letsAConsumerDispatchOnTypeBeforeReadingThePayload() {
        EventEnvelope<JsonNode> tree = json.readTree(json.write(published()));

        assertThat(tree.is("ArticlePublished", 1)).isTrue();
        assertThat(tree.is("ArticleRetracted", 1)).isFalse();
        assertThat(json.payload(tree, ArticlePublished.class).version()).isEqualTo(3);
    }

    @Test
    void ignoresFieldsItDoesNotKnowSoProducersCanAddFields() {
        String withExtras = """
                {"eventId":"7d3c8e0a-1111-4222-8333-944455556666","type":"ArticleRetracted","occurredAt":"2025-01-31T09:30:00Z",
                 "schemaVersion":1,"aggregateId":"%s","traceId":"abc",
                 "payload":{"articleId":"%s","slug":"s","version":2,"retractedAt":"2025-01-31T09:30:00Z","reason":"new field"}}
                """.formatted(articleId, articleId);

        EventEnvelope<ArticleRetracted> read = json.read(withExtras.getBytes(StandardCharsets.UTF_8), ArticleRetracted.class);

        assertThat(read.payload().version()).isEqualTo(2);
    }

    @Test
    void reportsAHigherSchemaVersionAsUnknown() {
        EventEnvelope<ArticlePublished> v1 = published();
        var v2 = new EventEnvelope<>(v1.eventId(), v1.type(), v1.occurredAt(), 2, v1.aggregateId(), v1.payload());

        assertThat(json.readTree(json.write(v2)).is("ArticlePublished", 1)).isFalse();
    }

    @Test
    void rejectsRecordsThatAreNotEnvelopesWithoutEchoingThem() {
        for (String bad : List.of("", "not json", "[]", "{}", "{\"eventId\":\"x\",\"payload\":{}}",
                "{\"eventId\":\"7d3c8e0a-1111-4222-8333-944455556666\",\"type\":\"X1\",\"occurredAt\":\"2025-01-31T09:30:00Z\","
                        + "\"aggregateId\":\"7d3c8e0a-1111-4222-8333-944455556666\",\"payload\":{}}",
                "{\"eventId\":\"7d3c8e0a-1111-4222-8333-944455556666\",\"type\":\"lowercase\",\"occurredAt\":\"2025-01-31T09:30:00Z\","
                        + "\"schemaVersion\":1,\"aggregateId\":\"7d3c8e0a-1111-4222-8333-944455556666\",\"payload\":{}}")) {
            assertThatThrownBy(() -> json.readTree(bad.getBytes(StandardCharsets.UTF_8)))
                    .as(bad)
                    .isInstanceOf(MalformedEventException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not json"));
        }
    }

    @Test
    void rejectsAPayloadOfTheWrongShape() {
        EventEnvelope<JsonNode> tree = json.readTree(json.write(published()));
        var wrong = new EventEnvelope<>(tree.eventId(), tree.type(), tree.occurredAt(), 1, tree.aggregateId(),
                (JsonNode) tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("articleId", "not-a-uuid"));

        assertThatThrownBy(() -> json.payload(wrong, ArticleRetracted.class)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void namesTopicsAndTheirDeadLetterTopics() {
        assertThat(Topics.CONTENT_ARTICLES).isEqualTo("securebase.content.articles.v1");
        assertThat(Topics.requireValid(Topics.ACCOUNTS)).isEqualTo("securebase.accounts.v1");
        assertThat(Topics.deadLetterOf(Topics.CONTENT_ARTICLES)).isEqualTo("securebase.content.articles.v1.dlt");
        assertThatThrownBy(() -> Topics.deadLetterOf("articles")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.requireValid("securebase.content.articles")).isInstanceOf(IllegalArgumentException.class);
    }
}
