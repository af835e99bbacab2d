-- Audit rows that come from another service's events (account-service's reads of a client's identity) name the event
-- they came from, once: a replay of the topic, even after the processed-event ledger was pruned, adds nothing.
alter table access_audit add column source_event_id uuid;
create unique index access_audit_source_event_idx on access_audit (source_event_id) where source_event_id is not null;
