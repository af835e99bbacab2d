-- Who has been welcomed: a client sees the welcome on their first visit to their home page, once.
-- Only the person's id (Keycloak's subject) and when: nothing clinical, nothing that names them.
create table welcome_seen (
    person_id uuid primary key,
    seen_at   timestamptz not null
);
