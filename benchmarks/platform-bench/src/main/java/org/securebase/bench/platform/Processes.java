package org.securebase.bench.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the stack's processes cost, read from /proc: resident memory (VmRSS), proportional memory (PSS) and CPU time
 * (utime + stime), grouped as the five services, Keycloak, PostgreSQL (postmaster and backends, summed) and this JVM
 * (the launcher, which also runs the in-process Kafka broker, the mail server and the load generator).
 */
final class Processes {

    static final String BENCH_JVM = "bench JVM (Kafka, mail, load generator)";
    private static final long CLOCK_TICKS = 100; // USER_HZ on Linux

    private final Map<String, Long> servicePids;
    private final String postgresDataDirectory;

    /** {@code postgresDataDirectory}: the embedded server daemonizes, so it is found by its {@code -D} argument. */
    Processes(Map<String, Long> servicePids, Path postgresDataDirectory) {
        this.servicePids = servicePids;
        this.postgresDataDirectory = postgresDataDirectory.toString();
    }

    /** Group name -> pids, found now (PostgreSQL backends come and go). */
    Map<String, List<Long>> groups() {
        Map<String, List<Long>> groups = new LinkedHashMap<>();
        servicePids.forEach((name, pid) -> groups.put(name, new java.util.ArrayList<>(List.of(pid))));
        groups.put("keycloak", new java.util.ArrayList<>());
        groups.put("postgresql", new java.util.ArrayList<>());
        ProcessHandle.current().descendants().forEach(p -> {
            if (servicePids.containsValue(p.pid())) {
                return;
            }
            String command = p.info().commandLine().orElse(p.info().command().orElse(""));
            if (command.contains("quarkus") || command.contains("keycloak") || command.contains("kc.sh")) {
                groups.get("keycloak").add(p.pid());
            } else if (command.contains("postgres")) {
                groups.get("postgresql").add(p.pid());
            }
        });
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(postgresDataDirectory))
                .forEach(postmaster -> {
                    groups.get("postgresql").add(postmaster.pid());
                    postmaster.descendants().forEach(backend -> groups.get("postgresql").add(backend.pid()));
                });
        groups.put("postgresql", new java.util.ArrayList<>(new java.util.LinkedHashSet<>(groups.get("postgresql"))));
        groups.put(BENCH_JVM, new java.util.ArrayList<>(List.of(ProcessHandle.current().pid())));
        return groups;
    }

    /** VmRSS in MiB per group (summed over its processes). */
    Map<String, Double> rssMiB() {
        return mibPerGroup(pid -> kibLine(pid, "status", "VmRSS:"));
    }

    /**
     * Proportional set size in MiB per group (summed over its processes; /proc/<pid>/smaps_rollup): a page shared by
     * n processes counts 1/n in each, so the groups add up to what the stack really occupies (PostgreSQL's shared
     * buffers, the JDK's shared libraries and class data are counted once).
     */
    Map<String, Double> pssMiB() {
        return mibPerGroup(pid -> kibLine(pid, "smaps_rollup", "Pss:"));
    }

    private Map<String, Double> mibPerGroup(java.util.function.LongUnaryOperator kibOfProcess) {
        Map<String, Double> mib = new LinkedHashMap<>();
        groups().forEach((name, pids) -> mib.put(name, pids.stream().mapToLong(kibOfProcess::applyAsLong).sum() / 1024.0));
        return mib;
    }

    /** CPU seconds used so far per group. */
    Map<String, Double> cpuSeconds() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        groups().forEach((name, pids) -> cpu.put(name, pids.stream().mapToLong(Processes::cpuTicks).sum() / (double) CLOCK_TICKS));
        return cpu;
    }

    /** Busy and total jiffies of the whole machine (first line of /proc/stat). */
    static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            long idle = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                long v = Long.parseLong(f[i]);
                total += v;
                if (i == 4 || i == 5) {
                    idle += v;
                }
            }
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** The kB figure of the line starting with {@code prefix} in /proc/<pid>/<file>; 0 when it cannot be read. */
    private static long kibLine(long pid, String file, String prefix) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/" + file))) {
                if (line.startsWith(prefix)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException goneOrNotOurs) {
            // the process ended, or the kernel does not let us read it
        }
        return 0;
    }

    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
