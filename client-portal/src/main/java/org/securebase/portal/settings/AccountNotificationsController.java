package org.securebase.portal.settings;

import static org.springframework.http.HttpStatus.NOT_FOUND;

import java.util.Optional;
import java.util.UUID;

import org.securebase.portal.api.Fetched;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * An admin's view of which kinds of mail one person gets: on or off, never what a mail said (admins see no clinical
 * content). Read-only: a person's choices are theirs to change.
 */
@Controller
@PreAuthorize("hasRole('admin')")
class AccountNotificationsController {

    private final NotificationsApi notifications;

    AccountNotificationsController(NotificationsApi notifications) {
        this.notifications = notifications;
    }

    /** {@code name} is the account list's display name, for the heading only. */
    @GetMapping("/accounts/{id}/notifications")
    String kinds(@PathVariable UUID id, @RequestParam(defaultValue = "") String name, Model model) {
        Fetched<Optional<Notifications.Kinds>> found = notifications.kindsOf(id);
        if (found.available() && found.value().isEmpty()) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        model.addAttribute("name", name);
        model.addAttribute("kinds", found.map(Optional::orElseThrow));
        return "settings/account-notifications";
    }
}
