-- journal-service's own tables. Flyway creates all of them (Hibernate only validates).
--
-- Clinical text (prompt questions, the therapist's note, answers, feedback, replies, journal entries) is only ever
-- stored as Tink AEAD ciphertext (bytea), bound to the row id and the client it belongs to (see the crypto
-- package). Everything else here is ids, statuses, timestamps and article titles.

-- ---------------------------------------------------------------------------------------------------------------
-- Projections fed by Kafka (never written by the API).
-- ---------------------------------------------------------------------------------------------------------------

-- The article catalog (securebase.content.articles.v1): what a therapist may assign.
create table catalog_article (
    article_id      uuid        primary key,
    slug            text        not null,
    title           text        not null,
    status          text        not null check (status in ('PUBLISHED', 'RETRACTED')),
    -- The version readers currently get; an assignment pins it.
    current_version integer     not null check (current_version > 0),
    -- The current version's lists, [{"id": "...", "itemIds": ["..."]}], which checklist prompts are built from.
    lists           text        not null default '[]',
    -- The newest event applied (occurredAt), so an older event delivered late cannot roll the article back.
    last_event_at   timestamptz not null,
    updated_at      timestamptz not null
);

-- Accounts (securebase.accounts.v1): role, status and display name, plus the account's event counter.
create table account_projection (
    account_id    uuid        primary key,
    role          text        check (role in ('CLIENT', 'THERAPIST', 'ADMIN')),
    status        text        check (status in ('INVITED', 'ACTIVE', 'DEACTIVATED')),
    display_name  text,
    -- Highest `sequence` applied for this account: events at or below it are stale or replayed and ignored.
    last_sequence bigint      not null,
    updated_at    timestamptz not null
);

-- Which therapist each client currently belongs to (one at a time, as in account-service). A caseload that ends
-- is deleted: from then on the former therapist sees nothing of the client.
create table caseload (
    client_id              uuid        primary key,
    therapist_id           uuid        not null,
    -- account-service's caseload assignment id, so a late CaseloadEnded of an older assignment cannot end a newer one.
    caseload_assignment_id uuid        not null,
    since                  timestamptz not null
);
create index caseload_therapist_idx on caseload (therapist_id, client_id);

-- Event ids each consumer has applied: a redelivered or replayed event is recognised and skipped.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);

-- ---------------------------------------------------------------------------------------------------------------
-- Assignments: reading + prompts + due date, the client's answers, the therapist's feedback, the client's replies.
-- ---------------------------------------------------------------------------------------------------------------

create table assignment (
    id               uuid        primary key,
    client_id        uuid        not null,
    therapist_id     uuid        not null,
    article_id       uuid        not null,
    -- The pinned version: the one current when the assignment was made, readable even after a retraction.
    article_version  integer     not null check (article_version > 0),
    -- Copied at assignment time, so the assignment still has a title once the article left the catalog.
    article_slug     text        not null,
    article_title    text        not null,
    note             bytea,
    due_at           timestamptz not null,
    status           text        not null check (status in ('ASSIGNED', 'OPENED', 'IN_PROGRESS', 'SUBMITTED', 'REVIEWED')),
    created_at       timestamptz not null,
    opened_at        timestamptz,
    submitted_at     timestamptz,
    reviewed_at      timestamptz,
    last_activity_at timestamptz not null,
    version          bigint      not null default 0
);
-- Keyset pagination: (created_at, id) descending within one client, or one therapist (whose list is filtered to
-- their current clients while walking the index, and stops after a page).
create index assignment_client_list_idx on assignment (client_id, created_at desc, id desc);
create index assignment_therapist_list_idx on assignment (therapist_id, created_at desc, id desc);
-- The adherence summary counts a page of clients' assignments from the index alone (an index-only scan).
create index assignment_adherence_idx on assignment (therapist_id, client_id)
    include (opened_at, submitted_at, due_at, last_activity_at);
-- A client's assignments come from their therapist (nearly always one): without this, PostgreSQL multiplies the
-- selectivities of "therapist = x" and "client in (caseload)" as if independent, expects a handful of rows, and
-- sorts all of a therapist's assignments instead of walking assignment_therapist_list_idx for one page.
create statistics assignment_client_therapist_stats (dependencies) on client_id, therapist_id from assignment;

create table assignment_prompt (
    id            uuid    primary key,
    assignment_id uuid    not null references assignment (id),
    position      integer not null check (position between 1 and 20),
    kind          text    not null check (kind in ('TEXT', 'CHECKLIST', 'SCALE')),
    question      bytea   not null,
    -- CHECKLIST: the article list it was built from and that list's item ids at the pinned version.
    list_id       text,
    item_ids      text[],
    constraint assignment_prompt_position_unique unique (assignment_id, position),
    constraint assignment_prompt_checklist check ((kind = 'CHECKLIST') = (list_id is not null))
);

-- One answer per prompt; saved as a draft until the assignment is submitted.
create table answer (
    id            uuid        primary key,
    assignment_id uuid        not null references assignment (id),
    prompt_id     uuid        not null references assignment_prompt (id),
    client_id     uuid        not null,
    content       bytea       not null,
    saved_at      timestamptz not null,
    constraint answer_one_per_prompt unique (prompt_id)
);
create index answer_assignment_idx on answer (assignment_id);

create table feedback (
    id            uuid        primary key,
    assignment_id uuid        not null references assignment (id),
    answer_id     uuid        not null references answer (id),
    therapist_id  uuid        not null,
    client_id     uuid        not null,
    body          bytea       not null,
    created_at    timestamptz not null
);
create index feedback_assignment_idx on feedback (assignment_id, created_at, id);

create table feedback_reply (
    id            uuid        primary key,
    feedback_id   uuid        not null references feedback (id),
    assignment_id uuid        not null references assignment (id),
    client_id     uuid        not null,
    body          bytea       not null,
    created_at    timestamptz not null
);
create index feedback_reply_assignment_idx on feedback_reply (assignment_id, created_at, id);

-- ---------------------------------------------------------------------------------------------------------------
-- The private journal.
-- ---------------------------------------------------------------------------------------------------------------

create table journal_entry (
    id            uuid        primary key,
    client_id     uuid        not null,
    -- Title, body and mood, encrypted together.
    content       bytea       not null,
    assignment_id uuid        references assignment (id),
    -- The therapist the entry is shared with (the client's therapist when they shared it); null = private.
    shared_with   uuid,
    shared_at     timestamptz,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       bigint      not null default 0,
    constraint journal_entry_sharing check ((shared_with is null) = (shared_at is null))
);
create index journal_entry_client_list_idx on journal_entry (client_id, created_at desc, id desc);
create index journal_entry_shared_list_idx on journal_entry (shared_with, shared_at desc, id desc)
    where shared_with is not null;
-- As for assignments: the therapist an entry is shared with follows from its client.
create statistics journal_entry_client_shared_stats (dependencies) on client_id, shared_with from journal_entry;

-- ---------------------------------------------------------------------------------------------------------------
-- Who read whose clinical data. Append-only (V3).
-- ---------------------------------------------------------------------------------------------------------------

create table access_audit (
    -- An identity, so the newest-first keyset order is simply id descending.
    id            bigint      generated always as identity primary key,
    occurred_at   timestamptz not null,
    actor_id      uuid        not null,
    actor_role    text        not null,
    actor_name    text        not null,
    -- The client whose data was read.
    subject_id    uuid        not null,
    resource_type text        not null,
    resource_id   uuid        not null,
    action        text        not null,
    request_id    text
);
create index access_audit_subject_idx on access_audit (subject_id, id desc);
create index access_audit_actor_idx on access_audit (actor_id, id desc);
