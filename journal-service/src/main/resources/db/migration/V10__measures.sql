-- Measurement-based care (measure feature). A schedule is a therapist's assignment of an instrument to a client,
-- once (every_weeks null) or every 1, 2 or 4 weeks until ended; next_due_at is when the next instance is made, so
-- due instances survive restarts and are made exactly once (unique schedule_id, due_at).
create table measure_schedule (
    id           uuid        primary key,
    client_id    uuid        not null,
    therapist_id uuid        not null,
    instrument   text        not null,
    every_weeks  integer     check (every_weeks in (1, 2, 4)),
    created_at   timestamptz not null,
    next_due_at  timestamptz,
    ended_at     timestamptz
);
create index measure_schedule_due_idx on measure_schedule (next_due_at) where ended_at is null and next_due_at is not null;
create index measure_schedule_client_idx on measure_schedule (client_id, created_at desc);

-- One instance to answer. response: the answers, and once submitted the total and band, as one AEAD ciphertext
-- (ClinicalCipher field MEASURE_RESPONSE) bound to the row, its client and sealed_version. attention_at: the result
-- needs the therapist's attention (the fact, announced by MeasureNeedsAttention too; never which item or score),
-- until acknowledged_at / acknowledged_by.
create table measure_instance (
    id              uuid        primary key,
    schedule_id     uuid        not null references measure_schedule (id),
    client_id       uuid        not null,
    therapist_id    uuid        not null,
    instrument      text        not null,
    status          text        not null check (status in ('DUE', 'IN_PROGRESS', 'SUBMITTED', 'EXPIRED')),
    due_at          timestamptz not null,
    response        bytea,
    sealed_version  bigint      not null default 1,
    submitted_at    timestamptz,
    attention_at    timestamptz,
    acknowledged_at timestamptz,
    acknowledged_by uuid,
    unique (schedule_id, due_at)
);
create index measure_instance_client_idx on measure_instance (client_id, due_at desc);
create index measure_instance_attention_idx on measure_instance (therapist_id, attention_at)
    where attention_at is not null and acknowledged_at is null;
