package org.securebase.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.securebase.localstack.SecureBaseStack;

/**
 * Thread dumps of the stack's services, taken with the JDK's {@code jstack} when a test sees a request hang: what
 * each process was doing then is what explains a hang afterwards. Written under {@code target/thread-dumps/}.
 */
public final class ThreadDumps {

    private ThreadDumps() {
    }

    /** Dumps every service; returns the files written (none when this JDK has no jstack). */
    public static List<Path> ofEveryService(SecureBaseStack stack, String why) {
        Path jstack = Path.of(System.getProperty("java.home"), "bin", "jstack");
        List<Path> written = new ArrayList<>();
        if (!Files.isExecutable(jstack)) {
            System.out.println("thread-dumps skipped: no " + jstack);
            return written;
        }
        Path directory = Path.of("target", "thread-dumps");
        String stamp = Instant.now().toString().replace(':', '-');
        for (Map.Entry<String, Long> service : stack.servicePids().entrySet()) {
            try {
                Files.createDirectories(directory);
                Path file = directory.resolve(service.getKey() + "-" + stamp + ".txt");
                Process process = new ProcessBuilder(jstack.toString(), "-l", Long.toString(service.getValue()))
                        .redirectErrorStream(true).redirectOutput(file.toFile()).start();
                if (process.waitFor(30, TimeUnit.SECONDS)) {
                    written.add(file);
                } else {
                    process.destroyForcibly();
                }
            } catch (IOException e) {
                System.out.println("thread-dump of " + service.getKey() + " failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        System.out.println("thread-dumps (" + why + "): " + written);
        return written;
    }
}
