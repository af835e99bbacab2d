-- Each erasure of a client (ADR 0036): who erased them and when. The person's own row in account keeps only
-- placeholders for name and email from then on; this row records the right exercised, with ids only.
create table erasure (
    id        uuid        primary key,
    subject_id uuid       not null unique references account (id),
    erased_by uuid        not null,
    erased_at timestamptz not null
);
