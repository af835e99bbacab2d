package org.securebase.portal.writing;

import jakarta.validation.Valid;
import org.securebase.platform.contracts.ContentLimits;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.Sent;
import org.securebase.portal.forms.FieldProblem;
import org.securebase.portal.forms.FormErrors;
import org.securebase.portal.security.PortalRole;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
 * pages; the navigation offers them to therapists. Only an article's author may change it, and an admin may also
 * retract it: content-service decides, and these pages only leave out the forms the person could not use.
 */
@Controller
@PreAuthorize("hasAnyRole('therapist', 'admin')")
class WritingController {

    static final List<String> STATUSES = List.of("draft", "published", "retracted");

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final AuthoringApi articles;
    private final MarkdownPreview preview;
    private final MessageSource messages;

    WritingController(AuthoringApi articles, MarkdownPreview preview, MessageSource messages) {
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
     *
     * @param slug the article's address, from the page's URL
     */
    record Editing(String slug, String etag, String status, Integer version) {

        Editing {
            etag = etag == null ? "" : etag;
            status = status != null && STATUSES.contains(status) ? status : "draft";
            version = version == null || version < 0 ? 0 : version;
        }

        boolean published() {
            return "published".equals(status);
        }
    }

    @GetMapping("/writing")
    String list(@AuthenticationPrincipal OidcUser user, Model model) {
        model.addAttribute("person", user.getSubject());
        model.addAttribute("groups", STATUSES.stream().map(status -> new Group(status, articles.catalog(status))).toList());
        return "writing/list";
    }

    @GetMapping("/writing/new")
    String newArticle(Model model) {
        return editor(null, Draft.empty(), Map.of(), false, model);
    }

    @PostMapping("/writing")
    String create(@Valid @ModelAttribute("form") Draft form, BindingResult result,
                  @RequestParam(defaultValue = "save") String intent, Model model, RedirectAttributes redirect) {
        if ("preview".equals(intent)) {
            return editor(null, form, Map.of(), true, model);
        }
        form.checkFurther(result, true);
        Map<String, FieldProblem> invalid = FormErrors.of(result, Draft.class);
        if (!invalid.isEmpty()) {
            model.addAttribute("error", "writing.error.invalid");
            return editor(null, form, invalid, true, model);
        }
        Sent<Writing.Article> sent = articles.create(form.toCreate());
        if (!sent.ok()) {
            return refused(sent, null, form, model);
        }
        redirect.addFlashAttribute("notice", "writing.created");
        String created = sent.value() == null ? null : sent.value().slug();
        // The slug comes from content-service (derived when none was typed); only a well-formed one goes into a URL.
        return created != null && Draft.validSlug(created) ? "redirect:/writing/" + created : "redirect:/writing";
    }

    @GetMapping("/writing/{slug}")
    String edit(@PathVariable String slug, @AuthenticationPrincipal OidcUser user, Model model) {
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
        Editing editing = new Editing(slug, found.etag(), article.status(), article.version());
        if (!article.changeableBy(user.getSubject())) {
            model.addAttribute("othersArticle", true);
            model.addAttribute("mayRetract", PortalRole.primary(user.getClaims()).orElse(null) == PortalRole.ADMIN);
        }
        return editor(editing, Draft.of(article), Map.of(), false, model);
    }

    /**
     * @param editing       the hidden fields (etag, status, version) and the URL's slug; a value that cannot be read
     *                      ({@code editingResult}) counts as absent, since these only shape the page
     */
    @PostMapping("/writing/{slug}")
    String save(@PathVariable String slug, @Valid @ModelAttribute("form") Draft typed, BindingResult result,
                @ModelAttribute("editing") Editing editing, BindingResult editingResult,
                @RequestParam(defaultValue = "save") String intent, Model model, RedirectAttributes redirect) {
        requireSlug(slug);
        Draft form = typed.at(slug);
        Editing opened = new Editing(slug, editing.etag(), editing.status(), editing.version());
        if ("preview".equals(intent)) {
            return editor(opened, form, Map.of(), true, model);
        }
        form.checkFurther(result, false);
        Map<String, FieldProblem> invalid = FormErrors.of(result, Draft.class);
        if (!invalid.isEmpty()) {
            model.addAttribute("error", "writing.error.invalid");
            return editor(opened, form, invalid, true, model);
        }
        if (!AuthoringApi.wellFormedEtag(opened.etag())) {
            model.addAttribute("error", "writing.error.reload");
            return editor(opened, form, Map.of(), true, model);
        }
        Sent<Writing.Opened> sent = articles.save(slug, opened.etag(), form.toUpdate());
        if (!sent.ok()) {
            return refused(sent, opened, form, model);
        }
        boolean published = sent.value() != null ? sent.value().article().published() : opened.published();
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
        if (!AuthoringApi.wellFormedEtag(etag)) {
            redirect.addFlashAttribute("error", "writing.error.reload");
            return "redirect:/writing/" + slug;
        }
        return done(articles.publish(slug, etag), "writing.published", slug, redirect);
    }

    @PostMapping("/writing/{slug}/retract")
    String retract(@PathVariable String slug, @RequestParam(defaultValue = "") String etag,
                   RedirectAttributes redirect) {
        requireSlug(slug);
        if (!AuthoringApi.wellFormedEtag(etag)) {
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
                .body(messages.getMessage(result.problem(), new Object[] {ContentLimits.MARKDOWN}, locale));
    }

    /**
     * @param editing null for a new article
     * @param unsaved whether the form shows text that is not saved (a preview, or a change that was not accepted)
     */
    private String editor(Editing editing, Draft form, Map<String, FieldProblem> invalid, boolean unsaved,
                          Model model) {
        if (editing != null) {
            model.addAttribute("slug", editing.slug());
            model.addAttribute("heading", form.title().isEmpty() ? editing.slug() : form.title());
        }
        model.addAttribute("editing", editing);
        model.addAttribute("form", form);
        model.addAttribute("articleLanguages", ContentLimits.LANGUAGES);
        model.addAttribute("invalid", invalid);
        model.addAttribute("unsaved", unsaved);
        model.addAttribute("preview", preview.render(form.markdown()));
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
}
