package org.securebase.systemtests;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.securebase.localstack.SecureBaseStack;
import org.securebase.localstack.StackConfig;

import java.util.HashMap;
import java.util.Map;

/**
 * Starts the whole platform once for all system tests of this JVM, exactly as {@code ./run.sh} does
 * (same launcher, same jars, same realm files), in a fresh data folder under {@code target/}.
 */
public final class RunningStack implements BeforeAllCallback {

    private static SecureBaseStack stack;
    private static TraceReceiver traces;

    @Override
    public void beforeAll(ExtensionContext context) {
        get();
    }

    public static synchronized SecureBaseStack get() {
        if (stack == null) {
            // Awaitility would otherwise rethrow, in whatever test is waiting, an exception that ends any thread of
            // this JVM: the stack's in-process servers (the mail server, the Kafka broker) throw on their own threads
            // when a fault test kills a service in mid-conversation, and that is no failure of the waiting test.
            Awaitility.doNotCatchUncaughtExceptionsByDefault();
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("SECUREBASE_PROJECT_ROOT", System.getProperty("securebase.project.root", ".."));
            env.put("SECUREBASE_DATA_DIR", System.getProperty("securebase.stack.data", "target/stack-data"));
            env.putIfAbsent("SECUREBASE_POSTGRES_PORT", "0");
            // Tests move the services' clocks forward (due dates, schedules) through /actuator/clock.
            env.put("SECUREBASE_CLOCK_ADJUSTABLE", "true");
            // The suites write their own practice around the demo people; DemoStoryIT tells the demo story to a pair of its own.
            env.put("SECUREBASE_DEMO_STORY", "false");
            // Every service traces and exports to a real OTLP receiver (TracingIT follows one hand-in across them).
            traces = TraceReceiver.start();
            env.put("SECUREBASE_TRACING_ENDPOINT", traces.endpoint());
            // The stack stops itself when the test JVM exits.
            stack = SecureBaseStack.start(StackConfig.fromEnvironment(env, "--reset"));
        }
        return stack;
    }

    /** The spans every service of the stack exported. */
    public static synchronized TraceReceiver traces() {
        get();
        return traces;
    }
}
