-- The outbox rows written before the events kit name content-service's own wrappers (ArticleEvent.Published and
-- .Retracted: eventId, occurredAt and the payload). The kit's registry restores OutboxEvent (topic, key, eventId,
-- type, and the envelope as text), so rows still unsent at the upgrade are rewritten to it and sent after the
-- upgrade; sent rows too, so every row reads the same. The envelope is the wire format's (schema version 1; the
-- aggregate and key are the article).
update event_publication publication
set event_type       = 'org.securebase.platform.events.outbox.OutboxEvent',
    serialized_event = json_build_object(
            'topic', 'securebase.content.articles.v1',
            'key', old.event -> 'payload' ->> 'articleId',
            'eventId', old.event ->> 'eventId',
            'type', old.type,
            'envelope', json_build_object(
                    'eventId', old.event -> 'eventId',
                    'type', old.type,
                    'occurredAt', old.event -> 'occurredAt',
                    'schemaVersion', 1,
                    'aggregateId', old.event -> 'payload' -> 'articleId',
                    'payload', old.event -> 'payload')::text)::text
from (select id, serialized_event::json as event,
             case event_type
                 when 'org.securebase.content.article.ArticleEvent$Published' then 'ArticlePublished'
                 else 'ArticleRetracted' end as type
      from event_publication
      where event_type in ('org.securebase.content.article.ArticleEvent$Published',
                           'org.securebase.content.article.ArticleEvent$Retracted')) old
where publication.id = old.id;
