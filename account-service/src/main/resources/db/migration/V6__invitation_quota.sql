-- Every invitation email an admin asked for (a new invitation or one sent again), so account-service can limit
-- them per admin across all its instances: a stolen admin session must not turn the practice's mail relay into a
-- spam cannon. Ids and a time only; rows older than the window are deleted as new ones are written.

create table invitation_request (
    id           bigserial   primary key,
    inviter_id   uuid        not null,
    requested_at timestamptz not null
);

create index invitation_request_inviter_idx on invitation_request (inviter_id, requested_at);
