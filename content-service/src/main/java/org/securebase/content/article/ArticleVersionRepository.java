package org.securebase.content.article;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ArticleVersionRepository extends JpaRepository<ArticleVersion, UUID> {

    Optional<ArticleVersion> findByArticleIdAndVersion(UUID articleId, int version);

    boolean existsByArticleIdAndVersion(UUID articleId, int version);

    Optional<ArticleVersion> findFirstByArticleIdOrderByVersionDesc(UUID articleId);

    List<ArticleVersion> findByArticleIdOrderByVersionDesc(UUID articleId);
}
