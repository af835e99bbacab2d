package org.securebase.content.article;

import java.util.List;

import org.securebase.platform.contracts.ContentLimits;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the article endpoints. Limits are part of the API and listed in the OpenAPI document. */
final class ArticleRequests {

    static final String SLUG_PATTERN = ContentLimits.SLUG_PATTERN;
    static final String TAG_PATTERN = ContentLimits.TAG_PATTERN;
    static final int MAX_TITLE = ContentLimits.TITLE;
    static final int MAX_SUMMARY = ContentLimits.SUMMARY;
    static final int MAX_TAGS = ContentLimits.TAGS;
    static final int MAX_TAG_LENGTH = ContentLimits.TAG;
    static final String LANGUAGE_DESCRIPTION = "The language the article is written in, which decides how it is searched: "
            + "'en' or 'es'. When absent a new article is in 'en' and an edit keeps the article's language.";
    static final String LANGUAGE_MESSAGE = "must be 'en' or 'es'";

    private ArticleRequests() {
    }

    @Schema(name = "CreateArticleRequest")
    record Create(
            @Schema(description = "Lower-case words joined by hyphens; derived from the title when absent. Cannot change later.",
                    example = "attachment-and-healing")
            @Size(min = ContentLimits.SLUG_MIN, max = ContentLimits.SLUG) @Pattern(regexp = SLUG_PATTERN, message = "must be lower-case words joined by hyphens")
            String slug,
            @NotBlank @Size(max = MAX_TITLE) String title,
            @Size(max = MAX_SUMMARY) String summary,
            @Schema(description = LANGUAGE_DESCRIPTION, example = "en")
            @Pattern(regexp = ContentLimits.LANGUAGE_PATTERN, message = LANGUAGE_MESSAGE) String language,
            @Schema(description = "CommonMark. At most " + ArticleAuthoring.MAX_MARKDOWN_CHARS
                    + " characters; a longer body is answered with 413.")
            String markdown,
            @Size(max = MAX_TAGS) List<@NotBlank @Size(max = MAX_TAG_LENGTH)
                    @Pattern(regexp = TAG_PATTERN, message = "must be lower-case words joined by hyphens") String> tags,
            @Pattern(regexp = SLUG_PATTERN, message = "must be an article slug") String nextSlug) {

        ArticleContent content() {
            return new ArticleContent(title, summary, language, markdown, tags, nextSlug);
        }
    }

    @Schema(name = "UpdateArticleRequest",
            description = "The whole new content. Changing a published article publishes a new version at once.")
    record Update(
            @NotBlank @Size(max = MAX_TITLE) String title,
            @Size(max = MAX_SUMMARY) String summary,
            @Schema(description = LANGUAGE_DESCRIPTION, example = "en")
            @Pattern(regexp = ContentLimits.LANGUAGE_PATTERN, message = LANGUAGE_MESSAGE) String language,
            @Schema(description = "CommonMark. At most " + ArticleAuthoring.MAX_MARKDOWN_CHARS
                    + " characters; a longer body is answered with 413.")
            String markdown,
            @Size(max = MAX_TAGS) List<@NotBlank @Size(max = MAX_TAG_LENGTH)
                    @Pattern(regexp = TAG_PATTERN, message = "must be lower-case words joined by hyphens") String> tags,
            @Pattern(regexp = SLUG_PATTERN, message = "must be an article slug") String nextSlug) {

        ArticleContent content() {
            return new ArticleContent(title, summary, language, markdown, tags, nextSlug);
        }
    }
}
