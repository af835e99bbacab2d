package org.securebase.account.securityevent;

import java.util.List;

/** The newest security events, newest first. */
public record SecurityEventsView(List<SecurityEventView> items) {
}
