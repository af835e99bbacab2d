-- The events kit's processed-event ledger: which events each consumer of this service has applied (consumer, event
-- id), written in the transaction that applies the event. Repeatable and idempotent, because databases made before
-- the kit (journal-service's) already have the table from their own first migration.
create table if not exists processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);
