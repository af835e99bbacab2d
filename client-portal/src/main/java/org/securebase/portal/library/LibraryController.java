package org.securebase.portal.library;

import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.util.Optional;
import java.util.regex.Pattern;

import static org.springframework.http.HttpStatus.NOT_FOUND;

@Controller
class LibraryController {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final PlatformApi api;
    private final ReadingHtml readingHtml;

    LibraryController(PlatformApi api, ReadingHtml readingHtml) {
        this.api = api;
        this.readingHtml = readingHtml;
    }

    @GetMapping("/library")
    String library(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        String query = q == null ? "" : q.strip();
        if (query.length() > 200) {
            query = query.substring(0, 200);
        }
        int safePage = Math.max(0, Math.min(page, 10_000));
        String search = query;
        Fetched<Optional<Articles.Page>> articles = api.get(uri -> {
            uri.path("/api/content/articles").queryParam("page", safePage).queryParam("size", 20);
            if (!search.isEmpty()) {
                uri.queryParam("q", search);
            }
            return uri.build();
        }, Articles.Page.class);
        model.addAttribute("q", query);
        model.addAttribute("articles", articles.map(found -> found.orElse(null)));
        return "library/list";
    }

    @GetMapping("/library/{slug}")
    String article(@PathVariable String slug, Model model) {
        if (!SLUG.matcher(slug).matches() || slug.length() > 120) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        Fetched<Optional<Articles.Article>> article =
                api.get(uri -> uri.path("/api/content/articles/{slug}").build(slug), Articles.Article.class);
        if (article.available() && article.value().isEmpty()) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        model.addAttribute("article", article.map(Optional::get));
        // Sanitized here rather than in the template: Thymeleaf refuses bean calls in th:utext.
        model.addAttribute("readingBody", article.available() ? readingHtml.clean(article.value().get().html()) : "");
        return "library/article";
    }
}
