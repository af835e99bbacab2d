-- The review agenda (feature `review`): each time a therapist marks a client's agenda reviewed. The newest row's
-- reviewed_through is where the pair's next agenda starts; older rows are the history of reviews. Timestamps only,
-- no clinical content.
create table agenda_review (
    id               uuid        primary key,
    therapist_id     uuid        not null,
    client_id        uuid        not null,
    -- The agenda's own "generated at": whatever arrived after the therapist opened the agenda stays for the next one.
    reviewed_through timestamptz not null,
    reviewed_at      timestamptz not null
);
create index agenda_review_pair_idx on agenda_review (therapist_id, client_id, reviewed_through desc);
