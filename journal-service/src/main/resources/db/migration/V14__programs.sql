-- Programs (feature `program`): an ordered series of readings with homework, each step delivered as an ordinary
-- assignment when its rule fires. A program is content (no client data); an enrolment is one client's way through one.
create table program (
    id          uuid        primary key,
    title       text        not null,
    description text        not null default '',
    created_by  uuid        not null,
    created_at  timestamptz not null
);

create table program_step (
    program_id      uuid        not null references program (id),
    position        integer     not null check (position between 1 and 20),
    -- The article version current when the program was built: every client of the program reads that version.
    article_id      uuid        not null,
    article_version integer     not null check (article_version > 0),
    article_slug    text        not null,
    article_title   text        not null,
    -- [{"kind", "question", "listId", "itemIds"}], checked like an assignment's prompts when the program was built.
    prompts         text        not null,
    -- When the step is delivered, counted from the enrolment (first step) or the previous step's hand-in.
    rule_kind       text        not null check (rule_kind in ('IMMEDIATELY', 'DAYS_AFTER', 'WEEKDAY')),
    rule_days       integer     check (rule_days between 1 and 90),
    rule_weekday    text        check (rule_weekday in ('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY',
                                                        'SATURDAY', 'SUNDAY')),
    due_days        integer     not null check (due_days between 1 and 60),
    primary key (program_id, position),
    constraint program_step_rule_days check ((rule_kind = 'DAYS_AFTER') = (rule_days is not null)),
    constraint program_step_rule_weekday check ((rule_kind = 'WEEKDAY') = (rule_weekday is not null))
);

create table program_enrolment (
    id             uuid        primary key,
    program_id     uuid        not null references program (id),
    client_id      uuid        not null,
    therapist_id   uuid        not null,
    -- Why this program matters for this client: sealed (PROGRAM_REASON), copied onto each step's assignment card.
    reason         bytea,
    reason_version bigint      not null default 1,
    status         text        not null check (status in ('ACTIVE', 'PAUSED', 'ENDED', 'COMPLETED')),
    -- The step delivered next (steps + 1 once all are delivered).
    next_position  integer     not null check (next_position >= 1),
    -- When the next step is delivered; null while the previous step waits for its hand-in.
    next_at        timestamptz,
    -- The delivered step's assignment whose hand-in starts the next step's rule.
    waiting_on     uuid,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create index program_enrolment_due_idx on program_enrolment (next_at) where status = 'ACTIVE' and next_at is not null;
create index program_enrolment_waiting_idx on program_enrolment (waiting_on) where waiting_on is not null;
create index program_enrolment_client_idx on program_enrolment (client_id, created_at desc);

-- One row per delivered step: the primary key is what makes a delivery happen once, whatever runs it twice.
create table program_delivery (
    enrolment_id  uuid        not null references program_enrolment (id),
    position      integer     not null,
    assignment_id uuid        not null unique,
    delivered_at  timestamptz not null,
    primary key (enrolment_id, position)
);
