package org.securebase.portal.settings;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.securebase.portal.api.Sent;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The unsubscribe link of every notification mail, for whoever opens it, signed in or not (the security
 * configuration lets both methods through). Opening the link only asks; the button's POST switches the mail off, so a
 * mail scanner that fetches every link unsubscribes no one. The POST carries a CSRF token like every form: the page
 * that asks put it there.
 */
@Controller
class UnsubscribeController {

    static final String CONFIRM = "settings/unsubscribe";
    static final String DONE = "settings/unsubscribed";
    static final String INVALID = "settings/unsubscribe-invalid";

    /**
     * What account-service's links look like (an id, a kind and a signature, base64url, at most 200 characters): the
     * service checks the signature; this only keeps anything else out of the page and away from the API.
     */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    private final NotificationsApi notifications;

    UnsubscribeController(NotificationsApi notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications/unsubscribe")
    String confirm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        if (!plausible(token)) {
            return invalid(response);
        }
        model.addAttribute("token", token);
        return CONFIRM;
    }

    @PostMapping("/notifications/unsubscribe")
    String unsubscribe(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        if (!plausible(token)) {
            return invalid(response);
        }
        Sent<Notifications.Unsubscribed> sent = notifications.unsubscribe(token);
        if (sent.unavailable()) {
            // The same question again, so the button can simply be pressed once more.
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("token", token);
            model.addAttribute("error", "unsubscribe.error.unavailable");
            return CONFIRM;
        }
        if (!sent.ok()) {
            return invalid(response);
        }
        model.addAttribute("kind", sent.value() == null ? null : sent.value().kind());
        return DONE;
    }

    private static boolean plausible(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    private static String invalid(HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return INVALID;
    }
}
