-- The outbox rows written before the events kit name journal-service's own wrapper (JournalEvent: eventId, type,
-- aggregateId and the finished envelope JSON). The kit's registry restores OutboxEvent (topic, key, eventId, type,
-- envelope), so rows still unsent at the upgrade are rewritten to it and sent after the upgrade; sent rows too, so
-- every row reads the same. The envelope text itself is unchanged.
update event_publication
set event_type       = 'org.securebase.platform.events.outbox.OutboxEvent',
    serialized_event = json_build_object(
            'topic', 'securebase.journal.assignments.v1',
            'key', serialized_event::json ->> 'aggregateId',
            'eventId', serialized_event::json ->> 'eventId',
            'type', serialized_event::json ->> 'type',
            'envelope', serialized_event::json ->> 'envelopeJson')::text
where event_type = 'org.securebase.journal.assignment.JournalEvent';
