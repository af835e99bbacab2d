package org.securebase.portal.home;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** "Stay signed in" from the idle warning: any request restarts the session's 15 idle minutes. */
@RestController
class KeepAliveController {

    @GetMapping("/session/keepalive")
    ResponseEntity<Void> keepAlive() {
        return ResponseEntity.noContent().build();
    }
}
