package org.securebase.content.article;

import org.securebase.platform.contracts.ArticleAuthors;
import org.securebase.platform.contracts.ContentLimits;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.securebase.content.rendering.ArticleList;
import org.securebase.content.rendering.ArticleRenderer;
import org.securebase.content.rendering.ListItem;
import org.securebase.content.rendering.MarkdownRejectedException;
import org.securebase.content.rendering.RenderedBody;
import org.securebase.content.rendering.StorableText;
import org.securebase.platform.events.content.ArticlePublished;
import org.securebase.platform.events.content.ArticleRetracted;
import org.securebase.platform.events.outbox.IntegrationEvents;
import org.securebase.platform.security.Caller;
import org.securebase.platform.security.Role;
import org.securebase.platform.web.problem.BadRequestException;
import org.securebase.platform.web.problem.ConflictException;
import org.securebase.platform.web.problem.NotFoundException;
import org.securebase.platform.web.problem.PayloadTooLargeException;
import org.securebase.platform.web.problem.PreconditionFailedException;
import org.springframework.http.HttpStatus;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Writing, publishing and retracting articles. Every method is one transaction: the change, the version
 * snapshot and the event (stored by the outbox) commit together or not at all. An article is changed by its
 * author only (an admin may also retract it; the practice's own articles by any author); to anyone else it does not
 * exist.
 *
 * <p>Preconditions ({@code If-Match}) are checked here, inside the transaction, against the entity tag of
 * what the caller would get now; the JPA version column then catches a concurrent change that slips in
 * between the check and the commit.
 */
@Service
public class ArticleAuthoring {

    /** Largest Markdown body accepted, in characters (UTF-16 code units); documented in the OpenAPI description. */
    public static final int MAX_MARKDOWN_CHARS = ContentLimits.MARKDOWN;

    private final ArticleRepository articles;
    private final ArticleVersionRepository versions;
    private final ArticleRenderer renderer;
    private final ArticleViews views;
    private final IntegrationEvents events;
    private final Clock clock;

    ArticleAuthoring(ArticleRepository articles, ArticleVersionRepository versions, ArticleRenderer renderer,
                     ArticleViews views, IntegrationEvents events, Clock clock) {
        this.articles = articles;
        this.versions = versions;
        this.renderer = renderer;
        this.views = views;
        this.events = events;
        this.clock = clock;
    }

    /** Creates a draft. Without a slug one is derived from the title (made unique with a number). */
    @Transactional
    public ArticleView create(String requestedSlug, ArticleContent content, Caller author) {
        RenderedBody rendered = validate(content);
        String slug = requestedSlug != null ? requestedSlug : uniqueSlugFor(content.title());
        if (articles.existsBySlug(slug)) {
            throw new ConflictException("An article with the slug '" + slug + "' already exists.");
        }
        Instant now = now();
        Article article = Article.draft(UUID.randomUUID(), slug, author.id(), now);
        article.edit(content.title().strip(), content.summary().strip(), languageOf(content, article),
                content.markdown(), rendered, content.tags(), resolveNext(article, content.nextSlug()), now);
        saveAndFlush(article);
        return views.of(article, author);
    }

    /**
     * Replaces an article's content. For a published article this is a published change: a new version is
     * published at once (and announced), the previous one stays readable by number.
     */
    @Transactional
    public ArticleView update(String slug, String ifMatch, ArticleContent content, Caller editor) {
        Article article = loadToChange(slug, editor);
        requireMatch(article, ifMatch, editor);
        RenderedBody rendered = validate(content);
        Instant now = now();
        article.edit(content.title().strip(), content.summary().strip(), languageOf(content, article),
                content.markdown(), rendered, content.tags(), resolveNext(article, content.nextSlug()), now);
        if (article.isPublished()) {
            if (rendered.isEmpty()) {
                throw new ConflictException("A published article cannot lose its body. Retract it instead.");
            }
            publishCurrentContent(article, editor, now);
        }
        saveAndFlush(article);
        return views.of(article, editor);
    }

    /** Publishes the current content. Publishing a published article changes nothing. */
    @Transactional
    public ArticleView publish(String slug, String ifMatch, Caller publisher) {
        Article article = loadToChange(slug, publisher);
        if (ifMatch != null) {
            requireMatch(article, ifMatch, publisher);
        }
        if (article.isPublished()) {
            return views.of(article, publisher);
        }
        if (article.plainText() == null || article.plainText().isBlank()) {
            throw new ConflictException("An article without a body cannot be published. Write its body first.");
        }
        publishCurrentContent(article, publisher, now());
        saveAndFlush(article);
        return views.of(article, publisher);
    }

    /**
     * Withdraws a published article from the library. Retracting a retracted article changes nothing. Its author may,
     * and an admin may retract anyone's (a reading that must not be handed out any more cannot wait for its author).
     */
    @Transactional
    public ArticleView retract(String slug, String ifMatch, Caller retractor) {
        Article article = retractor.is(Role.ADMIN) ? load(slug) : loadToChange(slug, retractor);
        if (ifMatch != null) {
            requireMatch(article, ifMatch, retractor);
        }
        switch (article.status()) {
            case RETRACTED -> {
                return views.of(article, retractor);
            }
            case DRAFT -> throw new ConflictException("A draft has never been published, so it cannot be retracted.");
            case PUBLISHED -> {
                Instant now = now();
                article.retract(now);
                saveAndFlush(article);
                events.publish(new ArticleRetracted(article.id(), article.slug(), article.version(), now), now);
            }
        }
        return views.of(article, retractor);
    }

    /** Whether an article with this slug exists, in any status. For imports, not for answering readers. */
    @Transactional(readOnly = true)
    public boolean exists(String slug) {
        return articles.existsBySlug(slug);
    }

    // A new version, unless the content is exactly the latest version's: then that version is (still or
    // again, after a retraction) the current one, since the version increases on published changes only. A
    // PUT that changes nothing readers get announces nothing.
    private void publishCurrentContent(Article article, Caller publisher, Instant now) {
        ArticleVersion latest = versions.findFirstByArticleIdOrderByVersionDesc(article.id()).orElse(null);
        boolean unchanged = latest != null && latest.hasSameContentAs(article);
        if (unchanged && article.isPublished() && article.version() == latest.version()) {
            return;
        }
        int number;
        if (unchanged) {
            number = latest.version();
        } else {
            number = latest == null ? 1 : latest.version() + 1;
            versions.save(ArticleVersion.snapshotOf(article, number, publisher.id(), now));
        }
        article.publishAs(number, now);
        events.publish(publishedPayload(article, now), now);
    }

    private static ArticlePublished publishedPayload(Article article, Instant now) {
        List<ArticlePublished.Section> sections = article.sections().stream()
                .map(section -> new ArticlePublished.Section(section.anchor(), section.heading(),
                        section.lists().stream().map(ArticleAuthoring::listRef).toList()))
                .toList();
        return new ArticlePublished(article.id(), article.slug(), article.title(), article.summary(),
                article.version(), article.tags(), sections, now);
    }

    private static ArticlePublished.ListRef listRef(ArticleList list) {
        return new ArticlePublished.ListRef(list.id(), list.items().stream().map(ListItem::id).toList());
    }

    /** The language asked for; an edit that does not name one keeps the article's (a new draft's is the default). */
    private static String languageOf(ArticleContent content, Article article) {
        return content.language() != null ? content.language() : article.language();
    }

    private RenderedBody validate(ArticleContent content) {
        if (content.markdown().length() > MAX_MARKDOWN_CHARS) {
            throw new PayloadTooLargeException("The article body may be at most " + MAX_MARKDOWN_CHARS
                    + " characters long.");
        }
        requireStorable("title", content.title());
        requireStorable("summary", content.summary());
        try {
            return renderer.render(content.markdown());
        } catch (MarkdownRejectedException rejected) {
            throw BadRequestException.forField("markdown", rejected.getMessage());
        }
    }

    private Article resolveNext(Article article, String nextSlug) {
        if (nextSlug == null) {
            return null;
        }
        if (nextSlug.equals(article.slug())) {
            throw BadRequestException.forField("nextSlug", "must name another article");
        }
        Article next = articles.findBySlug(nextSlug)
                .orElseThrow(() -> BadRequestException.forField("nextSlug", "names no article"));
        articles.findByNext(next)
                .filter(previous -> !previous.id().equals(article.id()))
                .ifPresent(previous -> {
                    throw new ConflictException("That article already follows '" + previous.slug() + "' in a series.");
                });
        return next;
    }

    private void requireMatch(Article article, String ifMatch, Caller caller) {
        if (ifMatch == null || ifMatch.isBlank()) {
            // 428 (RFC 6585): an unconditional write could silently undo someone else's edit.
            throw new ResponseStatusException(HttpStatus.PRECONDITION_REQUIRED,
                    "Send the article's ETag in If-Match, so a change made since you loaded it is not overwritten.");
        }
        String current = views.etag(views.of(article, caller));
        if (!ETags.matchHits(ifMatch, current)) {
            throw new PreconditionFailedException();
        }
    }

    private void saveAndFlush(Article article) {
        try {
            articles.saveAndFlush(article);
        } catch (DataIntegrityViolationException clash) {
            // Two requests raced past the checks above (same slug, or the same next article).
            throw new ConflictException("Another change to the library conflicts with this one. Reload and try again.");
        }
    }

    private Article load(String slug) {
        return articles.findBySlug(slug).orElseThrow(NotFoundException::new);
    }

    /**
     * An article only its author may change (any author, when it is the practice's): anyone else is answered as if
     * it did not exist (404), before the entity tag is looked at, so it tells them nothing.
     */
    private Article loadToChange(String slug, Caller caller) {
        Article article = load(slug);
        if (!ArticleAuthors.mayChange(article.authorId(), caller.id())) {
            throw new NotFoundException();
        }
        return article;
    }

    private String uniqueSlugFor(String title) {
        String base = slugOf(title);
        if (base.length() < 3) {
            throw BadRequestException.forField("slug", "is required when the title has fewer than three letters or digits");
        }
        String candidate = base;
        for (int n = 2; articles.existsBySlug(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    static String slugOf(String title) {
        String ascii = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return ascii.length() > 80 ? ascii.substring(0, 80).replaceAll("-[a-z0-9]*$", "") : ascii;
    }

    private static void requireStorable(String field, String value) {
        if (!StorableText.isStorable(value)) {
            throw BadRequestException.forField(field, "contains a character that cannot be stored");
        }
    }

    private Instant now() {
        // Microseconds: what PostgreSQL keeps, so a value read back equals the one written.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
