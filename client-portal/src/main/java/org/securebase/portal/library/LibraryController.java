package org.securebase.portal.library;

import jakarta.validation.Valid;
import org.securebase.platform.contracts.ContentLimits;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.forms.FieldProblem;
import org.securebase.portal.forms.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.springframework.http.HttpStatus.NOT_FOUND;

@Controller
class LibraryController {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final LibraryApi library;
    private final ReadingHtml readingHtml;

    LibraryController(LibraryApi library, ReadingHtml readingHtml) {
        this.library = library;
        this.readingHtml = readingHtml;
    }

    /** A search longer than content-service takes is explained beside the field, not shortened behind the person's back. */
    @GetMapping("/library")
    String library(@Valid @ModelAttribute("search") LibrarySearch search, BindingResult result, Model model) {
        Map<String, FieldProblem> invalid = FormErrors.of(result, LibrarySearch.class);
        model.addAttribute("q", search.q());
        model.addAttribute("invalid", invalid);
        if (!invalid.isEmpty()) {
            model.addAttribute("articles", Fetched.of(null));
            return "library/list";
        }
        Fetched<Optional<Articles.Page>> articles = library.search(search.q(), search.pageNumber());
        model.addAttribute("articles", articles.map(found -> found.orElse(null)));
        return "library/list";
    }

    @GetMapping("/library/{slug}")
    String article(@PathVariable String slug, Model model) {
        if (!SLUG.matcher(slug).matches() || slug.length() > ContentLimits.SLUG) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        Fetched<Optional<Articles.Article>> article = library.article(slug);
        if (article.available() && article.value().isEmpty()) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        model.addAttribute("article", article.map(Optional::get));
        // Sanitized here rather than in the template: Thymeleaf refuses bean calls in th:utext.
        model.addAttribute("readingBody", article.available() ? readingHtml.clean(article.value().get().html()) : "");
        return "library/article";
    }
}
