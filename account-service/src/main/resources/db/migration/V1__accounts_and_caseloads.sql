-- The practice's view of people. Keycloak keeps credentials, login, MFA and sessions; this service keeps who is a
-- client, therapist or admin, where their invitation stands, and which therapist each client belongs to.

create table account
(
    -- The Keycloak user id (the `sub` of their tokens): the one id every service stores people by.
    id                 uuid                     not null primary key,
    email              text                     not null,
    first_name         text                     not null,
    last_name          text                     not null,
    role               text                     not null check (role in ('CLIENT', 'THERAPIST', 'ADMIN')),
    status             text                     not null check (status in ('INVITED', 'ACTIVE', 'DEACTIVATED', 'DELETED')),
    invited_at         timestamp with time zone not null,
    -- Null while the invitation email still has to be sent (SMTP or Keycloak unreachable); a job retries it.
    invitation_sent_at timestamp with time zone,
    invitation_attempts int                     not null default 0,
    activated_at       timestamp with time zone,
    deactivated_at     timestamp with time zone,
    updated_at         timestamp with time zone not null,
    -- Counts the events keyed by this account; each event carries its value so consumers can drop stale ones.
    event_sequence     bigint                   not null default 0,
    -- Optimistic locking: an admin action and the reconciliation never overwrite each other unnoticed.
    version            bigint                   not null default 0
);

-- Keycloak refuses a second user with the same email; so do we, whatever its case. A person deleted in Keycloak
-- keeps their row for history but frees the email, so they can be invited again (as a new account).
create unique index account_email_uq on account (lower(email)) where status <> 'DELETED';
create index account_role_status_idx on account (role, status);
create index account_pending_invitation_idx on account (invited_at) where invitation_sent_at is null and status = 'INVITED';

-- Which therapist a client belongs to, with history: a reassignment ends one row and starts the next.
create table caseload_assignment
(
    id           uuid                     not null primary key,
    client_id    uuid                     not null references account (id),
    therapist_id uuid                     not null references account (id),
    started_at   timestamp with time zone not null,
    started_by   uuid,
    ended_at     timestamp with time zone,
    ended_by     uuid,
    end_reason   text check (end_reason in ('REASSIGNED', 'UNASSIGNED', 'ROLE_CHANGED', 'ACCOUNT_DELETED')),
    check ((ended_at is null) = (end_reason is null)),
    check (client_id <> therapist_id)
);

-- One therapist per client at a time, enforced by the database even if two admins reassign at once.
create unique index caseload_assignment_one_open_per_client_uq on caseload_assignment (client_id) where ended_at is null;
create index caseload_assignment_open_by_therapist_idx on caseload_assignment (therapist_id) where ended_at is null;
create index caseload_assignment_by_client_idx on caseload_assignment (client_id, started_at);
