package org.securebase.bench.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * JFR recordings of some services over the measured part of the run (BENCH_JFR=true), started and stopped with
 * {@code jcmd} so they cover exactly the load and not the start-up, and so the other services run without a recorder.
 * The "profile" settings sample Java stacks every 10 ms (20 ms with "default"). Each recording is written to
 * {@code <work folder>/<service>.jfr} when it stops.
 */
final class Profiler {

    private static final String NAME = "platform-bench";

    private final Map<String, Long> pids;
    private final Map<String, Path> files;

    private Profiler(Map<String, Long> pids, Map<String, Path> files) {
        this.pids = pids;
        this.files = files;
    }

    static Profiler start(Map<String, Long> servicePids, List<String> services, Path workDirectory) {
        Map<String, Long> pids = new LinkedHashMap<>();
        Map<String, Path> files = new LinkedHashMap<>();
        for (String service : services) {
            Long pid = servicePids.get(service);
            if (pid == null) {
                continue;
            }
            Path file = workDirectory.resolve(service + ".jfr").toAbsolutePath();
            String out = jcmd(pid, "JFR.start", "name=" + NAME, "settings=profile", "filename=" + file);
            log("JFR on " + service + " (pid " + pid + "): " + out.strip().replace('\n', ' '));
            pids.put(service, pid);
            files.put(service, file);
        }
        return new Profiler(pids, files);
    }

    /** Stops every recording, which writes its file; returns service -> file. */
    Map<String, Path> stop() {
        pids.forEach((service, pid) -> log("JFR on " + service + " stopped: "
                + jcmd(pid, "JFR.stop", "name=" + NAME).strip().replace('\n', ' ')));
        return files;
    }

    Map<String, Path> files() {
        return files;
    }

    /**
     * With BENCH_NMT=true the services run with {@code -XX:NativeMemoryTracking=summary}; this writes each one's
     * summary (heap, metaspace, code cache, threads, GC, malloc...) to {@code <work folder>/<service>.nmt.txt}.
     */
    static void nativeMemorySummaries(Map<String, Long> servicePids, Path workDirectory) {
        servicePids.forEach((service, pid) -> {
            Path file = workDirectory.resolve(service + ".nmt.txt").toAbsolutePath();
            try {
                Files.writeString(file, jcmd(pid, "VM.native_memory", "summary", "scale=MB"));
                log("native memory of " + service + ": " + file);
            } catch (IOException e) {
                log("native memory of " + service + " not written: " + e.getMessage());
            }
        });
    }

    private static String jcmd(long pid, String... command) {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        line.add(Long.toString(pid));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return out;
        } catch (IOException e) {
            return "jcmd failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static void log(String message) {
        System.out.println("         [bench] " + message);
    }
}
