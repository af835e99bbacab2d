-- A person's record, prepared in the background as one archive (record feature). The archive is clinical data: it is
-- stored only as one AEAD ciphertext bound to the export's id and its client (ClinicalCipher field RECORD_ARCHIVE),
-- and only until the link expires; then the bytes are dropped and the row stays as the record of the request.
create table record_export (
    id             uuid primary key,
    subject_id     uuid        not null,
    requested_by   uuid        not null,
    requester_role varchar(16) not null check (requester_role in ('CLIENT', 'THERAPIST')),
    -- the language of the words around the person's own in record.html and record.pdf (the portal's languages)
    language       varchar(8)  not null default 'en' check (language in ('en', 'es')),
    status         varchar(16) not null check (status in ('PREPARING', 'READY', 'FAILED', 'EXPIRED')),
    items_done     integer     not null default 0 check (items_done >= 0),
    items_total    integer check (items_total >= 0),
    requested_at   timestamptz not null,
    -- who prepares it and since when: a claim older than the preparation timeout is taken over by another instance
    claimed_at     timestamptz,
    ready_at       timestamptz,
    expires_at     timestamptz,
    archive        bytea,
    -- raised when the key rotation seals the archive again (crypto.SqlColumn)
    archive_version bigint     not null default 1,
    archive_bytes  bigint,
    downloads      integer     not null default 0,
    last_download_at timestamptz,
    check ((status = 'READY') = (archive is not null))
);

-- "my requests", newest first
create index record_export_requester_idx on record_export (requested_by, requested_at desc, id desc);
-- the rights requests about one person (admins)
create index record_export_subject_idx on record_export (subject_id, requested_at desc);
-- what is waiting to be prepared, and what must expire
create index record_export_waiting_idx on record_export (requested_at) where status = 'PREPARING';
create index record_export_ready_idx on record_export (expires_at) where status = 'READY';
