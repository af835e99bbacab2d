package org.securebase.platform.web.bodylimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.securebase.platform.web.SecureBaseWebProperties;
import org.securebase.platform.web.problem.PayloadTooLargeException;

import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

class RequestBodyLimitFilterTest {

    private static final int LIMIT = 1024;
    private static final String DETAIL = "The request body may be at most 1024 bytes.";

    private final List<Exception> resolved = new ArrayList<>();
    private final HandlerExceptionResolver resolver = (request, response, handler, failure) -> {
        resolved.add(failure);
        response.setStatus(413);
        return new ModelAndView();
    };
    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(LIMIT, DETAIL, resolver);
    private final MockHttpServletResponse response = new MockHttpServletResponse();
    private final MockFilterChain chain = new MockFilterChain();

    @ParameterizedTest
    @ValueSource(strings = { "POST", "PUT", "PATCH", "DELETE" })
    void aDeclaredLengthOverTheLimitIsRefusedUnread(String method) throws Exception {
        CountingStream body = new CountingStream(new byte[LIMIT + 1]);
        MockHttpServletRequest request = request(method, body, LIMIT + 1);

        filter.doFilter(request, response, chain);

        assertRefused();
        assertThat(body.read).isZero();
    }

    @Test
    void aMultipartUploadToAnUploadPathPassesUnreadWhateverItsSize() throws Exception {
        RequestBodyLimitFilter withUploads = new RequestBodyLimitFilter(LIMIT, DETAIL, resolver, List.of("/api/probe"));
        CountingStream body = new CountingStream(new byte[10 * LIMIT]);
        MockHttpServletRequest request = request("POST", body, 10 * LIMIT);
        request.setContentType("multipart/form-data; boundary=x");

        withUploads.doFilter(request, response, chain);

        assertThat(resolved).isEmpty();
        assertThat(chain.getRequest()).isSameAs(request);
        assertThat(body.read).isZero();
    }

    @Test
    void anUploadPathStillLimitsBodiesThatAreNotMultipart() throws Exception {
        RequestBodyLimitFilter withUploads = new RequestBodyLimitFilter(LIMIT, DETAIL, resolver, List.of("/api/probe"));
        MockHttpServletRequest request = request("POST", new CountingStream(new byte[LIMIT + 1]), LIMIT + 1);
        request.setContentType("application/json");

        withUploads.doFilter(request, response, chain);

        assertRefused();
    }

    @Test
    void aChunkedBodyOverTheLimitIsReadOnlyUpToTheLimitAndRefused() throws Exception {
        CountingStream body = new CountingStream(new byte[10 * LIMIT]);

        filter.doFilter(request("PUT", body, -1), response, chain);

        assertRefused();
        assertThat(body.read).isEqualTo(LIMIT + 1);
    }

    @Test
    void aChunkedBodyWithinTheLimitIsPassedOnUnchanged() throws Exception {
        byte[] sent = new byte[LIMIT];
        Arrays.fill(sent, (byte) 'a');
        sent[0] = '{';
        sent[LIMIT - 1] = '}';

        filter.doFilter(request("POST", new CountingStream(sent), -1), response, chain);

        assertThat(resolved).isEmpty();
        HttpServletRequest passedOn = (HttpServletRequest) chain.getRequest();
        assertThat(passedOn.getContentLengthLong()).isEqualTo(LIMIT);
        assertThat(passedOn.getContentLength()).isEqualTo(LIMIT);
        assertThat(passedOn.getInputStream().readAllBytes()).isEqualTo(sent);
    }

    @Test
    void aChunkedTextBodyReadsTheSameThroughTheReader() throws Exception {
        String sent = "{\"title\": \"Grüße\"}";
        MockHttpServletRequest request = request("POST", new CountingStream(sent.getBytes(StandardCharsets.UTF_8)), -1);
        request.setCharacterEncoding("UTF-8");

        filter.doFilter(request, response, chain);

        assertThat(((HttpServletRequest) chain.getRequest()).getReader().readLine()).isEqualTo(sent);
    }

    @Test
    void aDeclaredLengthWithinTheLimitIsLeftToTheContainer() throws Exception {
        CountingStream body = new CountingStream(new byte[LIMIT]);
        MockHttpServletRequest request = request("POST", body, LIMIT);

        filter.doFilter(request, response, chain);

        assertThat(resolved).isEmpty();
        assertThat(chain.getRequest()).isSameAs(request);
        assertThat(body.read).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = { "GET", "HEAD", "DELETE", "OPTIONS" })
    void aRequestWithoutABodyMethodIsUntouched(String method) throws Exception {
        CountingStream body = new CountingStream(new byte[10 * LIMIT]);
        MockHttpServletRequest request = request(method, body, -1);

        filter.doFilter(request, response, chain);

        assertThat(resolved).isEmpty();
        assertThat(chain.getRequest()).isSameAs(request);
        assertThat(body.read).isZero();
    }

    @Test
    void theConfiguredLimitIsTheOneHonoured() throws Exception {
        SecureBaseWebProperties properties = new SecureBaseWebProperties(DataSize.parse("2KB"), null);
        RequestBodyLimitFilter configured = new RequestBodyLimitFilter(properties.maxBodyBytes(),
                properties.maxBodyDetail(), resolver);

        configured.doFilter(request("POST", new CountingStream(new byte[2048]), -1), response, chain);
        assertThat(resolved).isEmpty();
        assertThat(((HttpServletRequest) chain.getRequest()).getContentLengthLong()).isEqualTo(2048);

        configured.doFilter(request("POST", new CountingStream(new byte[2049]), -1), new MockHttpServletResponse(),
                new MockFilterChain());
        assertThat(resolved).singleElement().isInstanceOf(PayloadTooLargeException.class)
                .extracting(failure -> ((PayloadTooLargeException) failure).detail())
                .isEqualTo("The request body may be at most 2048 bytes.");
    }

    @Test
    void aConfiguredDetailIsTheOneShown() {
        SecureBaseWebProperties properties = new SecureBaseWebProperties(DataSize.ofKilobytes(256),
                "At most 262144 bytes, and an entry of 20000 characters.");

        assertThat(properties.maxBodyBytes()).isEqualTo(262_144);
        assertThat(properties.maxBodyDetail()).isEqualTo("At most 262144 bytes, and an entry of 20000 characters.");
    }

    @ParameterizedTest
    @ValueSource(strings = { "0B", "2GB" })
    void refusesALimitThatCannotBeHeldInMemory(String size) {
        assertThatIllegalArgumentException().isThrownBy(() -> new SecureBaseWebProperties(DataSize.parse(size), null))
                .withMessageContaining("securebase.web.max-body-size");
    }

    private void assertRefused() {
        assertThat(chain.getRequest()).as("the request was not passed on").isNull();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(resolved).singleElement().isInstanceOf(PayloadTooLargeException.class)
                .extracting(failure -> ((PayloadTooLargeException) failure).detail()).isEqualTo(DETAIL);
    }

    /** A request whose body is {@code body}, declaring {@code contentLength} (-1: none, as for a chunked body). */
    private static MockHttpServletRequest request(String method, CountingStream body, long contentLength) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/probe") {
            @Override
            public long getContentLengthLong() {
                return contentLength;
            }

            @Override
            public int getContentLength() {
                return (int) contentLength;
            }

            @Override
            public ServletInputStream getInputStream() {
                return new DelegatingServletInputStream(body);
            }
        };
        request.setContentType("application/json");
        return request;
    }

    /** Remembers how much of the body was read, whichever way it is read. */
    private static final class CountingStream extends InputStream {

        private final ByteArrayInputStream body;
        private int read;

        CountingStream(byte[] body) {
            this.body = new ByteArrayInputStream(body);
        }

        @Override
        public int read() {
            int b = body.read();
            read += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            int n = body.read(buffer, offset, length);
            read += Math.max(n, 0);
            return n;
        }
    }
}
