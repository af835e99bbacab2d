-- The service's keyset, encrypted under the key-encryption key (a KMS key or a master key file): one row, whose
-- revision every instance watches, so a rotation reaches all of them (crypto.KeyRing). legacy_binding_accepted: old
-- ciphertexts bound only to field, row and owner still decrypt until a rotation has re-encrypted every row.
create table crypto_keyset (
    id                      smallint    primary key default 1 check (id = 1),
    encrypted_keyset        text        not null,
    revision                bigint      not null,
    legacy_binding_accepted boolean     not null,
    updated_at              timestamptz not null
);

-- Each ciphertext is bound to its row's seal version, raised whenever the text is written again: an older
-- ciphertext put back into its row no longer decrypts. (assignment.version counts workflow steps, not the note.)
alter table assignment add column note_version bigint not null default 1;
alter table assignment_prompt add column sealed_version bigint not null default 1;
alter table answer add column sealed_version bigint not null default 1;
alter table feedback add column sealed_version bigint not null default 1;
alter table feedback_reply add column sealed_version bigint not null default 1;
alter table journal_entry add column sealed_version bigint not null default 1;
