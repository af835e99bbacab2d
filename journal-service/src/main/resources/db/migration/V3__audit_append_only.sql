-- Audit rows are append-only, and the database enforces it, not just the code.
--
-- REVOKE alone does not do it here: the service's role owns its tables (it runs these migrations), and an owner
-- can always grant itself the privilege back. The alternative, tables owned by a separate migration role with
-- the service connecting as a role that only has INSERT and SELECT, needs a second database role and credential
-- per deployment, which the platform does not provision (one role per service database). So the table keeps its
-- owner and triggers refuse every UPDATE, DELETE and TRUNCATE, whoever issues it; the REVOKE still covers
-- any other role that is ever granted access. Removing the triggers takes a migration (DDL), which is reviewed;
-- application code only ever runs DML.
revoke update, delete, truncate on access_audit from public;
revoke update, delete, truncate on access_audit from current_user;

create function access_audit_refuse_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'access_audit is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger access_audit_no_update_or_delete
    before update or delete on access_audit
    for each row
execute function access_audit_refuse_change();

create trigger access_audit_no_truncate
    before truncate on access_audit
    for each statement
execute function access_audit_refuse_change();
