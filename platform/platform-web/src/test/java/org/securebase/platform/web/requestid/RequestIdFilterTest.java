package org.securebase.platform.web.requestid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestIdFilterTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final RequestIdFilter filter = new RequestIdFilter();

    @ParameterizedTest
    @ValueSource(strings = { "abc", "gateway.req-42_A", "0123456789012345678901234567890123456789012345678901234567890123" })
    void keepsASafeRequestIdAndExposesItWhileTheRequestRuns(String offered) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/content/articles");
        request.addHeader(RequestIdFilter.HEADER, offered);
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> seenInMdc = new AtomicReference<>();

        filter.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res) {
                seenInMdc.set(MDC.get(RequestIdFilter.MDC_KEY));
            }
        }));

        assertThat(response.getHeader(RequestIdFilter.HEADER)).isEqualTo(offered);
        assertThat(seenInMdc).hasValue(offered);
        assertThat(RequestIdFilter.currentRequestId(request)).contains(offered);
        assertThat(MDC.get(RequestIdFilter.MDC_KEY)).as("MDC is cleaned for the next request on this thread").isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "has space", "line\r\nX-Injected: yes", "<script>", "ünïcode",
            "01234567890123456789012345678901234567890123456789012345678901234" })
    void replacesAMissingOrUnsafeRequestIdWithAUuid(String offered) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        if (offered != null) {
            request.addHeader(RequestIdFilter.HEADER, offered);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getHeader(RequestIdFilter.HEADER)).matches(UUID_PATTERN);
    }
}
