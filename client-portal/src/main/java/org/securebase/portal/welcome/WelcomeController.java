package org.securebase.portal.welcome;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The welcome, to read again at any time (the footer links to it). */
@Controller
class WelcomeController {

    @GetMapping("/welcome")
    String welcome() {
        return "welcome/page";
    }
}
