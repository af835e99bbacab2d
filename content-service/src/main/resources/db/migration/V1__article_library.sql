-- The reading library. content-service owns every table here; Flyway creates all of them (Hibernate only
-- validates), including the event publication registry in V2.

create table article (
    id              uuid         primary key,
    slug            varchar(100) not null,
    title           varchar(200) not null,
    summary         varchar(1000) not null default '',
    body_markdown   text         not null default '',
    -- Derived from body_markdown on every change, so reads never render.
    body_html       text         not null default '',
    body_text       text         not null default '',
    sections        text         not null default '[]',
    tags            text[]       not null default '{}',
    reading_minutes integer      not null default 0,
    status          varchar(16)  not null,
    -- The number of the published version readers get; 0 until the first publication.
    version         integer      not null default 0,
    -- Optimistic lock (JPA @Version), the source of the ETag / If-Match checks.
    revision        bigint       not null default 0,
    author_id       uuid         not null,
    -- A series is a chain: each article names the next one; "previous" is whoever names this one.
    next_article_id uuid         references article (id),
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    published_at    timestamptz,
    retracted_at    timestamptz,
    -- Maintained by the trigger below; title weighs most, then tags and summary, then the body.
    search_vector   tsvector     not null default ''::tsvector,
    constraint article_slug_unique unique (slug),
    constraint article_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    constraint article_status_known check (status in ('DRAFT', 'PUBLISHED', 'RETRACTED')),
    constraint article_published_has_version check (status = 'DRAFT' or version > 0),
    constraint article_one_previous unique (next_article_id),
    constraint article_next_not_self check (next_article_id <> id)
);

create index article_search_vector_idx on article using gin (search_vector);
create index article_tags_idx on article using gin (tags);
create index article_status_published_idx on article (status, published_at desc, id);

-- A trigger rather than a generated column: array_to_string is not immutable, which generated columns need.
create function article_search_vector_refresh() returns trigger
    language plpgsql as
$$
begin
    new.search_vector :=
            setweight(to_tsvector('english', coalesce(new.title, '')), 'A') ||
            setweight(to_tsvector('english', coalesce(array_to_string(new.tags, ' '), '')), 'B') ||
            setweight(to_tsvector('english', coalesce(new.summary, '')), 'B') ||
            setweight(to_tsvector('english', coalesce(new.body_text, '')), 'C');
    return new;
end
$$;

create trigger article_search_vector_refresh
    before insert or update of title, tags, summary, body_text
    on article
    for each row
execute function article_search_vector_refresh();

-- Every published version, unchanged forever: assignments pin a version number and read it from here.
create table article_version (
    id              uuid          primary key,
    article_id      uuid          not null references article (id),
    version         integer       not null,
    title           varchar(200)  not null,
    summary         varchar(1000) not null,
    body_markdown   text          not null,
    body_html       text          not null,
    sections        text          not null,
    tags            text[]        not null,
    reading_minutes integer       not null,
    published_at    timestamptz   not null,
    published_by    uuid          not null,
    constraint article_version_unique unique (article_id, version),
    constraint article_version_positive check (version > 0)
);
