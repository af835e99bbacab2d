package org.securebase.account.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Unsubscribe tokens: {@code <account id>.<kind>.<HMAC-SHA256 of both>}, so a link turns off one kind for one person
 * and nothing else, and a changed letter makes it worthless. They do not expire: a mail read months later must still
 * let its reader stop such mails (RFC 8058 asks that the link keep working).
 */
@Component
class UnsubscribeLinks {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    UnsubscribeLinks(NotificationProperties properties) {
        this.key = new SecretKeySpec(properties.linkSecret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    record Unsubscribe(UUID accountId, NotificationKind kind) {
    }

    String token(UUID accountId, NotificationKind kind) {
        if (!kind.switchable()) {
            throw new IllegalArgumentException(kind + " cannot be switched off");
        }
        String payload = accountId + "." + kind.name();
        return payload + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The person and kind a token was made for, or empty when it was not made here or was changed. */
    Optional<Unsubscribe> verify(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int last = token.lastIndexOf('.');
        if (last < 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, last);
        // The signature is compared as the text this class writes, not as decoded bytes: a decoder ignores the unused
        // low bits of the last character, so several spellings would decode to the same signature.
        byte[] expected = ENCODER.encodeToString(mac(payload)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.substring(last + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        String[] parts = payload.split("\\.", -1);
        try {
            NotificationKind kind = NotificationKind.valueOf(parts[1]);
            return parts.length == 2 && kind.switchable()
                    ? Optional.of(new Unsubscribe(UUID.fromString(parts[0]), kind)) : Optional.empty();
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
