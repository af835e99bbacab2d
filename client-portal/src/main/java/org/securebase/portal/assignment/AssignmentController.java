package org.securebase.portal.assignment;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import org.securebase.platform.contracts.ContentLimits;
import org.securebase.portal.accounts.AccountsApi;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PageCalls;
import org.securebase.portal.api.Sent;
import org.securebase.portal.forms.Dates;
import org.securebase.portal.forms.FieldProblem;
import org.securebase.portal.forms.FormErrors;
import org.securebase.portal.library.Articles;
import org.securebase.portal.library.LibraryApi;
import org.securebase.portal.library.ReadingHtml;
import org.securebase.portal.security.PortalRole;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 *
 * <p>Text over journal-service's limit is never sent and never shortened: the page comes back with the text as typed
 * and the reason beside its field (for autosave: a 422 with the reason, which homework.js shows beside the answer).
 */
@Controller
class AssignmentController {

    private static final Pattern SLUG = Pattern.compile(ContentLimits.SLUG_PATTERN);

    private final AssignmentsApi assignments;
    private final LibraryApi library;
    private final AccountsApi accounts;
    private final ReadingHtml readingHtml;
    private final Validator validator;
    private final MessageSource messages;
    private final PageCalls calls;
    private final Clock clock;
    private final Dates dates;

    @Autowired
    AssignmentController(AssignmentsApi assignments, LibraryApi library, AccountsApi accounts, ReadingHtml readingHtml,
                         Validator validator, MessageSource messages, PageCalls calls, Dates dates,
                         ObjectProvider<Clock> clock) {
        // "In the past" is judged by a calendar in some zone: tests pin the instant with a Clock bean, or the
        // verdict would depend on the hour the build runs at.
        this(assignments, library, accounts, readingHtml, validator, messages, calls, dates,
                clock.getIfAvailable(Clock::systemUTC));
    }

    AssignmentController(AssignmentsApi assignments, LibraryApi library, AccountsApi accounts, ReadingHtml readingHtml,
                         Validator validator, MessageSource messages, PageCalls calls, Dates dates, Clock clock) {
        this.dates = dates;
        this.assignments = assignments;
        this.library = library;
        this.accounts = accounts;
        this.readingHtml = readingHtml;
        this.validator = validator;
        this.messages = messages;
        this.calls = calls;
        this.clock = clock;
    }

    // ---- assigning (therapist) ----

    @GetMapping("/assignments/new")
    @PreAuthorize("hasRole('therapist')")
    String newAssignment(@RequestParam(required = false) String article, @RequestParam(required = false) UUID client,
                         Model model) {
        AssignForm form = new AssignForm(client, article, "", "", "", null,
                LocalDate.now(clock.withZone(dates.zone())).plusWeeks(1), "", "",
                "");
        return assignForm(form, Map.of(), null, model);
    }

    @PostMapping("/assignments")
    @PreAuthorize("hasRole('therapist')")
    String assign(@Valid @ModelAttribute("form") AssignForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        if (!form.hasPrompt()) {
            FormErrors.reject(result, "question", form.question(), "assign.error.prompt");
        }
        // Due at the end of the day in the client's zone, and "in the past" by the client's calendar.
        Fetched<ZoneId> clientZone = zoneOf(form.client());
        if (clientZone.unavailable()) {
            return assignForm(form, Map.of(), "assign.error.unavailable", model);
        }
        if (form.due() != null && form.due().isBefore(LocalDate.now(clock.withZone(clientZone.value())))) {
            FormErrors.reject(result, "due", form.due(), "assign.error.duePast");
        }
        Map<String, FieldProblem> invalid = FormErrors.of(result, AssignForm.class);
        if (!invalid.isEmpty()) {
            return assignForm(form, invalid, "assign.error.form", model);
        }
        Fetched<Optional<Articles.Article>> chosen = readArticle(form.article());
        if (chosen.unavailable() || chosen.value().isEmpty()) {
            return assignForm(form, Map.of(), "assign.error.article", model);
        }
        List<Homework.PromptRequest> prompts = new ArrayList<>();
        Stream.of(form.question(), form.followUp()).filter(text -> !text.isEmpty())
                .forEach(text -> prompts.add(new Homework.PromptRequest("TEXT", text, null)));
        if (!form.scale().isEmpty()) {
            prompts.add(new Homework.PromptRequest("SCALE", form.scale(), null));
        }
        if (form.listId() != null) {
            String heading = sectionOfList(chosen.value().get(), form.listId());
            prompts.add(new Homework.PromptRequest("CHECKLIST", heading, form.listId()));
        }
        Homework.CreateRequest request = new Homework.CreateRequest(form.client(), chosen.value().get().id(), prompts,
                form.note().isEmpty() ? null : form.note(), form.reason().isEmpty() ? null : form.reason(),
                form.obstacle().isEmpty() ? null : form.obstacle(), endOf(form.due(), clientZone.value()));
        Sent<Homework.Summary> sent = assignments.assign(request);
        if (!sent.ok()) {
            model.addAttribute("problem", sent.problem());
            return assignForm(form, Map.of(), sent.unavailable() ? "assign.error.unavailable" : null, model);
        }
        redirect.addFlashAttribute("notice", "assign.done");
        return "redirect:/";
    }

    /** A list of the article the therapist may turn into a checklist, named by its section. */
    record ListChoice(String id, String heading, List<Articles.Item> items) {
    }

    private String assignForm(AssignForm form, Map<String, FieldProblem> invalid, String error, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("invalid", invalid);
        model.addAttribute("error", error);
        model.addAttribute("clients", accounts.caseload());
        Fetched<Optional<Articles.Article>> chosen = readArticle(form.article());
        Articles.Article chosenArticle = chosen.available() ? chosen.value().orElse(null) : null;
        model.addAttribute("articles", library.articlesToAssign()
                .map(listed -> LibraryApi.including(listed, chosenArticle)));
        model.addAttribute("chosen", chosen.map(found -> found.orElse(null)));
        model.addAttribute("previewBody", chosen.available() && chosen.value().isPresent()
                ? readingHtml.clean(chosen.value().get().html()) : "");
        model.addAttribute("lists", chosen.map(found -> found.map(AssignmentController::listsOf).orElse(List.of())));
        return "assignment/new";
    }

    private Fetched<Optional<Articles.Article>> readArticle(String slug) {
        if (slug == null || slug.isBlank() || slug.length() > ContentLimits.SLUG || !SLUG.matcher(slug).matches()) {
            return Fetched.of(Optional.empty());
        }
        return library.article(slug);
    }

    static List<ListChoice> listsOf(Articles.Article article) {
        return article.sections() == null ? List.of() : article.sections().stream()
                .flatMap(section -> section.lists() == null ? Stream.<ListChoice>empty()
                        : section.lists().stream().map(list -> new ListChoice(list.id(), section.heading(), list.items())))
                .toList();
    }

    private static String sectionOfList(Articles.Article article, String listId) {
        return listsOf(article).stream().filter(choice -> choice.id().equals(listId)).map(ListChoice::heading)
                .findFirst().orElse(listId);
    }

    // ---- doing and reviewing ----

    @GetMapping("/assignments/{id}")
    String assignment(@PathVariable UUID id, @AuthenticationPrincipal OidcUser user, Model model,
                      HttpServletResponse response) {
        String view = page(id, user, Typed.NOTHING, model);
        if (model.getAttribute("assignment") instanceof Fetched<?> shown && shown.unavailable()) {
            // Only a real outage says "try again in a moment"; the status says the same to a machine.
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        }
        return view;
    }

    /**
     * What a person typed into the page's forms and is shown again because it could not be sent: answers by prompt,
     * feedback by answer, replies by feedback, with what is wrong by field name.
     */
    private record Typed(Map<UUID, AnswerForm> answers, Map<UUID, String> feedback, Map<UUID, String> replies,
                         PlanForm plan, Map<String, FieldProblem> invalid) {

        static final Typed NOTHING = new Typed(Map.of(), Map.of(), Map.of(), null, Map.of());
    }

    /** The assignment page, with the forms holding what was typed where {@code typed} has it. */
    private String page(UUID id, OidcUser user, Typed typed, Model model) {
        Fetched<Optional<Homework.Assignment>> found = assignments.assignment(id);
        if (found.available() && found.value().isEmpty()) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        model.addAttribute("therapist", PortalRole.primary(user.getClaims()).orElse(null) == PortalRole.THERAPIST);
        // The browser keeps unsaved drafts under the person's id (homework.js), never one person's for another's.
        model.addAttribute("person", user.getSubject());
        model.addAttribute("assignment", found.map(Optional::get));
        model.addAttribute("today", LocalDate.now(clock.withZone(dates.zone())));
        model.addAttribute("invalid", typed.invalid());
        model.addAttribute("feedbackDrafts", typed.feedback());
        model.addAttribute("replyDrafts", typed.replies());
        if (found.unavailable()) {
            model.addAttribute("answers", Map.of());
            model.addAttribute("answeredCount", 0L);
            model.addAttribute("missingCount", 0L);
            model.addAttribute("plan", PlanForm.EMPTY);
            return "assignment/page";
        }
        Homework.Assignment assignment = found.value().get();
        Map<UUID, AnswerForm> answers = new LinkedHashMap<>();
        for (Homework.Prompt prompt : assignment.prompts()) {
            answers.put(prompt.id(), typed.answers().getOrDefault(prompt.id(), AnswerForm.saved(prompt)));
        }
        model.addAttribute("answers", answers);
        // "2 of 4 answered", and what submitting still needs; homework.js keeps both current as the client writes.
        model.addAttribute("answeredCount", answers.values().stream().filter(AnswerForm::answered).count());
        model.addAttribute("missingCount", answers.values().stream().filter(AnswerForm::missingForSubmit).count());
        // The plan is the client's: its reminder time is in the reader's (the client's) zone.
        ZoneId zone = dates.zone();
        model.addAttribute("plan", typed.plan() != null ? typed.plan() : PlanForm.of(assignment.plan(), zone));
        // The reminder field offers the minutes from now until the last one before the due time.
        model.addAttribute("remindFrom", LocalDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1));
        model.addAttribute("remindUntil", assignment.dueAt() == null ? null
                : LocalDateTime.ofInstant(assignment.dueAt().minusSeconds(60), zone).truncatedTo(ChronoUnit.MINUTES));
        model.addAttribute("zone", zone.getId());
        // The feedback and the reading depend only on the assignment, not on each other: both at once. (Not before the
        // assignment is known: a therapist's read of feedback is audited, so it is asked for only for a page shown.)
        PageCalls.Pending<Fetched<List<Homework.Feedback>>> feedbackCall = calls.start(() -> assignments.feedback(id));
        // A pinned version never changes: it is parsed and sanitized once per person, then revalidated (304).
        Fetched<Optional<PreparedReading>> reading = library.pinnedVersion(assignment.article().slug(),
                assignment.article().version(),
                version -> new PreparedReading(version, readingHtml.clean(version.html()), version.itemTexts()));
        model.addAttribute("reading", reading.map(r -> r.map(PreparedReading::reading).orElse(null)));
        model.addAttribute("readingBody", reading.available() && reading.value().isPresent()
                ? reading.value().get().body() : "");
        model.addAttribute("itemTexts", reading.available() && reading.value().isPresent()
                ? reading.value().get().itemTexts() : Map.of());
        Fetched<Map<UUID, List<Homework.Feedback>>> feedback = feedbackCall.join()
                .map(list -> list.stream().collect(Collectors.groupingBy(Homework.Feedback::answerId,
                        LinkedHashMap::new, Collectors.toList())));
        model.addAttribute("feedback", feedback);
        return "assignment/page";
    }

    /** A reading as the page shows it: the sanitized body and the checklist items' texts by id, made once. */
    private record PreparedReading(Articles.Reading reading, String body, Map<String, String> itemTexts) {
    }


    /**
     * Saves every answer of the form (without JavaScript), then submits when asked to. The prompts are the
     * assignment's, so the form's fields are named by prompt id ({@code text-<id>}, {@code check-<id>}...) and read
     * into one {@link AnswerForm} each. When one of them cannot be sent, none is: the page comes back as typed.
     */
    @PostMapping("/assignments/{id}/answers")
    @PreAuthorize("hasRole('client')")
    String saveAll(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
                   @RequestParam(defaultValue = "save") String intent, @AuthenticationPrincipal OidcUser user,
                   Model model, RedirectAttributes redirect) {
        Fetched<Optional<Homework.Assignment>> found = assignments.assignment(id);
        if (found.unavailable()) {
            redirect.addFlashAttribute("error", "homework.error.unavailable");
            return "redirect:/assignments/" + id;
        }
        Homework.Assignment assignment = found.value().orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        Map<UUID, AnswerForm> typed = new LinkedHashMap<>();
        Map<UUID, Boolean> present = new LinkedHashMap<>();
        Map<String, FieldProblem> invalid = new LinkedHashMap<>();
        for (Homework.Prompt prompt : assignment.prompts()) {
            AnswerForm answer = new AnswerForm(prompt.kind(), form.getFirst("text-" + prompt.id()),
                    form.get("check-" + prompt.id()), form.getFirst("value-" + prompt.id()));
            typed.put(prompt.id(), answer);
            present.put(prompt.id(), form.containsKey("present-" + prompt.id()));
            FieldProblem problem = FormErrors.of(validator.validate(answer), AnswerForm.class).get("text");
            if (problem != null) {
                invalid.put("text-" + prompt.id(), problem);
            }
        }
        if (!invalid.isEmpty()) {
            model.addAttribute("error", "homework.error.form");
            return page(id, user, new Typed(typed, Map.of(), Map.of(), null, invalid), model);
        }
        for (Map.Entry<UUID, AnswerForm> answer : typed.entrySet()) {
            Optional<Homework.AnswerRequest> request = answer.getValue().request(present.get(answer.getKey()));
            if (request.isEmpty()) {
                continue;
            }
            Sent<Void> sent = assignments.saveAnswer(id, answer.getKey(), request.get());
            if (!sent.ok()) {
                return refused(sent, redirect, id);
            }
        }
        if ("submit".equals(intent)) {
            Sent<Void> sent = assignments.submit(id);
            if (!sent.ok()) {
                return refused(sent, redirect, id);
            }
            redirect.addFlashAttribute("notice", "homework.submitted");
        } else {
            redirect.addFlashAttribute("notice", "homework.saved");
        }
        return "redirect:/assignments/" + id;
    }

    /**
     * homework.js's autosave of one answer: 204 when saved; 422 with the reason as text when it cannot be saved (too
     * long here, or refused by journal-service); 503 when journal-service is unavailable.
     */
    @PostMapping("/assignments/{id}/answers/{promptId}")
    @PreAuthorize("hasRole('client')")
    ResponseEntity<String> autosave(@PathVariable UUID id, @PathVariable UUID promptId,
                                    @Valid @ModelAttribute("answer") AnswerForm answer, BindingResult result,
                                    Locale locale) {
        FieldProblem problem = FormErrors.of(result, AnswerForm.class).get("text");
        if (problem != null) {
            return ResponseEntity.unprocessableContent().body(messages.getMessage(problem.key(),
                    problem.namesALimit() ? new Object[] {problem.limit()} : null, locale));
        }
        Optional<Homework.AnswerRequest> request = answer.request(true);
        if (request.isEmpty()) {
            return ResponseEntity.noContent().build();
        }
        Sent<Void> sent = assignments.saveAnswer(id, promptId, request.get());
        if (sent.unavailable()) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
        return sent.ok() ? ResponseEntity.noContent().build()
                : ResponseEntity.unprocessableContent().body(sent.problem());
    }

    /**
     * The client's plan for the homework, made or changed until it is handed in. What was typed comes back with the
     * errors beside it when it cannot be saved.
     */
    @PostMapping("/assignments/{id}/plan")
    @PreAuthorize("hasRole('client')")
    String makePlan(@PathVariable UUID id, @Valid @ModelAttribute("planForm") PlanForm form, BindingResult result,
                    @AuthenticationPrincipal OidcUser user, Model model, RedirectAttributes redirect) {
        Instant remindAt = null;
        if (form.remindAt() != null && !result.hasFieldErrors("remindAt")) {
            if (form.remindAtUnreadable()) {
                FormErrors.reject(result, "remindAt", form.remindAt(), "plan.error.remindAt.unreadable");
            } else {
                remindAt = form.remindAtIn(dates.zone()).orElse(null);
                if (remindAt != null && !remindAt.isAfter(clock.instant())) {
                    FormErrors.reject(result, "remindAt", form.remindAt(), "plan.error.remindAt.past");
                }
            }
        }
        Map<String, FieldProblem> invalid = FormErrors.of(result, PlanForm.class);
        if (!invalid.isEmpty()) {
            return planPage(id, user, form, invalid, model);
        }
        Sent<Homework.Plan> sent = assignments.makePlan(id, form.request(remindAt));
        if (!sent.ok() && sent.violations().stream().anyMatch(v -> "remindAt".equals(v.field()))) {
            // Only journal-service knows the due time it checks against; the typed plan stays on the page.
            return planPage(id, user, form, Map.of("remindAt", new FieldProblem("plan.error.remindAt.refused", 0)), model);
        }
        if (!sent.ok()) {
            return refused(sent, redirect, id);
        }
        redirect.addFlashAttribute("notice", "plan.saved");
        return "redirect:/assignments/" + id;
    }

    /** The page again with the plan as typed and what is wrong with it beside each field. */
    private String planPage(UUID id, OidcUser user, PlanForm form, Map<String, FieldProblem> invalid, Model model) {
        model.addAttribute("error", "plan.error.form");
        Map<String, FieldProblem> named = new LinkedHashMap<>();
        invalid.forEach((field, problem) -> named.put("plan-" + field, problem));
        return page(id, user, new Typed(Map.of(), Map.of(), Map.of(), form, named), model);
    }

    /** The therapist rates how well the handed-in homework was done, 0 to 3. */
    @PostMapping("/assignments/{id}/quality")
    @PreAuthorize("hasRole('therapist')")
    String rateQuality(@PathVariable UUID id, @RequestParam(required = false) String rating, RedirectAttributes redirect) {
        Integer chosen = rating != null && rating.strip().matches("[0-3]") ? Integer.valueOf(rating.strip()) : null;
        if (chosen == null) {
            redirect.addFlashAttribute("error", "quality.error.choose");
            return "redirect:/assignments/" + id;
        }
        Sent<Homework.Quality> sent = assignments.rateQuality(id, chosen);
        if (!sent.ok()) {
            return refused(sent, redirect, id);
        }
        redirect.addFlashAttribute("notice", "quality.saved");
        return "redirect:/assignments/" + id;
    }

    /**
     * The therapist moves the due date (to the end of the chosen day in the client's time zone, as when assigning);
     * journal-service refuses it once the homework is handed in. The form names the client only for their zone:
     * account-service answers it for the caller's own clients alone, and journal-service checks the assignment.
     */
    @PostMapping("/assignments/{id}/due")
    @PreAuthorize("hasRole('therapist')")
    String moveDue(@PathVariable UUID id, @RequestParam(required = false) String due,
                   @RequestParam(required = false) UUID client, RedirectAttributes redirect) {
        Fetched<ZoneId> clientZone = zoneOf(client);
        if (clientZone.unavailable()) {
            redirect.addFlashAttribute("error", "homework.error.unavailable");
            return "redirect:/assignments/" + id;
        }
        LocalDate day;
        try {
            day = due == null || due.isBlank() ? null : LocalDate.parse(due.strip());
        } catch (DateTimeParseException notADate) {
            day = null;
        }
        if (day == null || day.isBefore(LocalDate.now(clock.withZone(clientZone.value())))) {
            redirect.addFlashAttribute("error", day == null ? "assign.error.due" : "assign.error.duePast");
            return "redirect:/assignments/" + id;
        }
        Sent<Homework.Summary> sent = assignments.moveDue(id, endOf(day, clientZone.value()));
        if (!sent.ok()) {
            return refused(sent, redirect, id);
        }
        redirect.addFlashAttribute("notice", "due.moved");
        return "redirect:/assignments/" + id;
    }

    /**
     * Homework is due at the end of the chosen day in the client's zone: its last second (23:59:59), so that
     * handing in at 23:59 is on time. Computed from the next day's start, which a change of clocks cannot skip.
     */
    static Instant endOf(LocalDate day, ZoneId clientZone) {
        return day.plusDays(1).atStartOfDay(clientZone).toInstant().minusSeconds(1);
    }

    /**
     * The zone a client's homework is due in; the practice's for no client (the form then refuses for the missing
     * client) or one not on the caller's caseload (journal-service then refuses the homework).
     */
    private Fetched<ZoneId> zoneOf(UUID client) {
        if (client == null) {
            return Fetched.of(dates.practiceZone());
        }
        return accounts.zoneOfClient(client).map(found -> found.orElse(dates.practiceZone()));
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
    String giveFeedback(@PathVariable UUID id, @PathVariable UUID answerId,
                        @Valid @ModelAttribute("feedbackForm") FeedbackForm form, BindingResult result,
                        @AuthenticationPrincipal OidcUser user, Model model, RedirectAttributes redirect) {
        FieldProblem problem = FormErrors.of(result, FeedbackForm.class).get("body");
        if (problem != null) {
            model.addAttribute("error", "feedback.error.form");
            return page(id, user, new Typed(Map.of(), Map.of(answerId, form.body()), Map.of(), null,
                    Map.of("feedback-" + answerId, problem)), model);
        }
        Sent<Homework.Feedback> sent = assignments.giveFeedback(id, answerId, form.body());
        if (!sent.ok()) {
            return refused(sent, redirect, id);
        }
        redirect.addFlashAttribute("notice", "feedback.sent");
        return "redirect:/assignments/" + id;
    }

    @PostMapping("/assignments/{id}/feedback/{feedbackId}/replies")
    @PreAuthorize("hasRole('client')")
    String reply(@PathVariable UUID id, @PathVariable UUID feedbackId,
                 @Valid @ModelAttribute("replyForm") ReplyForm form, BindingResult result,
                 @AuthenticationPrincipal OidcUser user, Model model, RedirectAttributes redirect) {
        FieldProblem problem = FormErrors.of(result, ReplyForm.class).get("body");
        if (problem != null) {
            model.addAttribute("error", "feedback.error.form");
            return page(id, user, new Typed(Map.of(), Map.of(), Map.of(feedbackId, form.body()), null,
                    Map.of("reply-" + feedbackId, problem)), model);
        }
        Sent<Homework.Reply> sent = assignments.reply(id, feedbackId, form.body());
        if (!sent.ok()) {
            return refused(sent, redirect, id);
        }
        redirect.addFlashAttribute("notice", "feedback.replied");
        return "redirect:/assignments/" + id;
    }
}
