package org.securebase.gateway.headers;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class InboundHeadersFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"X-Forwarded-For", "x-forwarded-host", "X-FORWARDED-PROTO", "X-Forwarded-Prefix",
            "X-Forwarded-Ssl", "Forwarded", "X-Real-IP", "True-Client-IP", "X-Client-IP", "X-Cluster-Client-IP",
            "X-Original-URL", "X-Rewrite-URL", "X-Internal-Caller", "x-securebase-user-id"})
    void dropsWhatOnlyTheGatewayMaySet(String header) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(header, "203.0.113.7");
        headers.add("Accept", "application/json");
        InboundHeadersFilter.clean(headers, "rid-1");
        assertThat(headers.containsHeader(header)).isFalse();
        assertThat(headers.getFirst("Accept")).isEqualTo("application/json");
        assertThat(headers.get("X-Request-Id")).containsExactly("rid-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "Cookie", "Content-Type", "X-Request-Id", "traceparent", "X-Forwarder"})
    void keepsOrdinaryHeaders(String header) {
        assertThat(InboundHeadersFilter.isSpoofable(header)).isFalse();
    }

    @Test
    void acceptsOnlyOneSafeRequestId() {
        assertThat(InboundHeadersFilter.acceptOrGenerate(List.of("abc-DEF_1.2"))).isEqualTo("abc-DEF_1.2");
        assertThat(InboundHeadersFilter.acceptOrGenerate(List.of("x".repeat(64)))).isEqualTo("x".repeat(64));
        for (List<String> unsafe : List.of(List.of("x".repeat(65)), List.of("a b"), List.of("a\r\nb"), List.of(""),
                List.of("<script>"), List.of("a", "b"))) {
            assertThat(InboundHeadersFilter.acceptOrGenerate(unsafe)).as(unsafe.toString()).matches("[0-9a-f-]{36}");
        }
        assertThat(InboundHeadersFilter.acceptOrGenerate(null)).matches("[0-9a-f-]{36}");
    }

    @Test
    void traceContextMustBeWellFormed() {
        String valid = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        assertThat(InboundHeadersFilter.isValidTraceContext(null, null)).isTrue();
        assertThat(InboundHeadersFilter.isValidTraceContext(List.of(valid), null)).isTrue();
        assertThat(InboundHeadersFilter.isValidTraceContext(List.of(valid), List.of("a=1", "b=2"))).isTrue();
        assertThat(InboundHeadersFilter.isValidTraceContext(null, List.of("a=1"))).isFalse();
        assertThat(InboundHeadersFilter.isValidTraceContext(List.of(valid, valid), null)).isFalse();
        assertThat(InboundHeadersFilter.isValidTraceContext(List.of(valid), List.of("x".repeat(513)))).isFalse();
        for (String invalid : List.of("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
                "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01")) {
            assertThat(InboundHeadersFilter.isValidTraceContext(List.of(invalid), null)).as(invalid).isFalse();
        }
    }
}
