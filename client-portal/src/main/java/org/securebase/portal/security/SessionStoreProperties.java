package org.securebase.portal.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;

/**
 * The portal's session secret: at least 32 bytes, the same on every instance, never in the database. Two keys are
 * derived from it, one that seals session attributes and one that signs the session cookie, so neither use can be
 * turned into the other.
 *
 * <p>Rotation without signing anyone out: the new secret becomes {@code secret} and the old one
 * {@code previous-secret}. Everything is sealed and signed with the new one from then on; what the old one sealed or
 * signed is still opened and accepted, so sessions go on and their attributes are sealed anew as they are written.
 * Once every session has signed in again (the realm's longest session), the previous secret is removed; anything
 * left that only it could open is then dropped, and its owner signs in again.
 *
 * @param secret         {@code SECUREBASE_SESSION_SECRET}
 * @param previousSecret {@code SECUREBASE_SESSION_PREVIOUS_SECRET}: empty, or the secret before the last rotation
 */
@ConfigurationProperties("securebase.session")
public record SessionStoreProperties(String secret, String previousSecret) {

    private static final String ATTRIBUTES = "secure-base session attributes v1";
    private static final String COOKIE = "secure-base session cookie v1";

    /** The AES-256 key of session attributes. */
    byte[] attributeKey() {
        return derive(secret, "securebase.session.secret (SECUREBASE_SESSION_SECRET)", ATTRIBUTES);
    }

    /** The HMAC-SHA256 key of the session cookie. */
    byte[] cookieKey() {
        return derive(secret, "securebase.session.secret (SECUREBASE_SESSION_SECRET)", COOKIE);
    }

    /** The attribute key of the previous secret, while one is configured. */
    List<byte[]> previousAttributeKeys() {
        return previous(ATTRIBUTES);
    }

    /** The cookie key of the previous secret, while one is configured. */
    List<byte[]> previousCookieKeys() {
        return previous(COOKIE);
    }

    @Override
    public String toString() {
        return "SessionStoreProperties[secret=(hidden), previousSecret=" + (hasPrevious() ? "(hidden)" : "none") + "]";
    }

    private boolean hasPrevious() {
        return previousSecret != null && !previousSecret.isBlank();
    }

    private List<byte[]> previous(String purpose) {
        return hasPrevious()
                ? List.of(derive(previousSecret, "securebase.session.previous-secret (SECUREBASE_SESSION_PREVIOUS_SECRET)", purpose))
                : List.of();
    }

    /** Checked when the session store is set up (web slices without a session store never ask). */
    private static byte[] derive(String secret, String name, String purpose) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException(name
                    + " must be at least 32 bytes: it keeps the session store's tokens sealed and its cookies signed");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
