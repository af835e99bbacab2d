package org.securebase.platform.web.bodylimit;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.securebase.platform.web.problem.PayloadTooLargeException;

import org.springframework.boot.servlet.filter.OrderedFilter;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Refuses request bodies larger than the limit with 413 before anything parses them, so a huge body costs
 * neither a JSON parse nor more than the limit in memory. A body whose Content-Length is above the limit is
 * refused unread; a chunked body (no Content-Length) of a POST, PUT or PATCH is read up to the limit, refused as
 * soon as it passes it, and otherwise handed on from memory, unchanged.
 *
 * <p>A {@code multipart/form-data} upload to one of the upload paths passes unbuffered: the container's multipart
 * limits bound it and keep its files on disk, so a file too large to import can be named by its size, unread.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    /**
     * Just after Spring Security's filter chain ({@code OrderedFilter.REQUEST_WRAPPER_FILTER_MAX_ORDER - 100}, Boot's
     * default {@code spring.security.filter.order}), so an anonymous request is told to authenticate (401) rather
     * than how large a body may be.
     */
    public static final int ORDER = OrderedFilter.REQUEST_WRAPPER_FILTER_MAX_ORDER - 90;

    private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");

    private final int maxBytes;
    private final String detail;
    private final HandlerExceptionResolver exceptionResolver;
    private final Set<String> uploadPaths;

    public RequestBodyLimitFilter(int maxBytes, String detail, HandlerExceptionResolver exceptionResolver) {
        this(maxBytes, detail, exceptionResolver, List.of());
    }

    /**
     * @param maxBytes          the largest body accepted, in bytes
     * @param detail            the 413 problem's {@code detail}, shown to the caller as is
     * @param exceptionResolver Spring MVC's resolvers, which answer the refusal as the platform's problem+json
     * @param uploadPaths       exact paths whose multipart uploads the container's multipart limits bound instead
     */
    public RequestBodyLimitFilter(int maxBytes, String detail, HandlerExceptionResolver exceptionResolver,
                                  List<String> uploadPaths) {
        if (maxBytes < 1 || maxBytes == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the body limit must be between 1 and " + (Integer.MAX_VALUE - 1) + " bytes");
        }
        this.maxBytes = maxBytes;
        this.detail = Objects.requireNonNull(detail, "detail");
        this.exceptionResolver = Objects.requireNonNull(exceptionResolver, "exceptionResolver");
        this.uploadPaths = Set.copyOf(uploadPaths);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isUpload(request)) {
            chain.doFilter(request, response);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(request, response);
            return;
        }
        if (declared < 0 && METHODS_WITH_BODY.contains(request.getMethod())) {
            byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                refuse(request, response);
                return;
            }
            chain.doFilter(new BufferedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean isUpload(HttpServletRequest request) {
        String contentType = request.getContentType();
        return !uploadPaths.isEmpty() && contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                && uploadPaths.contains(request.getRequestURI());
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (exceptionResolver.resolveException(request, response, null, new PayloadTooLargeException(detail)) == null) {
            // Only without the platform's handler (which answers everything): a bare 413 still beats letting it in.
            response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
        }
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
