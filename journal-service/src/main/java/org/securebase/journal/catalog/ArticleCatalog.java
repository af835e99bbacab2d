package org.securebase.journal.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What journal-service knows of content-service's library. */
@Component
public class ArticleCatalog {

    private static final TypeReference<List<AssignableArticle.ArticleList>> LISTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    ArticleCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The article if it is published now; empty when unknown or retracted. */
    @Transactional(readOnly = true)
    public Optional<AssignableArticle> assignable(UUID articleId) {
        return jdbc.sql("""
                        select article_id, slug, title, current_version, lists from catalog_article
                        where article_id = :id and status = 'PUBLISHED'""")
                .param("id", articleId)
                .query((rs, n) -> new AssignableArticle(rs.getObject("article_id", UUID.class), rs.getString("slug"),
                        rs.getString("title"), rs.getInt("current_version"), json.readValue(rs.getString("lists"), LISTS)))
                .optional();
    }
}
