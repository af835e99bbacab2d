-- Projection of journal-service's AssignmentCreated events: which article version each client was assigned.
-- Keyed by assignment, so a replayed event changes nothing.
create table pinned_reading (
    assignment_id uuid        primary key,
    client_id     uuid        not null,
    article_id    uuid        not null,
    version       integer     not null,
    pinned_at     timestamptz not null
);

create index pinned_reading_lookup_idx on pinned_reading (client_id, article_id, version);
