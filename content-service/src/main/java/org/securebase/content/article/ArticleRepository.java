package org.securebase.content.article;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ArticleRepository extends JpaRepository<Article, UUID> {

    Optional<Article> findBySlug(String slug);

    boolean existsBySlug(String slug);

    /** The article whose "next" is {@code article}: its predecessor in the series. */
    Optional<Article> findByNext(Article article);
}
