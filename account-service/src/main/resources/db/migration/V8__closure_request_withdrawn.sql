-- A client may withdraw a request to close their account while it waits; the row stays, as the record of both.
alter table closure_request add column withdrawn_at timestamptz;
alter table closure_request add constraint closure_request_closed_or_withdrawn
    check (closed_at is null or withdrawn_at is null);

drop index closure_request_one_waiting;
create unique index closure_request_one_waiting on closure_request (subject_id)
    where closed_at is null and withdrawn_at is null;
