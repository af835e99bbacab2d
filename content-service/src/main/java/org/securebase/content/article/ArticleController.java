package org.securebase.content.article;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.securebase.platform.security.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * One article: read it (any signed-in person, as {@link ArticleVisibility} allows), its versions, and for
 * authors (therapists, admins; enforced by {@link ArticleSecurityRules}) write, publish and retract.
 * The list and search live in the search package.
 */
@RestController
@RequestMapping(ArticleController.BASE)
@Tag(name = "Articles")
class ArticleController {

    static final String BASE = "/api/content/articles";

    /** A published article may be reused for a minute, then revalidated (cheaply, with If-None-Match). */
    private static final CacheControl PUBLISHED = CacheControl.maxAge(Duration.ofMinutes(1)).cachePrivate();
    /** Drafts and retracted articles change under their authors' hands: always revalidate. */
    private static final CacheControl UNPUBLISHED = CacheControl.noCache().cachePrivate();
    /** A version's content never changes; only its "latest" flag does, when a newer version appears. */
    private static final CacheControl VERSION = CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate();

    private final ArticleReading reading;
    private final ArticleAuthoring authoring;
    private final ArticleViews views;

    ArticleController(ArticleReading reading, ArticleAuthoring authoring, ArticleViews views) {
        this.reading = reading;
        this.authoring = authoring;
        this.views = views;
    }

    @GetMapping("/{slug}")
    @Operation(summary = "An article with its HTML and sections",
            description = "Clients get published articles only (404 otherwise); authors also get drafts and retracted "
                    + "articles, with the Markdown. Answers 304 when If-None-Match names the current ETag.")
    ResponseEntity<ArticleView> article(@PathVariable String slug,
                                        @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                                        @Parameter(hidden = true) Caller caller) {
        ArticleReading.Tagged<ArticleView> tagged = reading.article(slug, caller);
        return conditional(tagged, ifNoneMatch,
                tagged.status() == ArticleStatus.PUBLISHED ? PUBLISHED : UNPUBLISHED);
    }

    @GetMapping("/{slug}/versions")
    @Operation(summary = "The published versions of an article, newest first")
    List<VersionSummary> history(@PathVariable String slug, @Parameter(hidden = true) Caller caller) {
        return reading.history(slug, caller);
    }

    @GetMapping("/{slug}/versions/{version}")
    @Operation(summary = "One published version, exactly as it was published",
            description = "What an assignment pins. Clients may read the versions of published articles, and of a "
                    + "retracted article the versions assigned to them.")
    ResponseEntity<ArticleVersionView> version(@PathVariable String slug, @PathVariable int version,
                                               @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                                               @Parameter(hidden = true) Caller caller) {
        if (ifNoneMatch != null && !ifNoneMatch.isBlank()) {
            String etag = reading.versionTag(slug, version, caller);
            if (ETags.noneMatchHits(ifNoneMatch, etag)) {
                return notModified(etag, VERSION);
            }
        }
        return conditional(reading.version(slug, version, caller), ifNoneMatch, VERSION);
    }

    @PostMapping
    @Operation(summary = "Create a draft (therapists, admins)")
    ResponseEntity<ArticleView> create(@Valid @RequestBody ArticleRequests.Create request,
                                       @Parameter(hidden = true) Caller caller) {
        ArticleView created = authoring.create(request.slug(), request.content(), caller);
        return written(ResponseEntity.created(URI.create(BASE + "/" + created.slug())), created);
    }

    @PutMapping("/{slug}")
    @Operation(summary = "Replace an article's content (its author)",
            description = "Another person's article is a 404. Requires If-Match with the ETag last read (428 without, 412 when stale). Changing a "
                    + "published article publishes a new version at once.")
    ResponseEntity<ArticleView> update(@PathVariable String slug,
                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                       @Valid @RequestBody ArticleRequests.Update request,
                                       @Parameter(hidden = true) Caller caller) {
        return written(ResponseEntity.ok(), authoring.update(slug, ifMatch, request.content(), caller));
    }

    @PostMapping("/{slug}/publish")
    @Operation(summary = "Publish the current content as a new version (its author)",
            description = "Another person's article is a 404. 409 for an article without a body. Publishing a published article changes nothing. "
                    + "If-Match is optional and checked when sent.")
    ResponseEntity<ArticleView> publish(@PathVariable String slug,
                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        @Parameter(hidden = true) Caller caller) {
        return written(ResponseEntity.ok(), authoring.publish(slug, ifMatch, caller));
    }

    @PostMapping("/{slug}/retract")
    @Operation(summary = "Withdraw a published article from the library (its author, or an admin)",
            description = "A therapist's retracting another person's article is a 404. Versions pinned by assignments stay readable for their clients. 409 for a draft.")
    ResponseEntity<ArticleView> retract(@PathVariable String slug,
                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        @Parameter(hidden = true) Caller caller) {
        return written(ResponseEntity.ok(), authoring.retract(slug, ifMatch, caller));
    }

    private <T> ResponseEntity<T> conditional(ArticleReading.Tagged<T> tagged, String ifNoneMatch, CacheControl cache) {
        if (ETags.noneMatchHits(ifNoneMatch, tagged.etag())) {
            return notModified(tagged.etag(), cache);
        }
        return ResponseEntity.ok()
                .eTag(tagged.etag()).cacheControl(cache).varyBy(HttpHeaders.AUTHORIZATION).body(tagged.body());
    }

    private static <T> ResponseEntity<T> notModified(String etag, CacheControl cache) {
        return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                .eTag(etag).cacheControl(cache).varyBy(HttpHeaders.AUTHORIZATION).build();
    }

    private ResponseEntity<ArticleView> written(ResponseEntity.BodyBuilder response, ArticleView view) {
        return response.eTag(views.etag(view)).cacheControl(CacheControl.noStore()).body(view);
    }
}
