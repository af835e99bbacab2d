-- The audit's hash chain: one seal per audit row, in id order, each the SHA-256 of the previous seal and the row's
-- content (audit.AuditChain). A separate table, so that a read is audited with one insert and no lock; a sealer
-- chains the rows behind it. Append-only like the audit itself. No foreign key on purpose: a row deleted by someone
-- who could get past the triggers must leave its seal behind, for the verification to report.
create table access_audit_seal (
    audit_id      bigint      not null primary key,
    previous_hash bytea       not null,
    row_hash      bytea       not null,
    sealed_at     timestamptz not null
);

revoke update, delete, truncate on access_audit_seal from public;

create trigger access_audit_seal_no_update_or_delete
    before update or delete on access_audit_seal
    for each row
execute function access_audit_refuse_change();

create trigger access_audit_seal_no_truncate
    before truncate on access_audit_seal
    for each statement
execute function access_audit_refuse_change();
