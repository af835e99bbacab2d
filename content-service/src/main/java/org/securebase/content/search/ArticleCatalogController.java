package org.securebase.content.search;

import org.securebase.platform.contracts.ContentLimits;
import org.securebase.content.article.ArticleStatus;
import org.securebase.content.article.ArticleVisibility;
import org.securebase.content.rendering.StorableText;
import org.securebase.platform.security.Caller;
import org.securebase.platform.web.problem.BadRequestException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Articles")
class ArticleCatalogController {

    static final int MAX_PAGE_SIZE = ContentLimits.PAGE_SIZE;

    private final ArticleCatalog catalog;

    ArticleCatalogController(ArticleCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/content/articles")
    @Operation(summary = "The library: list, filter by tag, search",
            description = "Published articles by default, newest first; with q, the matches ranked by relevance "
                    + "(PostgreSQL full-text search, English; quotes, OR and -word work as in web search engines). "
                    + "status=draft or status=retracted lists those, for therapists and admins only (403 for clients).")
    ArticlePage list(
            @RequestParam(required = false) @Size(max = ContentLimits.QUERY) String q,
            @RequestParam(required = false) @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$") @Size(max = ContentLimits.TAG) String tag,
            @Parameter(description = "draft, published (default) or retracted")
            @RequestParam(defaultValue = "published") String status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size,
            @Parameter(hidden = true) Caller caller) {
        ArticleStatus wanted = ArticleStatus.fromWireName(status)
                .orElseThrow(() -> BadRequestException.forField("status", "must be draft, published or retracted"));
        if (!StorableText.isStorable(q)) {
            throw BadRequestException.forField("q", "contains a control character");
        }
        if (wanted != ArticleStatus.PUBLISHED && !ArticleVisibility.isAuthor(caller)) {
            throw new AccessDeniedException("only authors list unpublished articles");
        }
        return catalog.find(new ArticleCatalog.Query(wanted, tag, q, page, size));
    }
}
