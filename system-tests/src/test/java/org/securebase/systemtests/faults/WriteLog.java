package org.securebase.systemtests.faults;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import org.securebase.systemtests.authorization.Http;

/**
 * Every write the fault run sent and how it ended. Writes to one target (one prompt's answer, one client's caseload)
 * are sent one after another by one writer, so their order here is the order they were sent in.
 */
final class WriteLog {

    enum Kind { ANSWER, ENTRY, INVITATION, CASELOAD, ARTICLE, ASSIGNMENT }

    /**
     * ACKED: a 2xx, the platform promised to keep it. REFUSED: a 4xx, it must change nothing. UNKNOWN: no answer,
     * a connection refused or a 5xx/503 from a service going down: it may or may not have taken effect.
     */
    enum Outcome { ACKED, REFUSED, UNKNOWN }

    /**
     * @param target what the write changes (prompt id, client id, ...), or a fresh name for creations
     * @param value  what it writes there: the text, the therapist id, the title, the slug
     * @param result the created object's id (or other identifying answer field), for acknowledged writes
     */
    record Write(Kind kind, String target, String value, Outcome outcome, int status, String result) {
    }

    private final Map<Kind, ConcurrentLinkedQueue<Write>> writes = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    WriteLog() {
        for (Kind kind : Kind.values()) {
            writes.put(kind, new ConcurrentLinkedQueue<>());
        }
    }

    /** Records what {@code send} answered; a request that got no answer at all is UNKNOWN with status 0. */
    Write record(Kind kind, String target, String value, Supplier<Http.Response> send,
                 Function<Http.Response, String> result) {
        Write write;
        try {
            Http.Response response = send.get();
            Outcome outcome = response.isSuccess() ? Outcome.ACKED
                    : response.status() >= 400 && response.status() < 500 && response.status() != 429
                    ? Outcome.REFUSED : Outcome.UNKNOWN;
            write = new Write(kind, target, value, outcome, response.status(),
                    outcome == Outcome.ACKED ? result.apply(response) : null);
        } catch (IllegalStateException noAnswer) {
            write = new Write(kind, target, value, Outcome.UNKNOWN, 0, null);
        }
        writes.get(kind).add(write);
        count.incrementAndGet();
        return write;
    }

    int count() {
        return count.get();
    }

    List<Write> of(Kind kind) {
        return new ArrayList<>(writes.get(kind));
    }

    long count(Outcome outcome) {
        return writes.values().stream().flatMap(Collection::stream).filter(write -> write.outcome() == outcome).count();
    }

    /**
     * What a target may hold after the run: the value of its last acknowledged write (or {@code initial} if none
     * was acknowledged), or of any write sent after that whose outcome is unknown (it may have been applied before
     * the service died).
     */
    static List<String> allowedFinalValues(List<Write> writesToOneTarget, String initial) {
        int lastAcked = -1;
        for (int i = 0; i < writesToOneTarget.size(); i++) {
            if (writesToOneTarget.get(i).outcome() == Outcome.ACKED) {
                lastAcked = i;
            }
        }
        List<String> allowed = new ArrayList<>();
        if (lastAcked < 0) {
            allowed.add(initial);
        }
        for (int i = Math.max(lastAcked, 0); i < writesToOneTarget.size(); i++) {
            Write write = writesToOneTarget.get(i);
            if (i == lastAcked || write.outcome() == Outcome.UNKNOWN) {
                allowed.add(write.value());
            }
        }
        return allowed;
    }
}
