package org.securebase.platform.embedded.keycloak;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real Keycloak (the {@code org.keycloak:keycloak-quarkus-dist} zip) as a child process: no Docker.
 *
 * <p>What it does on {@link #start()}:
 * <ol>
 *   <li>unpacks the distribution zip into {@link Config#installDir()} once (file permissions kept; a marker
 *       file makes later runs skip it; a different zip re-unpacks);</li>
 *   <li>runs {@code kc.sh build --db=postgres --health-enabled=true --http-relative-path=/auth} once (a
 *       marker records the build options; changed options rebuild);</li>
 *   <li>copies the realm import files into {@code <install>/data/import} (the directory is emptied first)
 *       and fails fast if a file uses a {@code ${NAME}} placeholder without default that the environment
 *       does not define (Keycloak would otherwise import the literal text, e.g. as a client secret);</li>
 *   <li>runs {@code kc.sh start --optimized --import-realm} against PostgreSQL, with the public hostname
 *       as frontend URL (the issuer) and a dynamic backchannel so services may use the internal address;</li>
 *   <li>waits until the realm's discovery document answers on the internal port and the management
 *       interface reports {@code health/ready} UP. If the process dies first, the exception carries the
 *       tail of the log.</li>
 * </ol>
 * Secrets (database and bootstrap-admin passwords) are passed as environment variables, never on the
 * command line. The install directory is locked while a server runs in it, so two servers cannot share it.
 *
 * <p>{@link #stop()} ends the whole process tree ({@code kc.sh} and its {@code java} child), descendants
 * first, and waits. A JVM shutdown hook does the same if the owner forgets.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String KEYCLOAK_VERSION = "26.5.6";
    /** System property that overrides the location of the distribution zip. */
    public static final String DIST_PROPERTY = "securebase.keycloak.dist";
    public static final String DEFAULT_REALM = "securebase";
    public static final int DEFAULT_HTTP_PORT = 8180;
    public static final int DEFAULT_MANAGEMENT_PORT = 9180;
    public static final String RELATIVE_PATH = "/auth";
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(300);
    public static final String DEFAULT_HEAP = "-Xms64m -Xmx512m";

    private static final Logger log = LoggerFactory.getLogger(KeycloakServer.class);
    private static final String UNPACK_MARKER = ".securebase-unpacked";
    private static final String BUILD_MARKER = ".securebase-build";
    private static final String LOCK_FILE = ".securebase-lock";
    private static final int MAX_INSTALL_DIRS = 6;
    /** {@code ${NAME}} with no {@code :default}; lower-case names such as {@code ${role_uma_authorization}} are Keycloak's own message keys. */
    private static final Pattern REQUIRED_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

    private final Config config;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Process process;
    private FileChannel lockChannel;
    // The configured folder, or a numbered sibling when another server (another test JVM) holds it.
    private Path installDir;
    private FileLock lock;
    private Thread shutdownHook;
    private Duration lastStartDuration;
    private boolean lastStartBuilt;

    private KeycloakServer(Config config) {
        this.config = config;
        this.installDir = config.installDir();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static KeycloakServer create(Config config) {
        return new KeycloakServer(Objects.requireNonNull(config, "config"));
    }

    /**
     * Unpacks and builds if needed, starts Keycloak and waits until the realm is served and health is UP.
     *
     * @throws IllegalStateException if it is already running, a port is taken, a placeholder is unset,
     *                               the process dies, or the timeout passes (the process is then stopped)
     */
    public synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException("Keycloak is already running (pid " + process.pid() + ")");
        }
        long t0 = System.nanoTime();
        Map<String, String> environment = childEnvironment();
        requirePlaceholdersSet(environment);
        requirePortFree(config.httpPort(), "HTTP");
        requirePortFree(config.managementPort(), "management");
        try {
            Files.createDirectories(installDir);
            acquireLock();
            Files.createDirectories(config.logFile().toAbsolutePath().getParent());
            Files.writeString(config.logFile(), "", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            unpackIfNeeded();
            stageImportFiles();
            lastStartBuilt = buildIfNeeded(environment);
            process = launch(startCommand(), environment);
            shutdownHook = new Thread(this::stopQuietly, "keycloak-shutdown-" + process.pid());
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            awaitReady(t0);
        } catch (IOException e) {
            stopQuietly();
            throw new UncheckedIOException("Keycloak could not be started: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopQuietly();
            throw new IllegalStateException("Interrupted while starting Keycloak", e);
        } catch (RuntimeException e) {
            stopQuietly();
            throw e;
        }
        lastStartDuration = Duration.ofNanos(System.nanoTime() - t0);
        log.info("Keycloak {} ready in {} ms{} at {} (issuer {}), log {}", KEYCLOAK_VERSION,
                lastStartDuration.toMillis(), lastStartBuilt ? " (incl. kc.sh build)" : "",
                internalBaseUrl(), issuerUri(), config.logFile());
    }

    /** Ends Keycloak (descendants first, then {@code kc.sh}) and waits; does nothing if not running. */
    public synchronized void stop() {
        Process p = process;
        process = null;
        try {
            if (p != null) {
                destroyTree(p.toHandle(), Duration.ofSeconds(30));
                log.info("Keycloak (pid {}) stopped", p.pid());
            }
        } finally {
            releaseLock();
            if (shutdownHook != null && !Thread.currentThread().equals(shutdownHook)) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException ignored) {
                    // JVM already shutting down
                }
            }
            shutdownHook = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public Config config() {
        return config;
    }

    /** Wall time of the last successful {@link #start()} (unpack and build included when they ran). */
    public Optional<Duration> lastStartDuration() {
        return Optional.ofNullable(lastStartDuration);
    }

    /** Whether the last {@link #start()} had to run {@code kc.sh build}. */
    public boolean lastStartBuilt() {
        return lastStartBuilt;
    }

    public String realm() {
        return config.realm();
    }

    /** {@code http://localhost:8180/auth}: how services on this machine reach Keycloak. */
    public String internalBaseUrl() {
        return "http://localhost:" + config.httpPort() + RELATIVE_PATH;
    }

    /** The public base URL, e.g. {@code http://localhost:8080/auth} (through the gateway). */
    public String publicBaseUrl() {
        return config.publicUrl();
    }

    /** {@code <public>/realms/<realm>}: the {@code iss} of every token. */
    public String issuerUri() {
        return publicBaseUrl() + "/realms/" + config.realm();
    }

    /** Keys, on the internal address. */
    public String jwkSetUri() {
        return internalRealmUrl() + "/protocol/openid-connect/certs";
    }

    /** Token endpoint, on the internal address. */
    public String tokenUri() {
        return internalRealmUrl() + "/protocol/openid-connect/token";
    }

    /** Authorization endpoint on the internal address (for the browserless login; browsers use the public one). */
    public String internalAuthorizationUri() {
        return internalRealmUrl() + "/protocol/openid-connect/auth";
    }

    /** Userinfo endpoint, on the internal address. */
    public String userInfoUri() {
        return internalRealmUrl() + "/protocol/openid-connect/userinfo";
    }

    /** {@code http://localhost:8180/auth/admin/realms}: base of the admin REST API. */
    public String adminBaseUrl() {
        return internalBaseUrl() + "/admin/realms";
    }

    /** {@code http://localhost:9180/auth}: health (and metrics if enabled) live under it. */
    public String managementBaseUrl() {
        return "http://localhost:" + config.managementPort() + RELATIVE_PATH;
    }

    private String internalRealmUrl() {
        return internalBaseUrl() + "/realms/" + config.realm();
    }

    // ------------------------------------------------------------------------------------------ unpack

    private void unpackIfNeeded() throws IOException {
        Path zip = config.distZip();
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Keycloak distribution not found: " + zip
                    + " (resolve org.keycloak:keycloak-quarkus-dist:" + KEYCLOAK_VERSION
                    + ":zip with Maven, or set -D" + DIST_PROPERTY + "=<zip>)");
        }
        Path install = installDir;
        Path marker = install.resolve(UNPACK_MARKER);
        String fingerprint = zip.toAbsolutePath() + "|" + Files.size(zip) + "|" + Files.getLastModifiedTime(zip).toMillis();
        if (Files.isRegularFile(marker) && Files.readString(marker).equals(fingerprint)
                && Files.isExecutable(install.resolve("bin/kc.sh"))) {
            return;
        }
        long t0 = System.nanoTime();
        for (String stale : List.of("bin", "conf", "lib", "providers", "themes", "data", BUILD_MARKER, UNPACK_MARKER)) {
            deleteRecursively(install.resolve(stale));
        }
        try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"))) {
            Path root = fs.getRootDirectories().iterator().next();
            Path top;
            try (Stream<Path> children = Files.list(root)) {
                List<Path> entries = children.toList();
                // the zip holds a single keycloak-<version>/ directory; strip it
                top = entries.size() == 1 && Files.isDirectory(entries.get(0)) ? entries.get(0) : root;
            }
            copyTree(top, install);
        }
        Path kcSh = install.resolve("bin/kc.sh");
        if (!Files.isExecutable(kcSh)) {
            // a zip without unix modes: make the scripts executable at least
            try (Stream<Path> scripts = Files.list(install.resolve("bin"))) {
                for (Path script : scripts.filter(s -> s.toString().endsWith(".sh")).toList()) {
                    Set<PosixFilePermission> perms = new LinkedHashSet<>(Files.getPosixFilePermissions(script));
                    perms.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                            PosixFilePermission.OTHERS_EXECUTE));
                    Files.setPosixFilePermissions(script, perms);
                }
            }
        }
        Files.writeString(marker, fingerprint);
        log.info("Unpacked {} into {} in {} ms", zip.getFileName(), install, (System.nanoTime() - t0) / 1_000_000);
    }

    private static void copyTree(Path sourceRoot, Path targetRoot) throws IOException {
        Files.walkFileTree(sourceRoot, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target(dir));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = target(file);
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
                if (view != null) {
                    Set<PosixFilePermission> perms = view.readAttributes().permissions();
                    if (perms != null && !perms.isEmpty()) {
                        perms = new LinkedHashSet<>(perms);
                        perms.add(PosixFilePermission.OWNER_READ);
                        perms.add(PosixFilePermission.OWNER_WRITE);
                        Files.setPosixFilePermissions(target, perms);
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            private Path target(Path source) {
                Path relative = sourceRoot.relativize(source);
                Path target = targetRoot;
                for (Path part : relative) {
                    target = target.resolve(part.toString());
                }
                return target;
            }
        });
    }

    // ------------------------------------------------------------------------------------------- build

    private List<String> buildOptions() {
        // Metrics as in production: the alerts in deploy/observability/alerts.yaml (listed in docs/operations.md) read
        // keycloak_user_events_total. metrics-enabled is a build option.
        return List.of("--db=postgres", "--health-enabled=true", "--metrics-enabled=true", "--features=user-event-metrics",
                "--event-metrics-user-enabled=true",
                "--http-relative-path=" + RELATIVE_PATH);
    }

    private boolean buildIfNeeded(Map<String, String> environment) throws IOException, InterruptedException {
        Path marker = installDir.resolve(BUILD_MARKER);
        String wanted = String.join(" ", buildOptions());
        if (Files.isRegularFile(marker) && Files.readString(marker).equals(wanted)) {
            return false;
        }
        Files.deleteIfExists(marker);
        List<String> command = new ArrayList<>();
        command.add(kcSh().toString());
        command.add("build");
        command.addAll(buildOptions());
        long t0 = System.nanoTime();
        Process build = launch(command, environment);
        if (!build.waitFor(5, TimeUnit.MINUTES)) {
            destroyTree(build.toHandle(), Duration.ofSeconds(10));
            throw new IllegalStateException("kc.sh build did not finish in 5 minutes; log tail:\n" + logTail());
        }
        if (build.exitValue() != 0) {
            throw new IllegalStateException("kc.sh build failed with exit code " + build.exitValue() + "; log tail:\n" + logTail());
        }
        Files.writeString(marker, wanted);
        log.info("kc.sh build {} took {} ms", wanted, (System.nanoTime() - t0) / 1_000_000);
        return true;
    }

    // ------------------------------------------------------------------------------------------- start

    private List<String> startCommand() {
        List<String> command = new ArrayList<>();
        command.add(kcSh().toString());
        command.add("start");
        command.add("--optimized");
        command.add("--http-enabled=true");
        command.add("--http-host=" + config.bindHost());
        command.add("--http-port=" + config.httpPort());
        command.add("--http-management-port=" + config.managementPort());
        command.add("--hostname=" + config.publicUrl());
        command.add("--hostname-admin=" + config.adminUrl());
        command.add("--hostname-backchannel-dynamic=true");
        command.add("--proxy-headers=xforwarded");
        command.add("--cache=local");
        command.add("--db-pool-min-size=0");
        command.add("--db-pool-initial-size=1");
        command.add("--db-pool-max-size=" + config.dbPoolMaxSize());
        command.add("--log-console-color=false");
        command.add("--event-metrics-user-enabled=true");
        if (!config.realmImportFiles().isEmpty()) {
            command.add("--import-realm");
        }
        return command;
    }

    private Map<String, String> childEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        // a KC_*/QUARKUS_* variable of the calling shell must not silently reconfigure the embedded server
        System.getenv().forEach((k, v) -> {
            if (!k.startsWith("KC_") && !k.startsWith("QUARKUS_") && !k.startsWith("JAVA_OPTS")
                    && !k.equals("JAVA_ADD_OPENS") && !k.equals("JAVA_HOME") && !k.equals("JAVA")) {
                env.put(k, v);
            }
        });
        env.put("JAVA_HOME", currentJavaHome().toString());
        env.put("JAVA_OPTS_KC_HEAP", config.heapOptions());
        if (!config.javaOptsAppend().isBlank()) {
            env.put("JAVA_OPTS_APPEND", config.javaOptsAppend());
        }
        env.put("KC_DB_URL", config.jdbcUrl());
        env.put("KC_DB_USERNAME", config.dbUser());
        env.put("KC_DB_PASSWORD", config.dbPassword());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", config.adminUser());
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", config.adminPassword());
        env.putAll(config.environment());
        return env;
    }

    /** Fails if a realm file uses a {@code ${NAME}} placeholder (no default) that the environment does not define. */
    void requirePlaceholdersSet(Map<String, String> environment) {
        Set<String> missing = new TreeSet<>();
        for (Path file : config.realmImportFiles()) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("Realm import file not found: " + file.toAbsolutePath());
            }
            String content;
            try {
                content = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Matcher m = REQUIRED_PLACEHOLDER.matcher(content);
            while (m.find()) {
                String value = environment.get(m.group(1));
                if (value == null || value.isEmpty()) {
                    missing.add(m.group(1) + " (" + file.getFileName() + ")");
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Realm import placeholders without a value in the environment: " + missing
                    + ". Pass them with KeycloakServer.builder().env(name, value).");
        }
    }

    private void stageImportFiles() throws IOException {
        Path importDir = installDir.resolve("data/import");
        deleteRecursively(importDir);
        Files.createDirectories(importDir);
        for (Path file : config.realmImportFiles()) {
            Files.copy(file, importDir.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
        }
        // Keycloak's default deny-list folder; a policy naming a file that is not there fails every password change
        Path denyLists = installDir.resolve("data/password-blacklists");
        deleteRecursively(denyLists);
        Files.createDirectories(denyLists);
        for (Path file : config.passwordDenyLists()) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("Password deny list not found: " + file.toAbsolutePath());
            }
            Files.copy(file, denyLists.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
        }
        // Themes are read at run time (no kc.sh build): a fresh copy each start serves the files as they are now.
        for (Path theme : config.themes()) {
            if (!Files.isDirectory(theme)) {
                throw new IllegalStateException("Theme folder not found: " + theme.toAbsolutePath());
            }
            Path target = installDir.resolve("themes").resolve(theme.getFileName().toString());
            deleteRecursively(target);
            copyTree(theme, target);
        }
    }

    private Process launch(List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(installDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(config.logFile().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().clear();
        pb.environment().putAll(environment);
        return pb.start();
    }

    private void awaitReady(long startNanos) throws InterruptedException {
        long deadline = startNanos + config.startTimeout().toNanos();
        URI discovery = URI.create(internalRealmUrl() + "/.well-known/openid-configuration");
        URI ready = URI.create(managementBaseUrl() + "/health/ready");
        boolean realmUp = false;
        while (true) {
            if (!process.isAlive()) {
                int code = process.exitValue();
                throw new IllegalStateException("Keycloak exited with code " + code + " during start-up; log tail ("
                        + config.logFile() + "):\n" + logTail());
            }
            realmUp = realmUp || get(discovery).filter(r -> r.statusCode() == 200).isPresent();
            if (realmUp && get(ready).filter(r -> r.statusCode() == 200 && r.body().contains("UP")).isPresent()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Keycloak not ready after " + config.startTimeout().toSeconds()
                        + " s (realm '" + config.realm() + "' served: " + realmUp + "); log tail ("
                        + config.logFile() + "):\n" + logTail());
            }
            Thread.sleep(250);
        }
    }

    private Optional<HttpResponse<String>> get(URI uri) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build();
            return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (InterruptedIOException e) {
            throw new InterruptedException(e.getMessage());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The last 60 lines of the log. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(config.logFile(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log " + config.logFile() + " unreadable: " + e.getMessage() + ")";
        }
    }

    // -------------------------------------------------------------------------------------------- stop

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            log.warn("Stopping Keycloak failed", e);
        }
    }

    /** Deepest descendants first (SIGTERM, then SIGKILL after the grace period), then the root. */
    static void destroyTree(ProcessHandle root, Duration grace) {
        List<ProcessHandle> descendants = new ArrayList<>(root.descendants().toList());
        descendants.sort(Comparator.comparingInt((ProcessHandle h) -> depth(h, root)).reversed());
        for (ProcessHandle h : descendants) {
            terminate(h, grace);
        }
        terminate(root, grace);
    }

    private static int depth(ProcessHandle handle, ProcessHandle root) {
        int depth = 0;
        Optional<ProcessHandle> current = Optional.of(handle);
        while (current.isPresent() && current.get().pid() != root.pid() && depth < 64) {
            depth++;
            current = current.get().parent();
        }
        return depth;
    }

    private static void terminate(ProcessHandle h, Duration grace) {
        if (!h.isAlive()) {
            return;
        }
        h.destroy();
        try {
            h.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            log.warn("Process {} ignored SIGTERM for {} s, killing it", h.pid(), grace.toSeconds());
            h.destroyForcibly();
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // gone or stuck in the kernel; nothing more to do
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            h.destroyForcibly();
        } catch (java.util.concurrent.ExecutionException e) {
            // cannot happen for onExit()
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private Path kcSh() {
        return installDir.resolve("bin/kc.sh");
    }

    /**
     * Takes the configured install folder, or, when another server holds it (say, another module's tests
     * running at the same time), the first free numbered sibling ({@code <dir>-2}, {@code <dir>-3}, ...),
     * which is unpacked and built once and reused by later runs.
     */
    private void acquireLock() throws IOException {
        releaseLock();
        Path configured = config.installDir();
        for (int attempt = 1; attempt <= MAX_INSTALL_DIRS; attempt++) {
            Path candidate = attempt == 1 ? configured
                    : configured.resolveSibling(configured.getFileName() + "-" + attempt);
            Files.createDirectories(candidate);
            FileChannel channel = FileChannel.open(candidate.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock candidateLock;
            try {
                candidateLock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                candidateLock = null;
            }
            if (candidateLock != null) {
                lockChannel = channel;
                lock = candidateLock;
                installDir = candidate;
                return;
            }
            channel.close();
        }
        throw new IllegalStateException("Keycloak install folders " + configured + " and its " + (MAX_INSTALL_DIRS - 1)
                + " numbered siblings are all in use by other servers");
    }

    private void releaseLock() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            log.debug("Releasing the install-dir lock failed", e);
        } finally {
            lock = null;
            lockChannel = null;
        }
    }

    private void requirePortFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getByName(config.bindHost()), port));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak " + what + " port " + port + " on " + config.bindHost()
                    + " is in use (another Keycloak still running?)", e);
        }
    }

    static Path currentJavaHome() {
        Optional<String> command = ProcessHandle.current().info().command();
        if (command.isPresent()) {
            Path java = Paths.get(command.get());
            if (java.getFileName().toString().startsWith("java") && java.getParent() != null
                    && java.getParent().getParent() != null) {
                return java.getParent().getParent();
            }
        }
        return Paths.get(System.getProperty("java.home"));
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** The default location of the distribution zip: {@code -Dsecurebase.keycloak.dist}, else the local Maven repository. */
    public static Path defaultDistZip() {
        String override = System.getProperty(DIST_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Paths.get(override);
        }
        String repo = System.getProperty("maven.repo.local");
        Path repository = repo != null && !repo.isBlank()
                ? Paths.get(repo)
                : Paths.get(System.getProperty("user.home"), ".m2", "repository");
        return repository.resolve("org/keycloak/keycloak-quarkus-dist/" + KEYCLOAK_VERSION
                + "/keycloak-quarkus-dist-" + KEYCLOAK_VERSION + ".zip");
    }

    /** {@code ${java.io.tmpdir}/securebase-keycloak-<version>}: survives {@code mvn clean}, so restarts skip unpack and build. */
    public static Path defaultInstallDir() {
        return Paths.get(System.getProperty("java.io.tmpdir"), "securebase-keycloak-" + KEYCLOAK_VERSION);
    }

    // ------------------------------------------------------------------------------------------ config

    /**
     * Everything needed to run one Keycloak.
     *
     * @param distZip          the {@code keycloak-quarkus-dist} zip
     * @param installDir       where it is unpacked and built (reused between runs; one running server per dir)
     * @param httpPort         internal HTTP port (default 8180)
     * @param managementPort   management port with {@code /auth/health/ready} (default 9180)
     * @param bindHost         interface to listen on (default 127.0.0.1)
     * @param publicUrl        the public base URL including {@code /auth}, e.g. {@code http://localhost:8080/auth}
     * @param adminUrl         where the admin console is served (default: the internal base URL)
     * @param jdbcUrl          PostgreSQL JDBC URL of Keycloak's database
     * @param dbUser           database user
     * @param dbPassword       database password
     * @param dbPoolMaxSize    JDBC pool size (default 20)
     * @param adminUser        bootstrap admin of the master realm
     * @param adminPassword    its password
     * @param realm            the realm whose discovery document signals readiness (default securebase)
     * @param realmImportFiles realm and users files imported at start (skipped by Keycloak if the realm exists)
     * @param passwordDenyLists files of forbidden passwords, one per line, that the realm's password policy names
     *                          in {@code passwordBlacklist(<file name>)}; staged into {@code data/password-blacklists}
     * @param themes           theme folders ({@code <name>/login}, {@code <name>/email}, ...) the realm names, copied
     *                          into {@code themes/<name>} at each start, so an edited theme is served at the next one
     * @param environment      extra environment variables, e.g. the realm files' placeholders
     * @param logFile          Keycloak's console output (truncated at each start)
     * @param startTimeout     how long {@link #start()} waits (default 300 s)
     * @param heapOptions      {@code JAVA_OPTS_KC_HEAP} (default {@code -Xms64m -Xmx512m})
     * @param javaOptsAppend   {@code JAVA_OPTS_APPEND}, extra JVM flags (default none)
     */
    public record Config(Path distZip, Path installDir, int httpPort, int managementPort, String bindHost,
                         String publicUrl, String adminUrl, String jdbcUrl, String dbUser, String dbPassword,
                         int dbPoolMaxSize, String adminUser, String adminPassword, String realm,
                         List<Path> realmImportFiles, List<Path> passwordDenyLists, List<Path> themes,
                         Map<String, String> environment, Path logFile,
                         Duration startTimeout, String heapOptions, String javaOptsAppend) {

        public Config {
            Objects.requireNonNull(distZip, "distZip");
            installDir = Objects.requireNonNull(installDir, "installDir").toAbsolutePath();
            Objects.requireNonNull(bindHost, "bindHost");
            publicUrl = stripTrailingSlash(Objects.requireNonNull(publicUrl, "publicUrl"));
            adminUrl = stripTrailingSlash(Objects.requireNonNull(adminUrl, "adminUrl"));
            Objects.requireNonNull(jdbcUrl, "jdbcUrl (call database(...))");
            Objects.requireNonNull(dbUser, "dbUser");
            Objects.requireNonNull(dbPassword, "dbPassword");
            Objects.requireNonNull(adminUser, "adminUser");
            Objects.requireNonNull(adminPassword, "adminPassword");
            Objects.requireNonNull(realm, "realm");
            realmImportFiles = List.copyOf(realmImportFiles);
            passwordDenyLists = List.copyOf(passwordDenyLists);
            themes = List.copyOf(themes);
            environment = Map.copyOf(environment);
            logFile = Objects.requireNonNull(logFile, "logFile").toAbsolutePath();
            Objects.requireNonNull(startTimeout, "startTimeout");
            Objects.requireNonNull(heapOptions, "heapOptions");
            Objects.requireNonNull(javaOptsAppend, "javaOptsAppend");
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("Only PostgreSQL is supported (built with --db=postgres): " + jdbcUrl);
            }
            if (!publicUrl.endsWith(RELATIVE_PATH)) {
                throw new IllegalArgumentException("publicUrl must end with " + RELATIVE_PATH + ": " + publicUrl);
            }
            if (httpPort == managementPort) {
                throw new IllegalArgumentException("httpPort and managementPort must differ");
            }
        }

        /** Hides the passwords. */
        @Override
        public String toString() {
            return "KeycloakServer.Config[installDir=" + installDir + ", httpPort=" + httpPort + ", managementPort="
                    + managementPort + ", publicUrl=" + publicUrl + ", jdbcUrl=" + jdbcUrl + ", realm=" + realm
                    + ", imports=" + realmImportFiles + ", env=" + environment.keySet() + ", logFile=" + logFile + "]";
        }

        private static String stripTrailingSlash(String url) {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
    }

    /** Builder with the local defaults; {@link #database} and {@link #bootstrapAdmin} are required. */
    public static final class Builder {
        private Path distZip;
        private Path installDir;
        private int httpPort = DEFAULT_HTTP_PORT;
        private int managementPort = DEFAULT_MANAGEMENT_PORT;
        private String bindHost = "127.0.0.1";
        private String publicUrl = "http://localhost:8080" + RELATIVE_PATH;
        private String adminUrl;
        private String jdbcUrl;
        private String dbUser;
        private String dbPassword;
        private int dbPoolMaxSize = 20;
        private String adminUser;
        private String adminPassword;
        private String realm = DEFAULT_REALM;
        private final List<Path> realmImportFiles = new ArrayList<>();
        private final List<Path> passwordDenyLists = new ArrayList<>();
        private final List<Path> themes = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path logFile;
        private Duration startTimeout = DEFAULT_START_TIMEOUT;
        private String heapOptions = DEFAULT_HEAP;
        private String javaOptsAppend = "";

        private Builder() {
        }

        public Builder distZip(Path distZip) {
            this.distZip = distZip;
            return this;
        }

        public Builder installDir(Path installDir) {
            this.installDir = installDir;
            return this;
        }

        public Builder httpPort(int httpPort) {
            this.httpPort = httpPort;
            return this;
        }

        public Builder managementPort(int managementPort) {
            this.managementPort = managementPort;
            return this;
        }

        public Builder bindHost(String bindHost) {
            this.bindHost = bindHost;
            return this;
        }

        /** Public base URL including {@code /auth}, e.g. {@code http://localhost:8080/auth}; becomes the issuer's base. */
        public Builder publicUrl(String publicUrl) {
            this.publicUrl = publicUrl;
            return this;
        }

        /** Where the admin console is served; default the internal base URL. */
        public Builder adminUrl(String adminUrl) {
            this.adminUrl = adminUrl;
            return this;
        }

        public Builder database(String jdbcUrl, String user, String password) {
            this.jdbcUrl = jdbcUrl;
            this.dbUser = user;
            this.dbPassword = password;
            return this;
        }

        public Builder dbPoolMaxSize(int dbPoolMaxSize) {
            this.dbPoolMaxSize = dbPoolMaxSize;
            return this;
        }

        public Builder bootstrapAdmin(String user, String password) {
            this.adminUser = user;
            this.adminPassword = password;
            return this;
        }

        public Builder realm(String realm) {
            this.realm = realm;
            return this;
        }

        /** Realm file ({@code <realm>-realm.json}) and users files ({@code <realm>-users-<n>.json}). */
        public Builder realmImport(Path... files) {
            realmImportFiles.addAll(List.of(files));
            return this;
        }

        /** Deny lists the realm's {@code passwordBlacklist(<file name>)} policy names, by their file name. */
        public Builder passwordDenyList(Path... files) {
            passwordDenyLists.addAll(List.of(files));
            return this;
        }

        /** Theme folders, each named as the realm's {@code loginTheme} or {@code emailTheme} names it. */
        public Builder theme(Path... folders) {
            themes.addAll(List.of(folders));
            return this;
        }

        public Builder env(String name, String value) {
            environment.put(name, value);
            return this;
        }

        public Builder env(Map<String, String> variables) {
            environment.putAll(variables);
            return this;
        }

        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        public Builder heapOptions(String heapOptions) {
            this.heapOptions = heapOptions;
            return this;
        }

        public Builder javaOptsAppend(String javaOptsAppend) {
            this.javaOptsAppend = javaOptsAppend;
            return this;
        }

        public Config config() {
            Path install = installDir != null ? installDir : defaultInstallDir();
            return new Config(distZip != null ? distZip : defaultDistZip(), install, httpPort, managementPort,
                    bindHost, publicUrl,
                    adminUrl != null ? adminUrl : "http://localhost:" + httpPort + RELATIVE_PATH,
                    jdbcUrl, dbUser, dbPassword, dbPoolMaxSize, adminUser, adminPassword, realm,
                    realmImportFiles, passwordDenyLists, themes, environment,
                    logFile != null ? logFile : install.resolve("keycloak.log"),
                    startTimeout, heapOptions, javaOptsAppend);
        }

        public KeycloakServer build() {
            return new KeycloakServer(config());
        }
    }
}
