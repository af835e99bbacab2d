package org.securebase.platform.security;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The {@link Caller} of the request being served, for code that is not a controller method
 * (services, auditing). Controllers can simply declare a {@code Caller} parameter.
 */
public class CallerContext {

    public Optional<Caller> current() {
        return Caller.from(SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication());
    }

    /**
     * The current caller, or an {@link AccessDeniedException}: a valid token without any Secure Base
     * role must not reach code that acts on behalf of a person. The shared error handling turns
     * this into 403 (or 401 when nobody is authenticated).
     */
    public Caller require() {
        return current().orElseThrow(() -> new AccessDeniedException("No Secure Base caller for this request"));
    }
}
