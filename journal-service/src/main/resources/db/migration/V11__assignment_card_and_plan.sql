-- The assignment card: why the homework matters for this client and the obstacle the therapist noted (one sealed
-- JSON document), and the client's plan: when and where, what might get in the way and what they will do then
-- (another). Clinical text, sealed like the note, each with its own seal version; planned_at says a plan was made.
alter table assignment
    add column card          bytea,
    add column card_version  bigint not null default 1,
    add column plan          bytea,
    add column plan_version  bigint not null default 1,
    add column planned_at    timestamptz;
