-- Whether each account is deactivated, projected from account-service's events (securebase.accounts.v1), so that
-- a deactivated person's still-valid access token is refused here at once. last_sequence is the account's event
-- sequence last applied: an older event delivered late cannot undo a newer one.
create table account_status (
    account_id    uuid    primary key,
    deactivated   boolean not null,
    last_sequence bigint  not null
);
