package org.securebase.bench.platform;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a service spent its CPU in a JFR recording of the benchmark (BENCH_JFR=true): the share of Java execution
 * samples whose top frame is a method ("self"), and the share whose stack contains a method or a package anywhere
 * ("inclusive", each counted once per sample), so that "30 % under the HTML sanitizer" is one line.
 *
 * <p>Usage: {@code java -cp benchmarks/platform-bench/target/classes org.securebase.bench.platform.JfrSummary
 * <file.jfr> [top] [package depth]}
 */
public final class JfrSummary {

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        int depth = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusiveMethods = new HashMap<>();
        Map<String, Integer> inclusivePackages = new HashMap<>();
        Map<String, Integer> selfPackages = new HashMap<>();
        int samples = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = stack.getFrames();
                String topMethod = method(frames.get(0));
                self.merge(topMethod, 1, Integer::sum);
                selfPackages.merge(packageOf(frames.get(0), depth), 1, Integer::sum);
                Set<String> methods = new HashSet<>();
                Set<String> packages = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    if (!frame.isJavaFrame()) {
                        continue;
                    }
                    methods.add(method(frame));
                    packages.add(packageOf(frame, depth));
                }
                methods.forEach(m -> inclusiveMethods.merge(m, 1, Integer::sum));
                packages.forEach(p -> inclusivePackages.merge(p, 1, Integer::sum));
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d execution samples (stacks truncated at the recording's depth, 64 by default)%n",
                file.getFileName(), samples);
        print("self time by method", self, samples, top);
        print("self time by package (first " + depth + " parts)", selfPackages, samples, top);
        print("inclusive by package", inclusivePackages, samples, top);
        print("inclusive by method", inclusiveMethods, samples, top * 2);
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.println();
        System.out.println("== " + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "%6.1f %%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String packageOf(RecordedFrame frame, int depth) {
        String[] parts = frame.getMethod().getType().getName().split("\\.");
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < Math.min(depth, parts.length - 1); i++) {
            p.append(i == 0 ? "" : ".").append(parts[i]);
        }
        return p.length() == 0 ? "(default)" : p.toString();
    }

    private JfrSummary() {
    }
}
