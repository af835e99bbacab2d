package org.securebase.content.article;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ArticleRepository extends JpaRepository<Article, UUID> {

    Optional<Article> findBySlug(String slug);

    /** The little that deciding about one of an article's versions needs, without its text. */
    @Query("select new org.securebase.content.article.ArticleHead(a.id, a.status, a.version) from Article a where a.slug = :slug")
    Optional<ArticleHead> findHeadBySlug(String slug);

    boolean existsBySlug(String slug);

    List<Article> findByStatusInOrderBySlug(Collection<ArticleStatus> statuses);

    /** The article whose "next" is {@code article}: its predecessor in the series. */
    Optional<Article> findByNext(Article article);
}
