package org.securebase.portal.forms;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The time zone the signed-in person reads dates in, as account-service keeps it (their choice in settings, else the
 * practice's). Remembered in the session when they sign in and when they change it, so that a page costs no call for
 * it; a page made outside a session, or before the person's zone is known, falls back to the practice's zone
 * ({@code securebase.practice.zone}, see {@link Dates}).
 */
public final class ReaderZone {

    static final String ATTRIBUTE = "securebase.reader-zone";

    private ReaderZone() {
    }

    /** Remembers {@code zone} for the rest of this person's session; a name that is no time zone is ignored. */
    public static void remember(HttpServletRequest request, String zone) {
        parsed(zone).ifPresent(valid -> request.getSession().setAttribute(ATTRIBUTE, valid.getId()));
    }

    /** The zone of the person whose page is being made, when it is known. */
    public static Optional<ZoneId> current() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Optional.empty();
        }
        HttpSession session = attributes.getRequest().getSession(false);
        return session == null ? Optional.empty()
                : session.getAttribute(ATTRIBUTE) instanceof String zone ? parsed(zone) : Optional.empty();
    }

    /** A zone id as account-service gives it; one this JDK does not know (or none) is empty, never an error. */
    public static Optional<ZoneId> parsed(String zone) {
        if (zone == null || zone.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(zone));
        } catch (DateTimeException notAZone) {
            return Optional.empty();
        }
    }
}
