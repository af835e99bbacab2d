package org.securebase.gateway.edge;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;

/** The bearer token of a request, per RFC 6750 section 2.1: one {@code Authorization: Bearer <token68>}. */
record BearerToken(Kind kind, String value) {

    enum Kind { MISSING, MALFORMED, PRESENT }

    private static final Pattern TOKEN68 = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    private static final String SCHEME = "Bearer ";

    static BearerToken of(HttpHeaders headers) {
        List<String> values = headers.get(HttpHeaders.AUTHORIZATION);
        if (values == null || values.isEmpty()) {
            return new BearerToken(Kind.MISSING, null);
        }
        if (values.size() > 1) {
            // Which one would a service read? Ambiguity is refused, as platform-security does.
            return new BearerToken(Kind.MALFORMED, null);
        }
        String value = values.get(0);
        if (!value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            // Another scheme (Basic, ...) is no bearer token: to this API the request carries none.
            return new BearerToken(Kind.MISSING, null);
        }
        String token = value.substring(SCHEME.length()).trim();
        return TOKEN68.matcher(token).matches() ? new BearerToken(Kind.PRESENT, token) : new BearerToken(Kind.MALFORMED, null);
    }
}
