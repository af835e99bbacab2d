package org.securebase.content.search;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.securebase.content.article.ArticleStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog query. Plain SQL because ranking and matching are PostgreSQL functions; every value is a bind
 * parameter, and {@code websearch_to_tsquery} accepts any text without syntax errors, so what a person types
 * into the search box can neither break nor change the query.
 */
@Repository
class ArticleCatalog {

    private static final String COLUMNS = """
            a.id, a.slug, a.title, a.summary, a.language, a.status, a.version, a.tags, a.reading_minutes, a.published_at, a.updated_at""";

    private final JdbcClient jdbc;

    ArticleCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Query(ArticleStatus status, String tag, String text, int page, int size) {
    }

    @Transactional(readOnly = true)
    ArticlePage find(Query query) {
        boolean searching = query.text() != null && !query.text().isBlank();
        String from = searching
                ? " from article a, websearch_to_tsquery('english', :text) q_en, websearch_to_tsquery('spanish', :text) q_es"
                : " from article a";
        StringBuilder where = new StringBuilder(" where a.status = :status");
        if (query.tag() != null) {
            where.append(" and a.tags @> array[cast(:tag as text)]");
        }
        if (searching) {
            // Each article is matched with the rules of its own language (its vector was built with them); the two
            // conditions keep the GIN index usable, which a query chosen per row would not.
            where.append(" and ((a.language = 'en' and a.search_vector @@ q_en)"
                    + " or (a.language = 'es' and a.search_vector @@ q_es))");
        }
        String order = searching
                ? " order by rank desc, a.published_at desc nulls last, a.id"
                : " order by a.published_at desc nulls last, a.updated_at desc, a.id";
        String select = "select " + COLUMNS + (searching
                ? ", ts_rank(a.search_vector, case a.language when 'es' then q_es else q_en end) as rank" : "");

        var statement = jdbc.sql(select + from + where + order + " limit :limit offset :offset")
                .param("status", query.status().name())
                .param("limit", query.size())
                .param("offset", (long) query.page() * query.size());
        var count = jdbc.sql("select count(*)" + from + where).param("status", query.status().name());
        if (query.tag() != null) {
            statement = statement.param("tag", query.tag());
            count = count.param("tag", query.tag());
        }
        if (searching) {
            statement = statement.param("text", query.text());
            count = count.param("text", query.text());
        }
        List<ArticleSummary> items = statement.query((rs, row) -> summary(rs, searching)).list();
        long total = count.query(Long.class).single();
        int pages = (int) ((total + query.size() - 1) / query.size());
        return new ArticlePage(items, query.page(), query.size(), total, pages);
    }

    private static ArticleSummary summary(ResultSet rs, boolean ranked) throws SQLException {
        return new ArticleSummary(
                rs.getObject("id", UUID.class),
                rs.getString("slug"),
                rs.getString("title"),
                rs.getString("summary"),
                rs.getString("language"),
                ArticleStatus.valueOf(rs.getString("status")),
                rs.getInt("version"),
                tags(rs.getArray("tags")),
                rs.getInt("reading_minutes"),
                instant(rs.getTimestamp("published_at")),
                instant(rs.getTimestamp("updated_at")),
                ranked ? rs.getFloat("rank") : null);
    }

    private static List<String> tags(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
