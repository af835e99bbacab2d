package org.securebase.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class PageCallsTest {

    private final PageCalls calls = new PageCalls(1);

    @AfterEach
    void tearDown() {
        calls.stop();
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
        MDC.clear();
    }

    private void onAPageThread() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("sam", "n/a", "ROLE_client"));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest("GET", "/x")));
        MDC.put("requestId", "req-7");
    }

    @Test
    void aCallRunsBesideThePageThreadAsThePageThreadWould() throws InterruptedException {
        onAPageThread();
        CountDownLatch pageWentOn = new CountDownLatch(1);
        PageCalls.Pending<String> pending = calls.start(() -> {
            try {
                // Answers only once the page thread went on after start(): the call does not run on it.
                if (!pageWentOn.await(30, TimeUnit.SECONDS)) {
                    return "ran on the page thread";
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return SecurityContextHolder.getContext().getAuthentication().getName() + " "
                    + ((ServletRequestAttributes) RequestContextHolder.getRequestAttributes()).getRequest().getRequestURI()
                    + " " + MDC.get("requestId") + " " + Thread.currentThread().getName().startsWith("page-call-");
        });
        pageWentOn.countDown();

        assertThat(pending.join()).isEqualTo("sam /x req-7 true");
    }

    @Test
    void thePoolThreadKeepsNothingOfThePageAfterwards() {
        onAPageThread();
        calls.start(() -> "first").join();
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
        MDC.clear();

        String seen = calls.start(() -> SecurityContextHolder.getContext().getAuthentication() + " "
                + RequestContextHolder.getRequestAttributes() + " " + MDC.get("requestId")).join();

        assertThat(seen).isEqualTo("null null null");
    }

    @Test
    void whatTheCallThrewIsThrownOnThePageThreadAsItWas() {
        onAPageThread();
        ClientAuthorizationException expired = new ClientAuthorizationException(new OAuth2Error("invalid_grant"), "keycloak");

        PageCalls.Pending<String> pending = calls.start(() -> {
            throw expired;
        });

        assertThatThrownBy(pending::join).isSameAs(expired);
    }

    @Test
    void whenThePoolIsBusyTheCallRunsOnThePageThread() throws InterruptedException {
        onAPageThread();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        PageCalls.Pending<String> busy = calls.start(() -> {
            running.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "busy";
        });
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
        PageCalls.Pending<String> queued = calls.start(() -> "queued");
        String pageThread = Thread.currentThread().getName();

        PageCalls.Pending<String> third = calls.start(() -> Thread.currentThread().getName() + " "
                + SecurityContextHolder.getContext().getAuthentication().getName());
        release.countDown();

        assertThat(third.join()).isEqualTo(pageThread + " sam");
        assertThat(busy.join()).isEqualTo("busy");
        assertThat(queued.join()).isEqualTo("queued");
    }
}
