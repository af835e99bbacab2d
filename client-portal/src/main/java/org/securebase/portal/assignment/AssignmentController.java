package org.securebase.portal.assignment;

import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.api.Sent;
import org.securebase.portal.caseload.Caseload;
import org.securebase.portal.library.Articles;
import org.securebase.portal.library.ReadingHtml;
import org.securebase.portal.security.PortalRole;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The homework pages: a therapist assigns a reading; the client reads the pinned version beside the prompts and
 * answers; the therapist reviews and gives feedback on one answer; the client reads it and may reply. Every form
 * works without JavaScript; homework.js only adds autosave and keeps drafts in the browser.
 */
@Controller
class AssignmentController {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final int MAX_TEXT = 10_000;
    /** As the form's maxlength says; journal-service enforces its own limit too. */
    static final int MAX_PROMPT = 2_000;

    private final PlatformApi api;
    private final Caseload caseload;
    private final ReadingHtml readingHtml;
    private final Clock clock;
    private final ZoneId zone = ZoneId.systemDefault();

    AssignmentController(PlatformApi api, Caseload caseload, ReadingHtml readingHtml) {
        this.api = api;
        this.caseload = caseload;
        this.readingHtml = readingHtml;
        this.clock = Clock.systemDefaultZone();
    }

    // ---- assigning (therapist) ----

    @GetMapping("/assignments/new")
    @PreAuthorize("hasRole('therapist')")
    String newAssignment(@RequestParam(required = false) String article, @RequestParam(required = false) UUID client,
                         Model model) {
        AssignForm form = new AssignForm(client, article, "", "", "", null, LocalDate.now(clock).plusWeeks(1), "");
        return assignForm(form, null, model);
    }

    @PostMapping("/assignments")
    @PreAuthorize("hasRole('therapist')")
    String assign(@RequestParam(required = false) UUID client, @RequestParam String article,
                  @RequestParam(defaultValue = "") String question, @RequestParam(defaultValue = "") String followUp,
                  @RequestParam(defaultValue = "") String scale, @RequestParam(required = false) String listId,
                  @RequestParam(required = false) LocalDate due, @RequestParam(defaultValue = "") String note,
                  Model model, RedirectAttributes redirect) {
        AssignForm form = new AssignForm(client, article, question.strip(), followUp.strip(), scale.strip(),
                listId == null || listId.isBlank() ? null : listId, due, note.strip());
        Fetched<Optional<Articles.Article>> chosen = readArticle(article);
        if (client == null) {
            return assignForm(form, "assign.error.client", model);
        }
        if (form.question().isEmpty() && form.followUp().isEmpty() && form.scale().isEmpty() && form.listId() == null) {
            return assignForm(form, "assign.error.prompt", model);
        }
        if (Stream.of(form.question(), form.followUp(), form.scale(), form.note()).anyMatch(t -> t.length() > MAX_PROMPT)) {
            return assignForm(form, "assign.error.tooLong", model);
        }
        if (due == null) {
            return assignForm(form, "assign.error.due", model);
        }
        if (due.isBefore(LocalDate.now(clock))) {
            return assignForm(form, "assign.error.duePast", model);
        }
        if (chosen.unavailable() || chosen.value().isEmpty()) {
            return assignForm(form, "assign.error.article", model);
        }
        List<Homework.PromptRequest> prompts = new java.util.ArrayList<>();
        Stream.of(form.question(), form.followUp()).filter(text -> !text.isEmpty())
                .forEach(text -> prompts.add(new Homework.PromptRequest("TEXT", text, null)));
        if (!form.scale().isEmpty()) {
            prompts.add(new Homework.PromptRequest("SCALE", form.scale(), null));
        }
        if (form.listId() != null) {
            String heading = sectionOfList(chosen.value().get(), form.listId());
            prompts.add(new Homework.PromptRequest("CHECKLIST", heading, form.listId()));
        }
        // Due at the end of the chosen day, in the practice's time zone.
        Homework.CreateRequest request = new Homework.CreateRequest(client, chosen.value().get().id(), prompts,
                form.note().isEmpty() ? null : form.note(), due.atTime(LocalTime.of(23, 59)).atZone(zone).toInstant());
        Sent<Homework.Summary> sent = api.post(uri -> uri.path("/api/journal/assignments").build(), request,
                Homework.Summary.class);
        if (!sent.ok()) {
            model.addAttribute("problem", sent.problem());
            return assignForm(form, sent.unavailable() ? "assign.error.unavailable" : null, model);
        }
        redirect.addFlashAttribute("notice", "assign.done");
        return "redirect:/";
    }

    record AssignForm(UUID client, String article, String question, String followUp, String scale, String listId,
                      LocalDate due, String note) {
    }

    /** A list of the article the therapist may turn into a checklist, named by its section. */
    record ListChoice(String id, String heading, List<Articles.Item> items) {
    }

    private String assignForm(AssignForm form, String error, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("clients", caseload.clients());
        model.addAttribute("articles", api.get(uri -> uri.path("/api/content/articles").queryParam("size", 50).build(),
                Articles.Page.class).map(page -> page.map(Articles.Page::items).orElse(List.of())));
        Fetched<Optional<Articles.Article>> chosen = readArticle(form.article());
        model.addAttribute("chosen", chosen.map(found -> found.orElse(null)));
        model.addAttribute("previewBody", chosen.available() && chosen.value().isPresent()
                ? readingHtml.clean(chosen.value().get().html()) : "");
        model.addAttribute("lists", chosen.map(found -> found.map(AssignmentController::listsOf).orElse(List.of())));
        return "assignment/new";
    }

    private Fetched<Optional<Articles.Article>> readArticle(String slug) {
        if (slug == null || slug.isBlank()) {
            return Fetched.of(Optional.empty());
        }
        if (!SLUG.matcher(slug).matches() || slug.length() > 120) {
            return Fetched.of(Optional.empty());
        }
        return api.get(uri -> uri.path("/api/content/articles/{slug}").build(slug), Articles.Article.class);
    }

    static List<ListChoice> listsOf(Articles.Article article) {
        return article.sections() == null ? List.of() : article.sections().stream()
                .flatMap(section -> section.lists() == null ? java.util.stream.Stream.<ListChoice>empty()
                        : section.lists().stream().map(list -> new ListChoice(list.id(), section.heading(), list.items())))
                .toList();
    }

    private static String sectionOfList(Articles.Article article, String listId) {
        return listsOf(article).stream().filter(choice -> choice.id().equals(listId)).map(ListChoice::heading)
                .findFirst().orElse(listId);
    }

    // ---- doing and reviewing ----

    @GetMapping("/assignments/{id}")
    String assignment(@PathVariable UUID id, @AuthenticationPrincipal OidcUser user, Model model) {
        Fetched<Optional<Homework.Assignment>> found =
                api.get(uri -> uri.path("/api/journal/assignments/{id}").build(id), Homework.Assignment.class);
        if (found.available() && found.value().isEmpty()) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        model.addAttribute("therapist", PortalRole.primary(user.getClaims()).orElse(null) == PortalRole.THERAPIST);
        model.addAttribute("assignment", found.map(Optional::get));
        if (found.unavailable()) {
            return "assignment/page";
        }
        Homework.Assignment assignment = found.value().get();
        // A pinned version never changes: it is parsed and sanitized once per person, then revalidated (304).
        Fetched<Optional<PreparedReading>> reading = api.getRevalidated(uri -> uri
                        .path("/api/content/articles/{slug}/versions/{version}")
                        .build(assignment.article().slug(), assignment.article().version()), Homework.Reading.class,
                version -> new PreparedReading(version, readingHtml.clean(version.html()), itemTexts(version.sections())));
        model.addAttribute("reading", reading.map(r -> r.map(PreparedReading::reading).orElse(null)));
        model.addAttribute("readingBody", reading.available() && reading.value().isPresent()
                ? reading.value().get().body() : "");
        model.addAttribute("itemTexts", reading.available() && reading.value().isPresent()
                ? reading.value().get().itemTexts() : Map.of());
        Fetched<Map<UUID, List<Homework.Feedback>>> feedback = api.get(
                        uri -> uri.path("/api/journal/assignments/{id}/feedback").build(id), Homework.Feedback[].class)
                .map(list -> list.map(List::of).orElse(List.<Homework.Feedback>of()).stream()
                        .collect(Collectors.groupingBy(Homework.Feedback::answerId, LinkedHashMap::new,
                                Collectors.toList())));
        model.addAttribute("feedback", feedback);
        return "assignment/page";
    }

    /** A reading as the page shows it: the sanitized body and the checklist items' texts by id, made once. */
    private record PreparedReading(Homework.Reading reading, String body, Map<String, String> itemTexts) {
    }

    private static Map<String, String> itemTexts(List<Articles.Section> sections) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (sections != null) {
            sections.stream().filter(s -> s.lists() != null).flatMap(s -> s.lists().stream())
                    .filter(l -> l.items() != null).flatMap(l -> l.items().stream())
                    .forEach(item -> texts.putIfAbsent(item.id(), item.text()));
        }
        return Collections.unmodifiableMap(texts);
    }

    /** Saves every answer of the form (without JavaScript), then submits when asked to. */
    @PostMapping("/assignments/{id}/answers")
    @PreAuthorize("hasRole('client')")
    String saveAll(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
                   @RequestParam(defaultValue = "save") String intent, RedirectAttributes redirect) {
        Fetched<Optional<Homework.Assignment>> found =
                api.get(uri -> uri.path("/api/journal/assignments/{id}").build(id), Homework.Assignment.class);
        if (found.unavailable()) {
            redirect.addFlashAttribute("error", "homework.error.unavailable");
            return "redirect:/assignments/" + id;
        }
        Homework.Assignment assignment = found.value().orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        for (Homework.Prompt prompt : assignment.prompts()) {
            Optional<Homework.AnswerRequest> answer = answerFrom(prompt, form.getFirst("text-" + prompt.id()),
                    form.get("check-" + prompt.id()), form.getFirst("value-" + prompt.id()),
                    form.containsKey("present-" + prompt.id()));
            if (answer.isEmpty()) {
                continue;
            }
            Sent<Void> sent = saveAnswer(id, prompt.id(), answer.get());
            if (!sent.ok()) {
                return refused(sent, redirect, id);
            }
        }
        if ("submit".equals(intent)) {
            Sent<Void> sent = api.send(org.springframework.http.HttpMethod.POST,
                    uri -> uri.path("/api/journal/assignments/{id}/submit").build(id), null, Void.class);
            if (!sent.ok()) {
                return refused(sent, redirect, id);
            }
            redirect.addFlashAttribute("notice", "homework.submitted");
        } else {
            redirect.addFlashAttribute("notice", "homework.saved");
        }
        return "redirect:/assignments/" + id;
    }

    /** homework.js's autosave of one answer: 204 when saved, the problem's detail as text when refused. */
    @PostMapping("/assignments/{id}/answers/{promptId}")
    @PreAuthorize("hasRole('client')")
    ResponseEntity<String> autosave(@PathVariable UUID id, @PathVariable UUID promptId,
                                    @RequestParam(required = false) String text,
                                    @RequestParam(required = false) List<String> check,
                                    @RequestParam(required = false) String value,
                                    @RequestParam(required = false) String kind) {
        Homework.Prompt prompt = new Homework.Prompt(promptId, 0, kind == null ? "TEXT" : kind, null, null, null, null);
        Optional<Homework.AnswerRequest> answer = answerFrom(prompt, text, check, value, true);
        if (answer.isEmpty()) {
            return ResponseEntity.noContent().build();
        }
        Sent<Void> sent = saveAnswer(id, promptId, answer.get());
        if (sent.unavailable()) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
        return sent.ok() ? ResponseEntity.noContent().build()
                : ResponseEntity.unprocessableContent().body(sent.problem());
    }

    /**
     * The answer to send for one prompt, or none when the form has nothing for it. A checklist with nothing
     * ticked is still an answer when its checkboxes were on the form ({@code present}): unticking all is a choice.
     */
    static Optional<Homework.AnswerRequest> answerFrom(Homework.Prompt prompt, String text, List<String> checked,
                                                       String value, boolean present) {
        return switch (prompt.kind()) {
            case "TEXT" -> text == null ? Optional.empty()
                    : Optional.of(new Homework.AnswerRequest(limit(text), null, null));
            case "CHECKLIST" -> present || checked != null
                    ? Optional.of(new Homework.AnswerRequest(null, checked == null ? List.of() : List.copyOf(checked), null))
                    : Optional.empty();
            case "SCALE" -> parseScale(value).map(v -> new Homework.AnswerRequest(null, null, v));
            default -> Optional.empty();
        };
    }

    private static Optional<Integer> parseScale(String value) {
        try {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static String limit(String text) {
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }

    private Sent<Void> saveAnswer(UUID id, UUID promptId, Homework.AnswerRequest answer) {
        return api.put(uri -> uri.path("/api/journal/assignments/{id}/answers/{promptId}").build(id, promptId),
                answer, Void.class);
    }

    private static String refused(Sent<?> sent, RedirectAttributes redirect, UUID id) {
        if (sent.unavailable()) {
            redirect.addFlashAttribute("error", "homework.error.unavailable");
        } else {
            redirect.addFlashAttribute("problem", sent.problem());
        }
        return "redirect:/assignments/" + id;
    }

    @PostMapping("/assignments/{id}/answers/{answerId}/feedback")
    @PreAuthorize("hasRole('therapist')")
    String giveFeedback(@PathVariable UUID id, @PathVariable UUID answerId, @RequestParam String body,
                        RedirectAttributes redirect) {
        if (body.isBlank()) {
            redirect.addFlashAttribute("error", "feedback.error.empty");
            return "redirect:/assignments/" + id;
        }
        Sent<Homework.Feedback> sent = api.post(
                uri -> uri.path("/api/journal/assignments/{id}/answers/{answerId}/feedback").build(id, answerId),
                new Homework.TextRequest(limit(body.strip())), Homework.Feedback.class);
        if (!sent.ok()) {
            return refused(sent, redirect, id);
        }
        redirect.addFlashAttribute("notice", "feedback.sent");
        return "redirect:/assignments/" + id;
    }

    @PostMapping("/assignments/{id}/feedback/{feedbackId}/replies")
    @PreAuthorize("hasRole('client')")
    String reply(@PathVariable UUID id, @PathVariable UUID feedbackId, @RequestParam String body,
                 RedirectAttributes redirect) {
        if (body.isBlank()) {
            redirect.addFlashAttribute("error", "feedback.error.empty");
            return "redirect:/assignments/" + id;
        }
        Sent<Homework.Reply> sent = api.post(
                uri -> uri.path("/api/journal/assignments/{id}/feedback/{feedbackId}/replies").build(id, feedbackId),
                new Homework.TextRequest(limit(body.strip())), Homework.Reply.class);
        if (!sent.ok()) {
            return refused(sent, redirect, id);
        }
        redirect.addFlashAttribute("notice", "feedback.replied");
        return "redirect:/assignments/" + id;
    }
}
