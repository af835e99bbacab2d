package org.securebase.portal.forms;

import org.securebase.platform.contracts.AccountLimits;
import org.securebase.platform.contracts.ContentLimits;
import org.securebase.platform.contracts.JournalLimits;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.Map;

/**
 * Gives every page {@code limits}: the length limits of the services (platform-contracts), for the hints that name
 * them and each field's {@code data-max-length}. Not {@code maxlength}: a browser silently drops what is pasted beyond
 * it, which is the cut the portal never makes; over-long text is sent, and comes back as a field error with the
 * person's text kept.
 */
@ControllerAdvice
class TextLimitsAdvice {

    static final Map<String, Integer> LIMITS = Map.ofEntries(
            Map.entry("entryTitle", JournalLimits.TITLE),
            Map.entry("entryBody", JournalLimits.ENTRY_BODY),
            Map.entry("answer", JournalLimits.ANSWER),
            Map.entry("feedback", JournalLimits.FEEDBACK),
            Map.entry("reply", JournalLimits.REPLY),
            Map.entry("note", JournalLimits.NOTE),
            Map.entry("question", JournalLimits.QUESTION),
            Map.entry("reason", JournalLimits.REASON),
            Map.entry("obstacle", JournalLimits.OBSTACLE),
            Map.entry("planPart", JournalLimits.PLAN_PART),
            Map.entry("programDescription", JournalLimits.PROGRAM_DESCRIPTION),
            Map.entry("slug", ContentLimits.SLUG),
            Map.entry("articleTitle", ContentLimits.TITLE),
            Map.entry("summary", ContentLimits.SUMMARY),
            Map.entry("markdown", ContentLimits.MARKDOWN),
            Map.entry("libraryQuery", ContentLimits.QUERY),
            Map.entry("email", AccountLimits.EMAIL),
            Map.entry("name", AccountLimits.NAME),
            Map.entry("nameQuery", AccountLimits.NAME_QUERY));

    @ModelAttribute("limits")
    Map<String, Integer> limits() {
        return LIMITS;
    }
}
