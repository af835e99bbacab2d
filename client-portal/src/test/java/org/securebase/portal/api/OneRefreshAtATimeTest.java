package org.securebase.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;

class OneRefreshAtATimeTest {

    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger mostInside = new AtomicInteger();
    private final CountDownLatch bothEntered = new CountDownLatch(2);

    /** Each authorization waits (a bounded while) for another to be inside at the same time. */
    private final OAuth2AuthorizedClientManager waitingForCompany = request -> {
        mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
        bothEntered.countDown();
        try {
            bothEntered.await(300, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inside.decrementAndGet();
        }
        return (OAuth2AuthorizedClient) null;
    };

    private static OAuth2AuthorizeRequest of(String person) {
        return OAuth2AuthorizeRequest.withClientRegistrationId("keycloak")
                .principal(new TestingAuthenticationToken(person, "n/a")).build();
    }

    /** Two threads of their own (the common pool may have only one on a small machine). */
    private static void atOnce(Runnable first, Runnable second) {
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture.allOf(CompletableFuture.runAsync(first, two), CompletableFuture.runAsync(second, two)).join();
        } finally {
            two.shutdown();
        }
    }

    @Test
    void oneAuthorizationAtATimeForOnePerson() {
        OneRefreshAtATime manager = new OneRefreshAtATime(waitingForCompany);

        atOnce(() -> manager.authorize(of("sam")), () -> manager.authorize(of("sam")));

        assertThat(mostInside).as("authorizations of one person inside at once").hasValue(1);
    }

    @Test
    void theUnguardedManagerWouldLetBothInWhichIsWhatTheTestAbovePrevents() {
        atOnce(() -> waitingForCompany.authorize(of("sam")), () -> waitingForCompany.authorize(of("sam")));

        assertThat(mostInside).hasValue(2);
    }
}
