-- The language an article is written in (ISO 639-1). Its search vector is built with that language's text search
-- configuration, and the catalog matches a search with the same rules, so "relación" finds "relaciones" in a
-- Spanish article the way "relationships" finds "relationship" in an English one. Every existing article is English.

alter table article
    add column language varchar(8) not null default 'en',
    add constraint article_language_known check (language in ('en', 'es'));

alter table article_version
    add column language varchar(8) not null default 'en',
    add constraint article_version_language_known check (language in ('en', 'es'));

create or replace function article_search_vector_refresh() returns trigger
    language plpgsql as
$$
declare
    config regconfig := case new.language when 'es' then 'spanish'::regconfig else 'english'::regconfig end;
begin
    new.search_vector :=
            setweight(to_tsvector(config, coalesce(new.title, '')), 'A') ||
            setweight(to_tsvector(config, coalesce(array_to_string(new.tags, ' '), '')), 'B') ||
            setweight(to_tsvector(config, coalesce(new.summary, '')), 'B') ||
            setweight(to_tsvector(config, coalesce(new.body_text, '')), 'C');
    return new;
end
$$;

-- A change of language alone must rebuild the vector too.
drop trigger article_search_vector_refresh on article;
create trigger article_search_vector_refresh
    before insert or update of title, tags, summary, body_text, language
    on article
    for each row
execute function article_search_vector_refresh();
