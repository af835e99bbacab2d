package org.securebase.content.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.securebase.content.article.ArticleAuthoring;
import org.securebase.platform.web.problem.PayloadTooLargeException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses request bodies larger than {@link #MAX_BODY_BYTES} with 413 before anything parses them, so a
 * huge upload costs neither a JSON parse nor more than this much memory. A body with a Content-Length
 * above the limit is refused unread; a chunked body (no Content-Length) is read up to the limit and refused
 * as soon as it passes it.
 *
 * <p>The limit leaves room for the largest accepted article ({@link ArticleAuthoring#MAX_MARKDOWN_CHARS}
 * characters, up to 3 bytes each in UTF-8, plus JSON escaping); that character limit is checked on the
 * Markdown itself and also answered with 413. Runs after Spring Security, so an anonymous request is told to
 * authenticate (401) rather than how large a body may be.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10)
public class RequestBodyLimit extends OncePerRequestFilter {

    public static final int MAX_BODY_BYTES = 1024 * 1024;
    static final String DETAIL = "The request body may be at most " + MAX_BODY_BYTES + " bytes, and an article body at most "
            + ArticleAuthoring.MAX_MARKDOWN_CHARS + " characters.";
    private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");

    private final HandlerExceptionResolver exceptionResolver;

    RequestBodyLimit(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) {
        this.exceptionResolver = exceptionResolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            refuse(request, response);
            return;
        }
        if (declared < 0 && METHODS_WITH_BODY.contains(request.getMethod())) {
            byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                refuse(request, response);
                return;
            }
            chain.doFilter(new BufferedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    // Through the MVC exception handlers, so the answer is the platform's problem+json.
    private void refuse(HttpServletRequest request, HttpServletResponse response) {
        exceptionResolver.resolveException(request, response, null, new PayloadTooLargeException(DETAIL));
    }

    /** A request whose (chunked) body was read here, within the limit, and is replayed from memory. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already in memory");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), charsetOf(getCharacterEncoding())));
        }

        private static Charset charsetOf(String encoding) {
            try {
                return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            } catch (IllegalArgumentException unknown) {
                // A client naming a charset we do not know must not turn into a 500.
                return StandardCharsets.UTF_8;
            }
        }
    }
}
