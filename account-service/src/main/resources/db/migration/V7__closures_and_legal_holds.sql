-- Two of a client's data rights, recorded with who asked, when, and when it was done; admins see both.
-- Ids, times and a hold's short reference only: never clinical content.

-- A client asks to close their account (requested_by is the client) or an admin closes it directly (requested_by
-- is the admin, and closed_at follows at once). Closing deactivates the account; the retention period of the
-- client's record runs from closed_at.
create table closure_request (
    id           uuid        primary key,
    subject_id   uuid        not null references account (id),
    requested_by uuid        not null,
    requested_at timestamptz not null,
    closed_by    uuid,
    closed_at    timestamptz,
    constraint closure_request_closed_together check ((closed_by is null) = (closed_at is null))
);

-- At most one request waits per person: asking again returns the waiting one, on any instance.
create unique index closure_request_one_waiting on closure_request (subject_id) where closed_at is null;
create index closure_request_subject_idx on closure_request (subject_id, closed_at);

-- A legal hold keeps a client's record past its retention period until an admin lifts it.
create table legal_hold (
    id         uuid         primary key,
    subject_id uuid         not null references account (id),
    reason     varchar(200) not null,
    placed_by  uuid         not null,
    placed_at  timestamptz  not null,
    lifted_by  uuid,
    lifted_at  timestamptz,
    constraint legal_hold_lifted_together check ((lifted_by is null) = (lifted_at is null))
);

create index legal_hold_subject_idx on legal_hold (subject_id);
