-- The key vault: one Tink keyset per client, encrypted under the key-encryption key with the client's id as
-- associated data (crypto.ClientKeys). It lives in a database of its own, with its own short backup retention, so
-- that destroying a client's row here makes every copy of their ciphertexts unreadable: the journal database, its
-- dumps and backups hold no key (ADR 0036).
create table client_keyset (
    client_id        uuid        primary key,
    encrypted_keyset text        not null,
    -- Key ids are not secret (each ciphertext starts with one): kept in the clear so that a census can tell which
    -- ciphertexts are under a client's current key without opening every keyset.
    primary_key_id   integer     not null,
    key_ids          integer[]   not null,
    revision         bigint      not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);

-- Clients whose key was destroyed. A late write for one of them must never create a new key: it is refused.
-- Only ids and the time; nothing about the person.
create table erased_client (
    client_id uuid        primary key,
    erased_at timestamptz not null
);
