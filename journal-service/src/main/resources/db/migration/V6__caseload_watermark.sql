-- How far the caseload projection has come, per partition of securebase.accounts.v1: the newest heartbeat of
-- account-service applied there, and the time up to which it says everything was delivered (ADR 0016).
create table caseload_watermark (
    topic_partition integer     not null primary key,
    partitions      integer     not null,
    caught_up_until timestamptz not null,
    sent_at         timestamptz not null
);
