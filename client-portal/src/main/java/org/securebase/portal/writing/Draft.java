package org.securebase.portal.writing;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The editor form as typed, and the checks content-service would make, done first so a mistake is shown beside
 * its field with nothing lost and nothing sent. content-service checks again; its word is final.
 *
 * @param slug     the article's address: typed for a new article (may be empty), the fixed one when editing
 * @param tags     as typed: separated by commas
 * @param nextSlug the article that follows in a series, or empty
 */
record Draft(String slug, String title, String summary, String markdown, String tags, String nextSlug) {

    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /**
     * Valid slugs that name the editor's own pages ({@code /writing/new}, {@code /writing/preview}), so an article
     * with one of them could not be opened here.
     */
    static final Set<String> RESERVED = Set.of("new", "preview");

    /** What is wrong with one field: a message key of writing.properties and the limit it may mention. */
    record Invalid(String key, int limit) {
    }

    Draft {
        slug = slug == null ? "" : slug.strip();
        title = title == null ? "" : title.strip();
        // Browsers send line breaks as CRLF but count them as one character for maxlength; CommonMark reads both alike.
        summary = summary == null ? "" : summary.replace("\r\n", "\n").strip();
        markdown = markdown == null ? "" : markdown.replace("\r\n", "\n");
        tags = tags == null ? "" : tags.strip();
        nextSlug = nextSlug == null ? "" : nextSlug.strip();
    }

    static Draft empty() {
        return new Draft("", "", "", "", "", "");
    }

    static Draft of(Writing.Article article) {
        return new Draft(article.slug(), article.title(), article.summary(), article.markdown(),
                article.tags() == null ? "" : String.join(", ", article.tags()), article.nextSlug());
    }

    /** The tags as content-service takes them: lower case, without blanks or repeats. */
    List<String> tagList() {
        Set<String> unique = new LinkedHashSet<>();
        Arrays.stream(tags.split(",")).map(tag -> tag.strip().toLowerCase(Locale.ROOT))
                .filter(tag -> !tag.isEmpty()).forEach(unique::add);
        return List.copyOf(unique);
    }

    Writing.CreateRequest toCreate() {
        return new Writing.CreateRequest(slug.isEmpty() ? null : slug, title, summary, markdown, tagList(),
                nextSlug.isEmpty() ? null : nextSlug);
    }

    Writing.UpdateRequest toUpdate() {
        return new Writing.UpdateRequest(title, summary, markdown, tagList(), nextSlug.isEmpty() ? null : nextSlug);
    }

    /** Field name to what is wrong with it, in the order of the form; empty when the draft may be sent. */
    Map<String, Invalid> problems(boolean creating) {
        Map<String, Invalid> problems = new LinkedHashMap<>();
        if (creating) {
            slugProblem().ifPresent(problem -> problems.put("slug", problem));
        }
        if (title.isEmpty()) {
            problems.put("title", new Invalid("writing.error.title.blank", 0));
        } else if (title.length() > Writing.MAX_TITLE) {
            problems.put("title", new Invalid("writing.error.title.long", Writing.MAX_TITLE));
        } else if (!storable(title)) {
            problems.put("title", new Invalid("writing.error.characters", 0));
        }
        if (summary.length() > Writing.MAX_SUMMARY) {
            problems.put("summary", new Invalid("writing.error.summary.long", Writing.MAX_SUMMARY));
        } else if (!storable(summary)) {
            problems.put("summary", new Invalid("writing.error.characters", 0));
        }
        if (markdown.isBlank()) {
            problems.put("markdown", new Invalid("writing.error.markdown.blank", 0));
        } else if (markdown.length() > Writing.MAX_MARKDOWN) {
            problems.put("markdown", new Invalid("writing.error.markdown.long", Writing.MAX_MARKDOWN));
        } else if (!storable(markdown)) {
            problems.put("markdown", new Invalid("writing.error.characters", 0));
        }
        tagsProblem().ifPresent(problem -> problems.put("tags", problem));
        if (!nextSlug.isEmpty() && !validSlug(nextSlug)) {
            problems.put("nextSlug", new Invalid("writing.error.next.invalid", 0));
        } else if (!nextSlug.isEmpty() && nextSlug.equals(slug)) {
            problems.put("nextSlug", new Invalid("writing.error.next.self", 0));
        }
        return problems;
    }

    private Optional<Invalid> slugProblem() {
        if (slug.isEmpty()) {
            // content-service derives the slug from the title; say so here when it could not.
            String derived = derivedSlug(title);
            if (!title.isEmpty() && derived.length() < Writing.MIN_SLUG) {
                return Optional.of(new Invalid("writing.error.slug.needed", 0));
            }
            return RESERVED.contains(derived)
                    ? Optional.of(new Invalid("writing.error.slug.reserved", 0)) : Optional.empty();
        }
        if (!validSlug(slug)) {
            return Optional.of(new Invalid("writing.error.slug.invalid", 0));
        }
        return RESERVED.contains(slug)
                ? Optional.of(new Invalid("writing.error.slug.reserved", 0)) : Optional.empty();
    }

    private Optional<Invalid> tagsProblem() {
        List<String> list = tagList();
        if (list.size() > Writing.MAX_TAGS) {
            return Optional.of(new Invalid("writing.error.tags.many", Writing.MAX_TAGS));
        }
        boolean wellFormed = list.stream().allMatch(tag -> tag.length() <= Writing.MAX_TAG && SLUG.matcher(tag).matches());
        return wellFormed ? Optional.empty()
                : Optional.of(new Invalid("writing.error.tags.invalid", Writing.MAX_TAG));
    }

    static boolean validSlug(String slug) {
        return slug.length() >= Writing.MIN_SLUG && slug.length() <= Writing.MAX_SLUG && SLUG.matcher(slug).matches();
    }

    /** The slug content-service makes of a title when none is given (its {@code ArticleAuthoring.slugOf}). */
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
