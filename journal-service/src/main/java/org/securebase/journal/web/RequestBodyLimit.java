package org.securebase.journal.web;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.securebase.platform.web.problem.PayloadTooLargeException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Refuses request bodies above {@link #MAX_BODY_BYTES} with 413 before JSON parsing, so a huge body costs
 * neither a parse nor more than this much memory: a declared Content-Length above it is refused unread; a
 * chunked body fails as soon as it passes the limit. The largest accepted text (an entry body of
 * {@link TextLimits#ENTRY_BODY} characters, up to 3 bytes each plus escaping) fits. Runs after Spring Security,
 * so an anonymous caller is told to authenticate rather than how large a body may be.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10)
public class RequestBodyLimit extends OncePerRequestFilter {

    public static final int MAX_BODY_BYTES = 256 * 1024;
    static final String DETAIL = "The request body may be at most " + MAX_BODY_BYTES + " bytes.";
    private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");

    private final HandlerExceptionResolver exceptionResolver;

    RequestBodyLimit(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) {
        this.exceptionResolver = exceptionResolver;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !METHODS_WITH_BODY.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            exceptionResolver.resolveException(request, response, null, new PayloadTooLargeException(DETAIL));
            return;
        }
        chain.doFilter(new LimitedRequest(request), response);
    }

    /** Counts the bytes read and fails past the limit; the failure surfaces as a malformed or too-large body. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) {
                    read += n;
                    if (read > MAX_BODY_BYTES) {
                        throw new PayloadTooLargeException(DETAIL);
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
