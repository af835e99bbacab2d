-- Spring Modulith 2.0's event publication registry (the transactional outbox), exactly the PostgreSQL
-- schema its JDBC module ships (spring-modulith-events-jdbc 2.0.3, schema-postgresql.sql, v2 layout with
-- status, completion_attempts and last_resubmission_date), which is also what its JPA entities map. Owned
-- by Flyway like every other table, so spring.modulith.events.jdbc.schema-initialization stays off.
create table if not exists event_publication
(
    id                     uuid                     not null,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone,
    primary key (id)
);
create index if not exists event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);

create table if not exists event_publication_archive
(
    id                     uuid                     not null,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone,
    primary key (id)
);
create index if not exists event_publication_archive_serialized_event_hash_idx on event_publication_archive using hash (serialized_event);
create index if not exists event_publication_archive_by_completion_date_idx on event_publication_archive (completion_date);
