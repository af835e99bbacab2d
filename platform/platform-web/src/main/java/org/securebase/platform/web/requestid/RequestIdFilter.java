package org.securebase.platform.web.requestid;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives each request an id: the caller's {@code X-Request-Id} when it is a safe token (so the
 * gateway's id follows the request through the services), otherwise a fresh UUID. The id is put in
 * the SLF4J MDC as {@code requestId}, echoed in the response header and exposed to the problem
 * bodies. Runs first, so even security rejections carry it.
 */
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    public static final String REQUEST_ATTRIBUTE = RequestIdFilter.class.getName() + ".requestId";

    // Anything else could smuggle line breaks or markup into logs and headers, so it is replaced.
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The id of the request, if it passed through this filter. */
    public static Optional<String> currentRequestId(HttpServletRequest request) {
        return Optional.ofNullable(request.getAttribute(REQUEST_ATTRIBUTE))
                .map(Object::toString)
                .or(() -> Optional.ofNullable(MDC.get(MDC_KEY)));
    }

    static boolean isSafe(String candidate) {
        return candidate != null && SAFE_REQUEST_ID.matcher(candidate).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // An error or async dispatch of the same request keeps the id chosen on the way in.
        String requestId = currentRequestIdAttribute(request).orElseGet(() -> acceptOrGenerate(request.getHeader(HEADER)));
        request.setAttribute(REQUEST_ATTRIBUTE, requestId);
        response.setHeader(HEADER, requestId);
        String outerRequestId = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            // Threads are pooled: leaving the id behind would label the next request's logs.
            if (outerRequestId == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, outerRequestId);
            }
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    private static Optional<String> currentRequestIdAttribute(HttpServletRequest request) {
        return Optional.ofNullable(request.getAttribute(REQUEST_ATTRIBUTE)).map(Object::toString);
    }

    /** The offered id when it is safe, else a fresh one: for code that answers before this filter could run. */
    public static String acceptOrGenerate(String offered) {
        return isSafe(offered) ? offered : UUID.randomUUID().toString();
    }
}
