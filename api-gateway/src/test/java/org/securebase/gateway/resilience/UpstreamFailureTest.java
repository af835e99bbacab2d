package org.securebase.gateway.resilience;

import java.net.ConnectException;
import java.util.Optional;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.netty.channel.ConnectTimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

class UpstreamFailureTest {

    @Test
    void classifiesWhatGoesWrongUpstream() {
        assertThat(UpstreamFailure.classify(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer")))
                .contains(UpstreamFailure.TIMED_OUT);
        assertThat(UpstreamFailure.classify(new ConnectTimeoutException("connection timed out: localhost/127.0.0.1:8082")))
                .contains(UpstreamFailure.TIMED_OUT);
        assertThat(UpstreamFailure.classify(new IllegalStateException(new ConnectException("Connection refused"))))
                .contains(UpstreamFailure.UNREACHABLE);
        assertThat(UpstreamFailure.classify(CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("x"))))
                .contains(UpstreamFailure.UNAVAILABLE);
        assertThat(UpstreamFailure.classify(BulkheadFullException.createBulkheadFullException(Bulkhead.ofDefaults("x"))))
                .contains(UpstreamFailure.UNAVAILABLE);
    }

    @Test
    void clientErrorsAndBugsAreNotTheBackendsFault() {
        assertThat(UpstreamFailure.classify(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE))).isEqualTo(Optional.empty());
        assertThat(UpstreamFailure.classify(new ResponseStatusException(HttpStatus.BAD_REQUEST))).isEmpty();
        assertThat(UpstreamFailure.classify(new NullPointerException())).isEmpty();
    }
}
