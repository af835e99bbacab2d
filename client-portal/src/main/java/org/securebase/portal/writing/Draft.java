package org.securebase.portal.writing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.securebase.platform.contracts.ContentLimits;
import org.securebase.portal.forms.FormErrors;
import org.securebase.portal.forms.FormText;
import org.springframework.validation.BindingResult;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The editor form as typed, and the checks content-service would make (its limits are platform-contracts'
 * {@link ContentLimits}), done first so a mistake is shown beside its field with nothing lost and nothing sent.
 * Lengths and required fields are Bean Validation constraints; {@link #checkFurther} adds what they cannot say.
 * content-service checks again; its word is final.
 *
 * @param slug     the article's address: typed for a new article (may be empty), the fixed one when editing
 * @param language the language it is written in, one of {@link ContentLimits#LANGUAGES}
 * @param tags     as typed: separated by commas
 * @param nextSlug the article that follows in a series, or empty
 */
record Draft(String slug,
             @NotBlank(message = "writing.error.title.blank")
             @Size(max = ContentLimits.TITLE, message = "writing.error.title.long") String title,
             @Size(max = ContentLimits.SUMMARY, message = "writing.error.summary.long") String summary,
             String language,
             @NotBlank(message = "writing.error.markdown.blank")
             @Size(max = ContentLimits.MARKDOWN, message = "writing.error.markdown.long") String markdown,
             String tags,
             String nextSlug) {

    static final Pattern SLUG = Pattern.compile(ContentLimits.SLUG_PATTERN);

    /**
     * Valid slugs that name the editor's own pages ({@code /writing/new}, {@code /writing/preview}), so an article
     * with one of them could not be opened here.
     */
    static final Set<String> RESERVED = Set.of("new", "preview");

    Draft {
        slug = slug == null ? "" : slug.strip();
        title = title == null ? "" : title.strip();
        // CommonMark reads CRLF and LF alike; as LF the text counts as the browser counted it.
        summary = FormText.trimmed(summary);
        language = language == null || language.isBlank() ? ContentLimits.DEFAULT_LANGUAGE : language.strip();
        markdown = FormText.lines(markdown);
        tags = tags == null ? "" : tags.strip();
        nextSlug = nextSlug == null ? "" : nextSlug.strip();
    }

    static Draft empty() {
        return new Draft("", "", "", ContentLimits.DEFAULT_LANGUAGE, "", "", "");
    }

    static Draft of(Writing.Article article) {
        return new Draft(article.slug(), article.title(), article.summary(), article.language(), article.markdown(),
                article.tags() == null ? "" : String.join(", ", article.tags()), article.nextSlug());
    }

    /** The same draft of the article at {@code fixedSlug}: an edit's address is the page's, whatever the form sent. */
    Draft at(String fixedSlug) {
        return new Draft(fixedSlug, title, summary, language, markdown, tags, nextSlug);
    }

    /** The tags as content-service takes them: lower case, without blanks or repeats. */
    List<String> tagList() {
        Set<String> unique = new LinkedHashSet<>();
        Arrays.stream(tags.split(",")).map(tag -> tag.strip().toLowerCase(Locale.ROOT))
                .filter(tag -> !tag.isEmpty()).forEach(unique::add);
        return List.copyOf(unique);
    }

    Writing.CreateRequest toCreate() {
        return new Writing.CreateRequest(slug.isEmpty() ? null : slug, title, summary, language, markdown,
                tagList(), nextSlug.isEmpty() ? null : nextSlug);
    }

    Writing.UpdateRequest toUpdate() {
        return new Writing.UpdateRequest(title, summary, language, markdown, tagList(),
                nextSlug.isEmpty() ? null : nextSlug);
    }

    /**
     * Adds to {@code result} what the constraints cannot check: the address (when {@code creating}), characters
     * content-service cannot store, the tags and the next article of a series.
     */
    void checkFurther(BindingResult result, boolean creating) {
        if (creating) {
            slugProblem().ifPresent(key -> FormErrors.reject(result, "slug", slug, key));
        }
        for (String field : List.of("title", "summary", "markdown")) {
            String text = switch (field) {
                case "title" -> title;
                case "summary" -> summary;
                default -> markdown;
            };
            if (!storable(text)) {
                FormErrors.reject(result, field, text, "writing.error.characters");
            }
        }
        if (!ContentLimits.LANGUAGES.contains(language)) {
            FormErrors.reject(result, "language", language, "writing.error.language");
        }
        List<String> list = tagList();
        if (list.size() > ContentLimits.TAGS) {
            FormErrors.reject(result, "tags", tags, "writing.error.tags.many", ContentLimits.TAGS);
        } else if (!list.stream().allMatch(tag -> tag.length() <= ContentLimits.TAG && SLUG.matcher(tag).matches())) {
            FormErrors.reject(result, "tags", tags, "writing.error.tags.invalid", ContentLimits.TAG);
        }
        if (!nextSlug.isEmpty() && !validSlug(nextSlug)) {
            FormErrors.reject(result, "nextSlug", nextSlug, "writing.error.next.invalid");
        } else if (!nextSlug.isEmpty() && nextSlug.equals(slug)) {
            FormErrors.reject(result, "nextSlug", nextSlug, "writing.error.next.self");
        }
    }

    private Optional<String> slugProblem() {
        if (slug.isEmpty()) {
            // content-service derives the slug from the title; say so here when it could not.
            String derived = derivedSlug(title);
            if (!title.isEmpty() && derived.length() < ContentLimits.SLUG_MIN) {
                return Optional.of("writing.error.slug.needed");
            }
            return RESERVED.contains(derived) ? Optional.of("writing.error.slug.reserved")
                    : Optional.empty();
        }
        if (!validSlug(slug)) {
            return Optional.of("writing.error.slug.invalid");
        }
        return RESERVED.contains(slug) ? Optional.of("writing.error.slug.reserved") : Optional.empty();
    }

    static boolean validSlug(String slug) {
        return slug.length() >= ContentLimits.SLUG_MIN && slug.length() <= ContentLimits.SLUG
                && SLUG.matcher(slug).matches();
    }

    /**
     * The slug content-service makes of a title when none is given (its {@code ArticleAuthoring.slugOf}): an address
     * derived from the title, which itself is sent whole.
     */
    static String derivedSlug(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return ascii.length() > 80 ? ascii.substring(0, 80).replaceAll("-[a-z0-9]*$", "") : ascii;
    }

    /**
     * Text content-service stores: no control characters but tab and line breaks, no lone surrogates (its
     * {@code StorableText}). Anything else it refuses with a 400 that does not say which field.
     */
    static boolean storable(String text) {
        return text.codePoints().noneMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f
                || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE));
    }
}
