package org.securebase.portal.library;

import org.securebase.platform.contracts.ContentLimits;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.api.Sent;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * content-service's published articles ({@code /api/content/articles}), for the library, the assignment form and the
 * homework page; and the library's import and export ({@code /api/content/library}, for therapists and admins).
 * Writing articles has its own client, {@code writing.AuthoringApi}.
 */
@Component
public class LibraryApi {

    /** Results on one page of the library. */
    static final int LIBRARY_PAGE = 20;
    /** Articles per call when listing what may be assigned: content-service's largest page. */
    static final int TO_ASSIGN_PAGE = ContentLimits.PAGE_SIZE;
    /**
     * Pages read at most for the assignment form's list (1,000 readings). A larger library is still assignable: each
     * reading's library page links to the form with that reading chosen, and the form always lists the chosen one.
     */
    static final int TO_ASSIGN_PAGES = 10;

    private final PlatformApi api;

    public LibraryApi(PlatformApi api) {
        this.api = api;
    }

    /** A page of published articles, newest first, or the matches of {@code query} when it is not empty. */
    public Fetched<Optional<Articles.Page>> search(String query, int page) {
        return api.get(uri -> {
            uri.path("/api/content/articles").queryParam("page", page).queryParam("size", LIBRARY_PAGE);
            if (query != null && !query.isEmpty()) {
                uri.queryParam("q", query);
            }
            return uri.build();
        }, Articles.Page.class);
    }

    /**
     * The published articles a therapist may assign, newest first: every one, page by page, up to
     * {@link #TO_ASSIGN_PAGES} pages. Unavailable when any page is, so the form never offers half a library as whole.
     */
    public Fetched<List<Articles.Summary>> articlesToAssign() {
        List<Articles.Summary> all = new ArrayList<>();
        for (int page = 0; page < TO_ASSIGN_PAGES; page++) {
            int number = page;
            Fetched<Optional<Articles.Page>> fetched = api.get(uri -> uri.path("/api/content/articles")
                    .queryParam("page", number).queryParam("size", TO_ASSIGN_PAGE).build(), Articles.Page.class);
            if (fetched.unavailable()) {
                return Fetched.failed();
            }
            Optional<Articles.Page> found = fetched.value();
            found.ifPresent(one -> all.addAll(one.items()));
            if (found.isEmpty() || number + 1 >= found.get().totalPages()) {
                break;
            }
        }
        return Fetched.of(List.copyOf(all));
    }

    /** {@code listed} with {@code chosen} first when it is not among them (a reading older than the list reaches). */
    public static List<Articles.Summary> including(List<Articles.Summary> listed, Articles.Article chosen) {
        if (chosen == null || listed.stream().anyMatch(one -> one.slug().equals(chosen.slug()))) {
            return listed;
        }
        List<Articles.Summary> with = new ArrayList<>(listed.size() + 1);
        with.add(new Articles.Summary(chosen.id(), chosen.slug(), chosen.title(), chosen.summary(), chosen.language(),
                chosen.status(),
                chosen.version(), chosen.tags(), chosen.readingMinutes(), chosen.publishedAt()));
        with.addAll(listed);
        return List.copyOf(with);
    }

    /** The current version of a published article; empty when there is none with this slug. */
    public Fetched<Optional<Articles.Article>> article(String slug) {
        return api.get(uri -> uri.path("/api/content/articles/{slug}").build(slug), Articles.Article.class);
    }

    /**
     * The texts of the checklist items of one pinned version, by item id: a plain read, for pages that show answers
     * without the reading (the assignment page's prepared copy of the same URL is {@link #pinnedVersion}'s).
     */
    public Fetched<Map<String, String>> itemTexts(String slug, int version) {
        return api.get(uri -> uri.path("/api/content/articles/{slug}/versions/{version}").build(slug, version),
                Articles.Reading.class).map(found -> found.map(Articles.Reading::itemTexts).orElse(Map.of()));
    }

    /**
     * One version of an article, as an assignment pins it, and what the page {@code prepare}s from it (sanitized
     * HTML and so on). A version never changes, so it is prepared once per person and revalidated with
     * {@code If-None-Match} on every use; content-service still decides each time whether the person may read it.
     */
    public <R> Fetched<Optional<R>> pinnedVersion(String slug, int version, Function<Articles.Reading, R> prepare) {
        return api.getRevalidated(uri -> uri.path("/api/content/articles/{slug}/versions/{version}").build(slug, version),
                Articles.Reading.class, prepare);
    }

    /**
     * Imports library files (Markdown with front matter, or zips of them): all of them or, when content-service
     * refuses, none, with what is wrong with each file in the refusal's violations (field: the file).
     */
    public Sent<Transfer.Imported> importFiles(List<? extends Resource> files) {
        return api.postFiles(uri -> uri.path("/api/content/library/import").build(), "files", files,
                Transfer.Imported.class);
    }

    /** The library as a zip of library files, drafts included; empty when the person may not have it. */
    public Fetched<Optional<byte[]>> export() {
        return api.get(uri -> uri.path("/api/content/library/export").build(), byte[].class);
    }
}
