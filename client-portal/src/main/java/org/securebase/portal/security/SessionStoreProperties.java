package org.securebase.portal.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * The portal's session secret: at least 32 bytes, the same on every instance, never in the database. Two keys are
 * derived from it, one that seals session attributes and one that signs the session cookie, so neither use can be
 * turned into the other. A new secret ends every signed-in session (people sign in again).
 *
 * @param secret {@code SECUREBASE_SESSION_SECRET}
 */
@ConfigurationProperties("securebase.session")
public record SessionStoreProperties(String secret) {

    /** The AES-256 key of session attributes. */
    byte[] attributeKey() {
        return derive("secure-base session attributes v1");
    }

    /** The HMAC-SHA256 key of the session cookie. */
    byte[] cookieKey() {
        return derive("secure-base session cookie v1");
    }

    @Override
    public String toString() {
        return "SessionStoreProperties[secret=(hidden)]";
    }

    /** Checked when the session store is set up (web slices without a session store never ask). */
    private byte[] derive(String purpose) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException("securebase.session.secret (SECUREBASE_SESSION_SECRET) "
                    + "must be at least 32 bytes: it keeps the session store's tokens sealed and its cookies signed");
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
