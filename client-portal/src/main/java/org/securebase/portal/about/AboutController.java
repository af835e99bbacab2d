package org.securebase.portal.about;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The accessibility statement: what is tested, how, and what is known not to work yet. Anyone may open it, signed in
 * or not (the security configuration's {@code ACCESSIBILITY_STATEMENT}), as a statement must be.
 */
@Controller
class AboutController {

    @GetMapping("/accessibility")
    String accessibility() {
        return "about/accessibility";
    }
}
