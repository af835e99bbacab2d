package org.securebase.journal.record;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.securebase.journal.assignment.AssignmentViews;
import org.securebase.journal.audit.AuditRecord;
import org.securebase.journal.entry.EntryViews;
import org.securebase.journal.feedback.FeedbackViews;
import org.securebase.journal.measure.MeasureRecords;

/**
 * The record as one XHTML document, for people: the file {@code record.html} and the source of {@code record.pdf}.
 * Every piece of text from the record is escaped, and characters XML cannot carry are dropped, so what a person wrote
 * is shown as text and never read as markup. Times are in UTC, said so on the page: a record is read anywhere. The
 * words around the person's own are in the language they asked for the copy in ({@code record/words*.properties}).
 */
final class RecordHtml {

    private final StringBuilder out = new StringBuilder(32 * 1024);
    private final ResourceBundle words;
    private final Locale locale;
    private final DateTimeFormatter when;

    private RecordHtml(String language) {
        this.locale = Locale.forLanguageTag(language);
        // Only the bundles here, in the language asked for: never the JVM's default locale's.
        this.words = ResourceBundle.getBundle("record.words", locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        this.when = DateTimeFormatter.ofPattern(words.getString("when.pattern"), locale).withZone(ZoneOffset.UTC);
    }

    /** The record in {@code language}, one of the portal's languages (English when another is given). */
    static String of(ClientRecord record, String language) {
        return new RecordHtml(RecordExport.LANGUAGES.contains(language) ? language : "en").document(record);
    }

    private String w(String key, Object... arguments) {
        String pattern = words.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    private String document(ClientRecord record) {
        boolean own = "WHOLE_RECORD".equals(record.scope());
        String name = record.client().name() == null ? w("client.unnamed") : record.client().name();
        String title = own ? w("title.own") : w("title.therapist", name);
        out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").append(locale.getLanguage())
                .append("\" xml:lang=\"").append(locale.getLanguage()).append("\">\n<head>\n")
                .append("<meta charset=\"UTF-8\"/>\n<title>").append(text(title)).append("</title>\n")
                .append("<meta name=\"subject\" content=\"").append(text(title)).append("\"/>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        out.append("<h1>").append(text(title)).append("</h1>\n");
        out.append("<p>").append(text(w("prepared", when(record.preparedAt()), person(record.preparedFor())))).append(' ')
                .append(text(own ? w("holds.own") : w("holds.therapist"))).append(' ').append(text(w("data")))
                .append("</p>\n");

        section(w("homework"), record.assignments().isEmpty(), w("homework.none"));
        record.assignments().forEach(this::assignment);
        section(w("journal"), record.journalEntries().isEmpty(), w("journal.none"));
        record.journalEntries().forEach(this::entry);
        section(w("questionnaires"), record.questionnaires().isEmpty(), w("questionnaires.none"));
        record.questionnaires().forEach(this::questionnaire);
        if (own) {
            out.append("<h2>").append(text(w("readers"))).append("</h2>\n");
            readers(record.accessLog());
        }
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private void section(String heading, boolean empty, String none) {
        out.append("<h2>").append(text(heading)).append("</h2>\n");
        if (empty) {
            out.append("<p>").append(text(none)).append("</p>\n");
        }
    }

    private void assignment(ClientRecord.RecordedAssignment a) {
        out.append("<section class=\"item\">\n<h3>").append(text(a.article().title())).append("</h3>\n<dl>\n");
        term(w("reading"), w("reading.version", a.article().title(), a.article().version()));
        term(w("assigned.by"), person(a.therapist()));
        term(w("status"), w("status." + a.status().name()));
        term(w("assigned"), when(a.createdAt()));
        term(w("due"), when(a.dueAt()));
        if (a.submittedAt() != null) {
            term(w("handed.in"), when(a.submittedAt()));
        }
        if (a.quality() != null) {
            term(w("quality"), String.valueOf(a.quality().rating()));
        }
        out.append("</dl>\n");
        paragraph(w("note"), a.note());
        paragraph(w("reason"), a.reason());
        paragraph(w("obstacle"), a.obstacle());
        if (a.plan() != null) {
            AssignmentViews.PlanView plan = a.plan();
            paragraph(w("plan.whenWhere"), plan.whenWhere());
            paragraph(w("plan.obstacle"), plan.obstacle());
            paragraph(w("plan.coping"), plan.coping());
        }
        out.append("<ol class=\"prompts\">\n");
        for (AssignmentViews.PromptView prompt : a.prompts()) {
            out.append("<li><p class=\"question\">").append(text(prompt.question())).append("</p>\n");
            out.append("<p class=\"answer\">").append(text(answer(prompt))).append("</p></li>\n");
        }
        out.append("</ol>\n");
        for (FeedbackViews.FeedbackView feedback : a.feedback()) {
            out.append("<div class=\"feedback\"><p class=\"label\">").append(text(w("feedback", when(feedback.createdAt()))))
                    .append("</p>\n<p class=\"text\">").append(text(feedback.body())).append("</p>\n");
            for (FeedbackViews.ReplyView reply : feedback.replies()) {
                out.append("<p class=\"label\">").append(text(w("reply", when(reply.createdAt())))).append("</p>\n")
                        .append("<p class=\"text\">").append(text(reply.body())).append("</p>\n");
            }
            out.append("</div>\n");
        }
        out.append("</section>\n");
    }

    private String answer(AssignmentViews.PromptView prompt) {
        AssignmentViews.AnswerView answer = prompt.answer();
        if (answer == null) {
            return w("answer.none");
        }
        return switch (prompt.kind()) {
            case TEXT -> answer.text();
            case CHECKLIST -> answer.checkedItemIds().isEmpty() ? w("answer.checklist.none")
                    : w("answer.checklist", answer.checkedItemIds().size(), prompt.itemIds().size(),
                    String.join(", ", answer.checkedItemIds()));
            case SCALE -> w("answer.scale", answer.value());
        };
    }

    private void entry(EntryViews.EntryView entry) {
        out.append("<section class=\"item\">\n<h3>").append(text(entry.title() == null || entry.title().isBlank()
                ? w("entry.untitled", when(entry.createdAt())) : entry.title())).append("</h3>\n<dl>\n");
        term(w("written"), when(entry.createdAt()));
        if (!entry.updatedAt().equals(entry.createdAt())) {
            term(w("changed"), when(entry.updatedAt()));
        }
        if (entry.mood() != null) {
            term(w("mood"), String.valueOf(entry.mood()));
        }
        term(w("shared"), entry.shared() ? w("shared.yes", when(entry.sharedAt())) : w("shared.no"));
        out.append("</dl>\n<p class=\"text\">").append(text(entry.body())).append("</p>\n</section>\n");
    }

    private void questionnaire(MeasureRecords.RecordedMeasure measure) {
        out.append("<section class=\"item\">\n<h3>").append(text(measure.title())).append("</h3>\n<dl>\n");
        term(w("due"), when(measure.dueAt()));
        if (measure.submittedAt() != null) {
            term(w("handed.in"), when(measure.submittedAt()));
        }
        if (measure.total() != null) {
            term(w("score"), w("score.value", measure.total(), measure.maximum())
                    + (measure.band() == null ? "" : " (" + measure.band() + ")"));
        }
        out.append("</dl>\n<table>\n<thead><tr><th scope=\"col\">").append(text(w("question")))
                .append("</th><th scope=\"col\">").append(text(w("answer"))).append("</th></tr></thead>\n<tbody>\n");
        for (MeasureRecords.ItemAnswer item : measure.items()) {
            out.append("<tr><td>").append(item.number()).append(". ").append(text(item.text())).append("</td><td>")
                    .append(text(item.value() == null ? w("answer.none")
                            : item.answerText() == null ? String.valueOf(item.value()) : item.answerText()))
                    .append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n</section>\n");
    }

    private void readers(List<AuditRecord> reads) {
        if (reads.isEmpty()) {
            out.append("<p>").append(text(w("readers.none"))).append("</p>\n");
            return;
        }
        long people = reads.stream().map(read -> read.actor().id()).distinct().count();
        out.append("<p>").append(text(w("readers.count", reads.size(), people))).append("</p>\n");
        out.append("<table>\n<thead><tr><th scope=\"col\">").append(text(w("when"))).append("</th><th scope=\"col\">")
                .append(text(w("who"))).append("</th><th scope=\"col\">").append(text(w("what")))
                .append("</th></tr></thead>\n<tbody>\n");
        for (AuditRecord read : reads) {
            out.append("<tr><td>").append(when(read.occurredAt())).append("</td><td>")
                    .append(text(w("person", read.actor().name(), role(read.actor().role()))))
                    .append("</td><td>")
                    .append(text(w("resource." + read.resourceType().name()) + ", " + w("action." + read.action().name())))
                    .append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private void term(String term, String value) {
        out.append("<dt>").append(text(term)).append("</dt><dd>").append(text(value)).append("</dd>\n");
    }

    private void paragraph(String label, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        out.append("<p class=\"label\">").append(text(label)).append("</p>\n<p class=\"text\">").append(text(value))
                .append("</p>\n");
    }

    private String person(ClientRecord.Person person) {
        String role = role(person.role());
        return person.name() == null ? w("person.unnamed", role) : w("person", person.name(), role);
    }

    private String role(String role) {
        String key = "role." + role.toUpperCase(Locale.ROOT);
        return words.containsKey(key) ? words.getString(key) : role.toLowerCase(Locale.ROOT);
    }

    private String when(Instant at) {
        return at == null ? "" : when.format(at);
    }

    /** Escaped for XHTML text and attributes; code points XML 1.0 cannot hold are left out. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        value.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                            || (c >= 0x10000 && c <= 0x10FFFF)) {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }

    private static final String STYLE = """
            @page { size: A4; margin: 18mm 16mm; }
            body { font-family: 'DejaVu Sans', sans-serif; font-size: 10.5pt; line-height: 1.45; color: #1a1a1a; }
            h1 { font-size: 18pt; margin: 0 0 8pt; }
            h2 { font-size: 14pt; margin: 18pt 0 6pt; border-bottom: 1px solid #999; }
            h3 { font-size: 12pt; margin: 12pt 0 4pt; }
            dl { margin: 0 0 6pt; }
            dt { font-weight: bold; float: left; clear: left; width: 14em; }
            dd { margin: 0 0 2pt 15em; }
            .item { page-break-inside: auto; margin-bottom: 10pt; }
            .label { font-weight: bold; margin: 6pt 0 0; }
            .text, .answer { white-space: pre-wrap; margin: 0 0 4pt; }
            .question { font-weight: bold; margin: 4pt 0 0; }
            .feedback { border-left: 3px solid #777; padding-left: 8pt; margin: 6pt 0; }
            table { border-collapse: collapse; width: 100%; margin: 4pt 0; }
            th, td { border: 1px solid #bbb; padding: 3pt 5pt; text-align: left; vertical-align: top; }
            """;
}
