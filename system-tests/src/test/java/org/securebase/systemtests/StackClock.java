package org.securebase.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.securebase.localstack.StackConfig;
import org.securebase.systemtests.authorization.Http;

import tools.jackson.databind.JsonNode;

/**
 * The services' clocks on the shared stack ({@code /actuator/clock} on each management port, there only because the
 * stack runs with an adjustable clock). Moving one service alone would make the stack disagree with itself: the
 * journal-service trusts its caseload only while account-service's heartbeats are recent by its own clock, so a
 * journal-service ahead of account-service would refuse every therapist. {@link #advance} therefore moves the
 * services that stamp and compare times together and to the same offset. The gateway keeps the real time: it checks
 * Keycloak's tokens, and Keycloak's clock does not move. Clocks only move forward, so a suite that sends a time to a
 * service (a due date) takes it from {@link #journalNow}, not from this JVM's clock.
 */
public final class StackClock {

    private static final Http HTTP = new Http();

    private StackClock() {
    }

    /** How far journal-service was ahead of real time when last asked. */
    private static volatile Duration journalOffset;

    /**
     * journal-service's now: real time plus however far the tests have moved it. While journal-service is down (the
     * fault suites stop it) the offset it last told: offsets change only through {@link #advance}, or back to zero at
     * a restart, so a due date reckoned from it is still in journal-service's future.
     */
    public static Instant journalNow() {
        try {
            journalOffset = Duration.parse(read(RunningStack.get().config().journalPort()).path("offset").asString());
        } catch (IllegalStateException unreachable) {
            if (journalOffset == null) {
                throw unreachable;
            }
        }
        return Instant.now().plus(journalOffset);
    }

    /**
     * Moves journal-service, account-service and content-service {@code amount} beyond the furthest of them, so that
     * afterwards all three are exactly as far ahead of real time.
     */
    public static void advance(Duration amount) {
        StackConfig config = RunningStack.get().config();
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("account-service", config.accountPort());
        ports.put("content-service", config.contentPort());
        ports.put("journal-service", config.journalPort());
        Map<String, Duration> offsets = new LinkedHashMap<>();
        ports.forEach((service, port) -> offsets.put(service, Duration.parse(read(port).path("offset").asString())));
        Duration target = offsets.values().stream().max(Duration::compareTo).orElseThrow().plus(amount);
        ports.forEach((service, port) -> {
            Duration step = target.minus(offsets.get(service));
            if (!step.isZero()) {
                HTTP.send("POST", management(port), null, Map.of("advance", step.toString()), Map.of()).expect(200);
            }
            Duration now = Duration.parse(read(port).path("offset").asString());
            if (!now.equals(target)) {
                throw new IllegalStateException(service + "'s clock is " + now + " ahead, expected " + target);
            }
        });
    }

    /**
     * Moves another instance of account-service (a replica on {@code port}) as far ahead as the first one, so it sees
     * the same schedule; {@link #advance} moves the first instances only.
     */
    public static void alignReplica(int port) {
        Duration target = Duration.parse(read(RunningStack.get().config().accountPort()).path("offset").asString());
        Duration step = target.minus(Duration.parse(read(port).path("offset").asString()));
        if (step.isNegative()) {
            throw new IllegalStateException("the replica on " + port + " is ahead of account-service by " + step.negated());
        }
        if (!step.isZero()) {
            HTTP.send("POST", management(port), null, Map.of("advance", step.toString()), Map.of()).expect(200);
        }
    }

    private static JsonNode read(int port) {
        return HTTP.get(management(port), null).expect(200).json();
    }

    private static String management(int port) {
        return "http://localhost:" + (port + 1000) + "/actuator/clock";
    }
}
