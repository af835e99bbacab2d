-- Notifications: what each person wants to be told (notification_preference), every mail planned, sent or
-- cancelled (notification), and db-scheduler's table of due executions (scheduled_tasks), whose layout is the
-- library's own. A notification row never holds clinical text: only ids, a kind and times.

create table notification_preference (
    account_id        uuid primary key references account (id),
    zone              text        not null,
    language          text        not null check (language in ('en', 'es')),
    -- the kinds switched off, e.g. {NEW_FEEDBACK}; every other kind is on
    disabled_kinds    text[]      not null default '{}',
    due_lead_days     smallint    not null check (due_lead_days between 0 and 2),
    reminder_time     time        not null,
    quiet_start       time,
    quiet_end         time,
    handed_in_digest  boolean     not null,
    digest_time       time        not null,
    updated_at        timestamptz not null,
    check ((quiet_start is null) = (quiet_end is null))
);

create table notification (
    id              uuid primary key,
    -- one row per reminder: a redelivered event or a second instance finds the key taken and plans nothing twice
    reminder_key    text        not null unique,
    kind            text        not null,
    recipient_id    uuid        not null references account (id),
    -- the other person of the pair (the client's therapist, or the therapist's client), for cancelling a pair
    counterpart_id  uuid,
    -- the assignment or measure instance it is about, and that homework's due time (to re-plan a reminder)
    subject_id      uuid,
    due_at          timestamptz,
    -- for a digest: how many hand-ins it reports
    item_count      integer     not null default 1,
    send_at         timestamptz not null,
    status          text        not null check (status in ('PENDING', 'SENT', 'CANCELLED', 'FAILED')),
    attempts        integer     not null default 0,
    message_id      text,
    created_at      timestamptz not null,
    finished_at     timestamptz,
    outcome_reason  text
);
create index notification_pending_subject on notification (subject_id) where status = 'PENDING';
create index notification_pending_recipient on notification (recipient_id) where status = 'PENDING';

create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time on scheduled_tasks (priority desc, execution_time asc);
