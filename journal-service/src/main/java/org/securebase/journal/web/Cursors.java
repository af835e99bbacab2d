package org.securebase.journal.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.securebase.platform.web.problem.BadRequestException;

/**
 * Opaque keyset cursors. A cursor is the sort key of the last row shown, base64url-encoded so callers treat it
 * as a token; a cursor that does not decode is a 400, never a 500.
 */
public final class Cursors {

    private Cursors() {
    }

    /** Position after a row sorted by (timestamp, id) descending. */
    public record TimeAndId(Instant at, UUID id) {
    }

    public static String encode(Instant at, UUID id) {
        long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000L);
        return encode(micros + "_" + id);
    }

    public static TimeAndId decodeTimeAndId(String cursor) {
        String text = decode(cursor);
        int separator = text.indexOf('_');
        try {
            long micros = Long.parseLong(text.substring(0, separator));
            UUID id = UUID.fromString(text.substring(separator + 1));
            return new TimeAndId(Instant.EPOCH.plusNanos(Math.multiplyExact(micros, 1_000L)), id);
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    public static String encode(long id) {
        return encode(Long.toString(id));
    }

    public static long decodeLong(String cursor) {
        try {
            return Long.parseLong(decode(cursor));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    public static String encode(UUID id) {
        return encode(id.toString());
    }

    public static UUID decodeUuid(String cursor) {
        try {
            return UUID.fromString(decode(cursor));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        if (cursor == null || cursor.length() > 200) {
            throw invalid();
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static BadRequestException invalid() {
        return BadRequestException.forField("cursor", "is not a cursor this list returned");
    }
}
