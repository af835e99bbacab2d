package org.securebase.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One Spring Boot service running as a child process, with its output in a log file. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int managementPort;
    private final Path logFile;
    private final ProcessBuilder launch;
    private volatile Process process;
    private volatile Instant startedAt;

    private ServiceProcess(String name, int managementPort, Path logFile, ProcessBuilder launch) {
        this.name = name;
        this.managementPort = managementPort;
        this.logFile = logFile;
        this.launch = launch;
    }

    static ServiceProcess start(String name, Path jar, List<String> javaOptions, Map<String, String> environment,
                                List<String> arguments, int managementPort, Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(JavaRuntime.javaExecutable());
        command.addAll(javaOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(logFile.getParent());
        } catch (IOException e) {
            throw new IllegalStateException(name + " could not be started: " + e.getMessage(), e);
        }
        ServiceProcess service = new ServiceProcess(name, managementPort, logFile, builder);
        service.launch();
        return service;
    }

    private synchronized void launch() {
        try {
            process = launch.start();
            startedAt = Instant.now();
        } catch (IOException e) {
            throw new IllegalStateException(name + " could not be started: " + e.getMessage(), e);
        }
    }

    /**
     * Kills the service as a crash or an out-of-memory killer would (SIGKILL: no shutdown hook, no graceful
     * shutdown) and waits until it is gone.
     */
    synchronized void kill() {
        try {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + name, e);
        }
    }

    /** Starts the service again with the same command, environment and log file, after it stopped or was killed. */
    synchronized void relaunch() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch();
    }

    String name() {
        return name;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Waits for the readiness group on the management port; returns how long start-up took. */
    Duration awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        URI readiness = URI.create("http://localhost:" + managementPort + "/actuator/health/readiness");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + "; last lines of " + logFile + ":\n" + LogTail.of(logFile, 40));
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(readiness)
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return Duration.between(startedAt, Instant.now());
                }
            } catch (IOException notYet) {
                // the port is not open yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            pause();
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; last lines of "
                + logFile + ":\n" + LogTail.of(logFile, 40));
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends the service SIGTERM (Spring Boot then shuts down gracefully) without waiting. */
    void requestStop() {
        process.destroy();
    }

    /** Asks the service to shut down gracefully, and kills it if it has not within 20 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
