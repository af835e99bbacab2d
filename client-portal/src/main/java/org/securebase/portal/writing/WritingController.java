package org.securebase.portal.writing;

import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.api.Sent;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The article writing pages. Every form works without JavaScript (the "Preview" button re-renders the page with
 * the preview); writing.js only adds the live preview through {@code POST /writing/preview}.
 *
 * <p>content-service lets therapists and admins write (its {@code ArticleSecurityRules}), so both may use these
 * pages; the navigation offers them to therapists. Any author may edit any article: the service has no owner rule.
 */
@Controller
@PreAuthorize("hasAnyRole('therapist', 'admin')")
class WritingController {

    static final List<String> STATUSES = List.of("draft", "published", "retracted");
    /** The catalog's largest page: a practice's library is far smaller, and the list says when it is not. */
    static final int LIST_SIZE = 100;

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final PlatformApi api;
    private final EditableArticles articles;
    private final MarkdownPreview preview;
    private final MessageSource messages;

    WritingController(PlatformApi api, EditableArticles articles, MarkdownPreview preview, MessageSource messages) {
        this.api = api;
        this.articles = articles;
        this.preview = preview;
        this.messages = messages;
    }

    /** The articles of one status; each is fetched on its own so one failing leaves the others on the page. */
    record Group(String status, Fetched<Writing.Page> page) {
    }

    /**
     * The article being edited, as the page was opened: its entity tag (sent back with every change) and the
     * status and version the page describes. Carried in hidden fields so a re-rendered form needs no API call;
     * they only shape the page, content-service decides on every change.
     */
    record Editing(String slug, String etag, String status, int version) {

        boolean published() {
            return "published".equals(status);
        }
    }

    @GetMapping("/writing")
    String list(Model model) {
        model.addAttribute("groups", STATUSES.stream().map(status -> new Group(status, api.get(uri -> uri
                        .path("/api/content/articles").queryParam("status", status).queryParam("size", LIST_SIZE).build(),
                Writing.Page.class).map(page -> page.orElse(new Writing.Page(List.of(), 0, LIST_SIZE, 0, 0))))).toList());
        return "writing/list";
    }

    @GetMapping("/writing/new")
    String newArticle(Model model) {
        return editor(null, Draft.empty(), Map.of(), false, model);
    }

    @PostMapping("/writing")
    String create(@RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String title,
                  @RequestParam(defaultValue = "") String summary, @RequestParam(defaultValue = "") String markdown,
                  @RequestParam(defaultValue = "") String tags, @RequestParam(defaultValue = "") String nextSlug,
                  @RequestParam(defaultValue = "save") String intent, Model model, RedirectAttributes redirect) {
        Draft form = new Draft(slug, title, summary, markdown, tags, nextSlug);
        if ("preview".equals(intent)) {
            return editor(null, form, Map.of(), true, model);
        }
        Map<String, Draft.Invalid> invalid = form.problems(true);
        if (!invalid.isEmpty()) {
            model.addAttribute("error", "writing.error.invalid");
            return editor(null, form, invalid, true, model);
        }
        Sent<Writing.Article> sent = api.post(uri -> uri.path("/api/content/articles").build(), form.toCreate(),
                Writing.Article.class);
        if (!sent.ok()) {
            return refused(sent, null, form, model);
        }
        redirect.addFlashAttribute("notice", "writing.created");
        String created = sent.value() == null ? null : sent.value().slug();
        // The slug comes from content-service (derived when none was typed); only a well-formed one goes into a URL.
        return created != null && Draft.validSlug(created) ? "redirect:/writing/" + created : "redirect:/writing";
    }

    @GetMapping("/writing/{slug}")
    String edit(@PathVariable String slug, Model model) {
        requireSlug(slug);
        Fetched<Optional<Writing.Opened>> opened = articles.open(slug);
        if (opened.unavailable()) {
            model.addAttribute("slug", slug);
            model.addAttribute("heading", slug);
            model.addAttribute("unavailable", true);
            return editor(null, Draft.empty(), Map.of(), false, model);
        }
        Writing.Opened found = opened.value().orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        Writing.Article article = found.article();
        Editing editing = new Editing(slug, found.etag() == null ? "" : found.etag(), article.status(), article.version());
        return editor(editing, Draft.of(article), Map.of(), false, model);
    }

    @PostMapping("/writing/{slug}")
    String save(@PathVariable String slug, @RequestParam(defaultValue = "") String title,
                @RequestParam(defaultValue = "") String summary, @RequestParam(defaultValue = "") String markdown,
                @RequestParam(defaultValue = "") String tags, @RequestParam(defaultValue = "") String nextSlug,
                @RequestParam(defaultValue = "") String etag, @RequestParam(defaultValue = "draft") String status,
                @RequestParam(defaultValue = "0") String version, @RequestParam(defaultValue = "save") String intent,
                Model model, RedirectAttributes redirect) {
        requireSlug(slug);
        Editing editing = new Editing(slug, etag, STATUSES.contains(status) ? status : "draft", parseVersion(version));
        Draft form = new Draft(slug, title, summary, markdown, tags, nextSlug);
        if ("preview".equals(intent)) {
            return editor(editing, form, Map.of(), true, model);
        }
        Map<String, Draft.Invalid> invalid = form.problems(false);
        if (!invalid.isEmpty()) {
            model.addAttribute("error", "writing.error.invalid");
            return editor(editing, form, invalid, true, model);
        }
        if (!EditableArticles.wellFormedEtag(etag)) {
            model.addAttribute("error", "writing.error.reload");
            return editor(editing, form, Map.of(), true, model);
        }
        Sent<Writing.Opened> sent = articles.save(slug, etag, form.toUpdate());
        if (!sent.ok()) {
            return refused(sent, editing, form, model);
        }
        boolean published = sent.value() != null ? sent.value().article().published() : editing.published();
        redirect.addFlashAttribute("notice", published ? "writing.saved.published" : "writing.saved");
        return "redirect:/writing/" + slug;
    }

    @PostMapping("/writing/{slug}/publish")
    String publish(@PathVariable String slug, @RequestParam(defaultValue = "") String etag,
                   @RequestParam(required = false) String confirm, RedirectAttributes redirect) {
        requireSlug(slug);
        if (!"yes".equals(confirm)) {
            redirect.addFlashAttribute("error", "writing.error.confirm");
            return "redirect:/writing/" + slug;
        }
        if (!EditableArticles.wellFormedEtag(etag)) {
            redirect.addFlashAttribute("error", "writing.error.reload");
            return "redirect:/writing/" + slug;
        }
        return done(articles.publish(slug, etag), "writing.published", slug, redirect);
    }

    @PostMapping("/writing/{slug}/retract")
    String retract(@PathVariable String slug, @RequestParam(defaultValue = "") String etag,
                   RedirectAttributes redirect) {
        requireSlug(slug);
        if (!EditableArticles.wellFormedEtag(etag)) {
            redirect.addFlashAttribute("error", "writing.error.reload");
            return "redirect:/writing/" + slug;
        }
        return done(articles.retract(slug, etag), "writing.retracted", slug, redirect);
    }

    /**
     * writing.js's live preview: the sanitized HTML readers would see, or 422 with the reason as plain text when
     * the text cannot be rendered (too long, unstorable characters, nested too deeply).
     */
    @PostMapping("/writing/preview")
    ResponseEntity<String> preview(@RequestParam(defaultValue = "") String markdown, Locale locale) {
        MarkdownPreview.Result result = preview.render(markdown.replace("\r\n", "\n"));
        if (result.ok()) {
            return ResponseEntity.ok().contentType(HTML).body(result.html());
        }
        return ResponseEntity.unprocessableContent().contentType(TEXT)
                .body(messages.getMessage(result.problem(), new Object[] {Writing.MAX_MARKDOWN}, locale));
    }

    /**
     * @param editing null for a new article
     * @param unsaved whether the form shows text that is not saved (a preview, or a change that was not accepted)
     */
    private String editor(Editing editing, Draft form, Map<String, Draft.Invalid> invalid, boolean unsaved,
                          Model model) {
        if (editing != null) {
            model.addAttribute("slug", editing.slug());
            model.addAttribute("heading", form.title().isEmpty() ? editing.slug() : form.title());
        }
        model.addAttribute("editing", editing);
        model.addAttribute("form", form);
        model.addAttribute("invalid", invalid);
        model.addAttribute("unsaved", unsaved);
        model.addAttribute("preview", preview.render(form.markdown()));
        // One source for the maxlength attributes and the messages that name a limit.
        model.addAttribute("limits", Map.of("title", Writing.MAX_TITLE, "summary", Writing.MAX_SUMMARY,
                "markdown", Writing.MAX_MARKDOWN, "slug", Writing.MAX_SLUG));
        return "writing/editor";
    }

    private String refused(Sent<?> sent, Editing editing, Draft form, Model model) {
        if (sent.unavailable()) {
            model.addAttribute("error", "writing.error.unavailable");
        } else {
            model.addAttribute("problem", sent.problem());
        }
        return editor(editing, form, Map.of(), true, model);
    }

    private static String done(Sent<?> sent, String notice, String slug, RedirectAttributes redirect) {
        if (sent.unavailable()) {
            redirect.addFlashAttribute("error", "writing.error.unavailable");
        } else if (!sent.ok()) {
            redirect.addFlashAttribute("problem", sent.problem());
        } else {
            redirect.addFlashAttribute("notice", notice);
        }
        return "redirect:/writing/" + slug;
    }

    /** A slug that cannot name an article here is answered like one that names none. */
    private static void requireSlug(String slug) {
        if (!Draft.validSlug(slug) || Draft.RESERVED.contains(slug)) {
            throw new ResponseStatusException(NOT_FOUND);
        }
    }

    private static int parseVersion(String version) {
        try {
            return Math.max(0, Integer.parseInt(version.strip()));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
