package org.securebase.journal.record;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.securebase.journal.assignment.AssignmentViews;
import org.securebase.journal.audit.AuditRecord;
import org.securebase.journal.entry.EntryViews;
import org.securebase.journal.feedback.FeedbackViews;
import org.securebase.journal.measure.MeasureRecords;

/**
 * The record as one XHTML document, for people: the file {@code record.html} and the source of {@code record.pdf}.
 * Every piece of text from the record is escaped, and characters XML cannot carry are dropped, so what a person wrote
 * is shown as text and never read as markup. Times are in UTC, said so on the page: a record is read anywhere.
 */
final class RecordHtml {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private static final Map<String, String> STATUS = Map.of(
            "ASSIGNED", "Assigned", "OPENED", "Opened", "IN_PROGRESS", "In progress", "SUBMITTED", "Handed in",
            "REVIEWED", "Feedback given");
    private static final Map<String, String> RESOURCE = Map.of(
            "ASSIGNMENT", "Homework", "ASSIGNMENT_FEEDBACK", "Feedback on homework", "MEASURE", "Questionnaire",
            "JOURNAL_ENTRY", "Journal entry", "CLIENT_IDENTITY", "That you are a client of the practice",
            "ACCESS_AUDIT", "The access audit", "CLIENT_RECORD", "A copy of your record");
    private static final Map<String, String> ACTION = Map.of(
            "READ", "opened", "LISTED", "seen in a list", "EXPORTED", "downloaded");

    private final StringBuilder out = new StringBuilder(32 * 1024);

    private RecordHtml() {
    }

    static String of(ClientRecord record) {
        return new RecordHtml().document(record);
    }

    private String document(ClientRecord record) {
        boolean own = "WHOLE_RECORD".equals(record.scope());
        String name = record.client().name() == null ? "a client" : record.client().name();
        String title = own ? "Your record at Secure Base" : "Record of " + name + " at Secure Base";
        out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">\n<head>\n")
                .append("<meta charset=\"UTF-8\"/>\n<title>").append(text(title)).append("</title>\n")
                .append("<meta name=\"subject\" content=\"").append(text(title)).append("\"/>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        out.append("<h1>").append(text(title)).append("</h1>\n");
        out.append("<p>Prepared on ").append(when(record.preparedAt())).append(" for ")
                .append(text(person(record.preparedFor()))).append(". ");
        out.append(own
                ? "It holds everything Secure Base keeps about you: your homework with your answers and the feedback on it, "
                + "your journal (shared and private entries), your questionnaires, and who has read your data."
                : "It holds what this therapist may read of the client: the homework they assigned (answers once handed "
                + "in), journal entries the client shares with them, and the questionnaires they scheduled.");
        out.append(" The same record, as data a computer can read, is in record.json.</p>\n");

        out.append("<h2>Homework</h2>\n");
        if (record.assignments().isEmpty()) {
            out.append("<p>No homework.</p>\n");
        }
        record.assignments().forEach(this::assignment);

        out.append("<h2>Journal</h2>\n");
        if (record.journalEntries().isEmpty()) {
            out.append("<p>No journal entries.</p>\n");
        }
        record.journalEntries().forEach(this::entry);

        out.append("<h2>Questionnaires</h2>\n");
        if (record.questionnaires().isEmpty()) {
            out.append("<p>No questionnaires.</p>\n");
        }
        record.questionnaires().forEach(this::questionnaire);

        if (own) {
            out.append("<h2>Who has read your data</h2>\n");
            readers(record.accessLog());
        }
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private void assignment(ClientRecord.RecordedAssignment a) {
        out.append("<section class=\"item\">\n<h3>").append(text(a.article().title())).append("</h3>\n<dl>\n");
        term("Reading", a.article().title() + " (version " + a.article().version() + ")");
        term("Assigned by", person(a.therapist()));
        term("Status", STATUS.getOrDefault(a.status().name(), a.status().name()));
        term("Assigned", when(a.createdAt()));
        term("Due", when(a.dueAt()));
        if (a.submittedAt() != null) {
            term("Handed in", when(a.submittedAt()));
        }
        if (a.quality() != null) {
            term("How well it was done (0 to 3)", String.valueOf(a.quality().rating()));
        }
        out.append("</dl>\n");
        paragraph("Note from the therapist", a.note());
        paragraph("Why this homework matters", a.reason());
        paragraph("What might get in the way", a.obstacle());
        if (a.plan() != null) {
            AssignmentViews.PlanView plan = a.plan();
            paragraph("Plan: when and where", plan.whenWhere());
            paragraph("Plan: what might get in the way", plan.obstacle());
            paragraph("Plan: what to do then", plan.coping());
        }
        out.append("<ol class=\"prompts\">\n");
        for (AssignmentViews.PromptView prompt : a.prompts()) {
            out.append("<li><p class=\"question\">").append(text(prompt.question())).append("</p>\n");
            out.append("<p class=\"answer\">").append(text(answer(prompt))).append("</p></li>\n");
        }
        out.append("</ol>\n");
        for (FeedbackViews.FeedbackView feedback : a.feedback()) {
            out.append("<div class=\"feedback\"><p class=\"label\">Feedback, ").append(when(feedback.createdAt()))
                    .append("</p>\n<p class=\"text\">").append(text(feedback.body())).append("</p>\n");
            for (FeedbackViews.ReplyView reply : feedback.replies()) {
                out.append("<p class=\"label\">Reply, ").append(when(reply.createdAt())).append("</p>\n")
                        .append("<p class=\"text\">").append(text(reply.body())).append("</p>\n");
            }
            out.append("</div>\n");
        }
        out.append("</section>\n");
    }

    private static String answer(AssignmentViews.PromptView prompt) {
        AssignmentViews.AnswerView answer = prompt.answer();
        if (answer == null) {
            return "Not answered.";
        }
        return switch (prompt.kind()) {
            case TEXT -> answer.text();
            case CHECKLIST -> answer.checkedItemIds().isEmpty() ? "Nothing checked."
                    : "Checked " + answer.checkedItemIds().size() + " of " + prompt.itemIds().size() + ": "
                    + String.join(", ", answer.checkedItemIds());
            case SCALE -> answer.value() + " on a scale of 0 to 10";
        };
    }

    private void entry(EntryViews.EntryView entry) {
        out.append("<section class=\"item\">\n<h3>").append(text(entry.title() == null || entry.title().isBlank()
                ? "Entry of " + when(entry.createdAt()) : entry.title())).append("</h3>\n<dl>\n");
        term("Written", when(entry.createdAt()));
        if (!entry.updatedAt().equals(entry.createdAt())) {
            term("Last changed", when(entry.updatedAt()));
        }
        if (entry.mood() != null) {
            term("Mood", String.valueOf(entry.mood()));
        }
        term("Shared with the therapist", entry.shared() ? "Yes, since " + when(entry.sharedAt()) : "No (private)");
        out.append("</dl>\n<p class=\"text\">").append(text(entry.body())).append("</p>\n</section>\n");
    }

    private void questionnaire(MeasureRecords.RecordedMeasure measure) {
        out.append("<section class=\"item\">\n<h3>").append(text(measure.title())).append("</h3>\n<dl>\n");
        term("Due", when(measure.dueAt()));
        if (measure.submittedAt() != null) {
            term("Handed in", when(measure.submittedAt()));
        }
        if (measure.total() != null) {
            term("Score", measure.total() + " of " + measure.maximum() + (measure.band() == null ? "" : " (" + measure.band() + ")"));
        }
        out.append("</dl>\n<table>\n<thead><tr><th scope=\"col\">Question</th><th scope=\"col\">Answer</th></tr></thead>\n<tbody>\n");
        for (MeasureRecords.ItemAnswer item : measure.items()) {
            out.append("<tr><td>").append(item.number()).append(". ").append(text(item.text())).append("</td><td>")
                    .append(text(item.value() == null ? "Not answered"
                            : item.answerText() == null ? String.valueOf(item.value()) : item.answerText()))
                    .append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n</section>\n");
    }

    private void readers(List<AuditRecord> reads) {
        if (reads.isEmpty()) {
            out.append("<p>Nobody but you has read your data.</p>\n");
            return;
        }
        Map<String, Long> byPerson = reads.stream().collect(Collectors.groupingBy(
                read -> read.actor().name() + " (" + read.actor().role().toLowerCase(Locale.ROOT) + ")",
                java.util.LinkedHashMap::new, Collectors.counting()));
        out.append("<p>").append(reads.size()).append(" reads by ").append(byPerson.size())
                .append(byPerson.size() == 1 ? " person" : " people").append(".</p>\n");
        out.append("<table>\n<thead><tr><th scope=\"col\">When</th><th scope=\"col\">Who</th><th scope=\"col\">What</th></tr></thead>\n<tbody>\n");
        for (AuditRecord read : reads) {
            out.append("<tr><td>").append(when(read.occurredAt())).append("</td><td>")
                    .append(text(read.actor().name() + " (" + read.actor().role().toLowerCase(Locale.ROOT) + ")"))
                    .append("</td><td>")
                    .append(text(RESOURCE.getOrDefault(read.resourceType().name(), read.resourceType().name()) + ", "
                            + ACTION.getOrDefault(read.action().name(), read.action().name())))
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

    private static String person(ClientRecord.Person person) {
        String role = person.role().toLowerCase(Locale.ROOT);
        return person.name() == null ? "a " + role + " (no name on record)" : person.name() + " (" + role + ")";
    }

    private static String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
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
