package org.securebase.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.session.web.http.CookieSerializer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The session cookie carries the session id and a keyed signature of it; the session store holds only the id. Someone
 * who reads the portal's database (or a backup) learns ids they cannot turn into a cookie, because the key that signs
 * them is not in the database. A cookie whose signature does not match is ignored, as if there were none. The cookie's
 * attributes (name, HttpOnly, SameSite, Secure over HTTPS) are the wrapped serializer's.
 */
final class SignedSessionCookie implements CookieSerializer {

    private static final char SEPARATOR = '.';

    private final CookieSerializer cookies;
    private final byte[] key;
    private final List<byte[]> previousKeys;

    SignedSessionCookie(CookieSerializer cookies, byte[] key) {
        this(cookies, key, List.of());
    }

    /** Signs with {@code key}; also accepts what {@code previousKeys} signed (a secret rotation in progress). */
    SignedSessionCookie(CookieSerializer cookies, byte[] key, List<byte[]> previousKeys) {
        this.cookies = cookies;
        this.key = key.clone();
        this.previousKeys = previousKeys.stream().map(byte[]::clone).toList();
    }

    @Override
    public void writeCookieValue(CookieValue cookieValue) {
        String sessionId = cookieValue.getCookieValue();
        // an empty value is the cookie being cleared
        String value = sessionId == null || sessionId.isEmpty() ? sessionId : sign(sessionId);
        CookieValue signed = new CookieValue(cookieValue.getRequest(), cookieValue.getResponse(), value);
        signed.setCookieMaxAge(cookieValue.getCookieMaxAge());
        cookies.writeCookieValue(signed);
    }

    @Override
    public List<String> readCookieValues(HttpServletRequest request) {
        List<String> verified = new ArrayList<>();
        for (String value : cookies.readCookieValues(request)) {
            int separator = value.lastIndexOf(SEPARATOR);
            if (separator > 0) {
                String id = value.substring(0, separator);
                byte[] presented = value.substring(separator + 1).getBytes(StandardCharsets.US_ASCII);
                if (signedByAny(id, presented)) {
                    verified.add(id);
                }
            }
        }
        return verified;
    }

    String sign(String sessionId) {
        return sessionId + SEPARATOR + signature(key, sessionId);
    }

    private boolean signedByAny(String id, byte[] presented) {
        boolean signed = MessageDigest.isEqual(presented, signature(key, id).getBytes(StandardCharsets.US_ASCII));
        for (byte[] previous : previousKeys) {
            signed |= MessageDigest.isEqual(presented, signature(previous, id).getBytes(StandardCharsets.US_ASCII));
        }
        return signed;
    }

    private static String signature(byte[] key, String sessionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(sessionId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
