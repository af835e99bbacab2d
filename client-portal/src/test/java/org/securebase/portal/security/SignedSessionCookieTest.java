package org.securebase.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

class SignedSessionCookieTest {

    private static final String SESSION_ID = "6f1c2b9e-3a4d-4e5f-8a9b-0c1d2e3f4a5b";

    private final SignedSessionCookie cookie = resolver("a-test-session-secret-of-more-than-32-bytes");

    @Test
    void theCookieTheResolverWritesLeadsBackToTheSession() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        cookie.writeCookieValue(new CookieSerializer.CookieValue(new MockHttpServletRequest(), response, SESSION_ID));
        String written = response.getCookie("SB_SESSION").getValue();

        assertThat(new String(Base64.getDecoder().decode(written), StandardCharsets.UTF_8)).startsWith(SESSION_ID + ".");
        assertThat(read(cookie, requestWith(written))).containsExactly(SESSION_ID);
    }

    @Test
    void theIdAsTheStoreHoldsItIsNoCookie() {
        assertThat(read(cookie, requestWith(encode(SESSION_ID)))).isEmpty();
        assertThat(read(cookie, requestWith(encode(SESSION_ID + ".")))).isEmpty();
        assertThat(read(cookie, requestWith(encode(SESSION_ID + ".forged-signature")))).isEmpty();
    }

    @Test
    void aCookieSignedWithAnotherSecretIsIgnored() {
        String signedElsewhere = encode(resolver("another-session-secret-of-more-than-32-bytes").sign(SESSION_ID));

        assertThat(read(cookie, requestWith(signedElsewhere))).isEmpty();
        assertThat(read(cookie, requestWith(encode(cookie.sign(SESSION_ID))))).containsExactly(SESSION_ID);
    }

    @Test
    void duringARotationACookieOfThePreviousSecretIsAcceptedAndNewOnesAreSignedWithTheNewOne() {
        SessionStoreProperties rotated = new SessionStoreProperties("the-rotated-session-secret-of-more-than-32-bytes",
                "a-test-session-secret-of-more-than-32-bytes");
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName("SB_SESSION");
        SignedSessionCookie rotating = new SignedSessionCookie(serializer, rotated.cookieKey(), rotated.previousCookieKeys());
        String oldCookie = encode(cookie.sign(SESSION_ID));
        String newCookie = encode(rotating.sign(SESSION_ID));

        assertThat(read(rotating, requestWith(oldCookie))).containsExactly(SESSION_ID);
        assertThat(read(rotating, requestWith(newCookie))).containsExactly(SESSION_ID);
        assertThat(read(cookie, requestWith(newCookie))).as("signed with the new secret").isEmpty();
        assertThat(read(resolver("the-rotated-session-secret-of-more-than-32-bytes"), requestWith(oldCookie)))
                .as("after the rotation ends").isEmpty();
        assertThat(read(rotating, requestWith(encode(SESSION_ID + ".forged-signature")))).isEmpty();
    }

    private static SignedSessionCookie resolver(String secret) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName("SB_SESSION");
        return new SignedSessionCookie(serializer, new SessionStoreProperties(secret, null).cookieKey());
    }

    private static List<String> read(SignedSessionCookie cookies, MockHttpServletRequest request) {
        return cookies.readCookieValues(request);
    }

    private static MockHttpServletRequest requestWith(String cookieValue) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setCookies(new Cookie("SB_SESSION", cookieValue));
        return request;
    }

    private static String encode(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
