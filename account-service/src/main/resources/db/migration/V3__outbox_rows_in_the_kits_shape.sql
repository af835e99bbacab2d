-- The outbox rows written before the events kit name account-service's own wrapper (AccountsEvent: the envelope's
-- fields with the payload as a JSON tree). The kit's registry restores OutboxEvent (topic, key, eventId, type, and
-- the envelope as text), so rows still unsent at the upgrade are rewritten to it and sent after the upgrade; sent
-- rows too, so every row reads the same. The envelope keeps the wire format's fields, values and order.
update event_publication publication
set event_type       = 'org.securebase.platform.events.outbox.OutboxEvent',
    serialized_event = json_build_object(
            'topic', 'securebase.accounts.v1',
            'key', old.event ->> 'aggregateId',
            'eventId', old.event ->> 'eventId',
            'type', old.event ->> 'type',
            'envelope', json_build_object(
                    'eventId', old.event -> 'eventId',
                    'type', old.event -> 'type',
                    'occurredAt', old.event -> 'occurredAt',
                    'schemaVersion', old.event -> 'schemaVersion',
                    'aggregateId', old.event -> 'aggregateId',
                    'payload', old.event -> 'payload')::text)::text
from (select id, serialized_event::json as event
      from event_publication
      where event_type = 'org.securebase.account.events.AccountsEvent') old
where publication.id = old.id;
