-- How well a handed-in homework was done, as its therapist rated it (0 not attempted .. 3 done fully, with skill): a
-- clinical judgement, sealed like the other clinical fields with its own seal version; rated_at says when.
alter table assignment
    add column quality          bytea,
    add column quality_version  bigint not null default 1,
    add column rated_at         timestamptz;
