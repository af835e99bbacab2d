package org.securebase.portal.library;

import jakarta.validation.constraints.Size;
import org.securebase.platform.contracts.ContentLimits;

/**
 * The library's search form.
 *
 * @param q    the words to search for, without the blanks around them
 * @param page the page of results as the link named it; anything but a number in range is the first page
 */
record LibrarySearch(@Size(max = ContentLimits.QUERY, message = "library.error.query.long") String q, String page) {

    /** content-service's last page (its {@code @Max}). */
    static final int LAST_PAGE = 10_000;

    LibrarySearch {
        q = q == null ? "" : q.strip();
    }

    int pageNumber() {
        try {
            return page == null || page.length() > 6 ? 0 : Math.max(0, Math.min(Integer.parseInt(page.strip()), LAST_PAGE));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
