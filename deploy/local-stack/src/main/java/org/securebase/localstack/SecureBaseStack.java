package org.securebase.localstack;

import org.securebase.platform.embedded.EmbeddedKafkaServer;
import org.securebase.platform.events.KafkaAccess;
import org.securebase.platform.embedded.EmbeddedPostgresServer;
import org.securebase.platform.embedded.MailServer;
import org.securebase.platform.embedded.PostgresServer;
import org.securebase.platform.embedded.keycloak.KeycloakServer;
import org.securebase.platform.embedded.keycloak.OidcBrowserlessLogin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Stream;

/**
 * The whole platform on one machine: starts everything in dependency order, waits until all of it is
 * healthy, and stops it all in reverse order on {@link #close()}.
 */
public final class SecureBaseStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SecureBaseStack.class);
    private static final Duration SERVICE_START_TIMEOUT = Duration.ofMinutes(4);
    /** glibc malloc arenas per service process, unless MALLOC_ARENA_MAX is set. */
    private static final String MALLOC_ARENAS = "2";

    /** The demo accounts the dev realm import creates. */
    public static final List<String> DEMO_LOGINS =
            List.of("admin@securebase.test", "therapist@securebase.test", "client@securebase.test");

    private final StackConfig config;
    private final Deque<AutoCloseable> started = new ConcurrentLinkedDeque<>();
    private volatile boolean closing;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, List<String>> localOnlyArguments = new HashMap<>();
    private final Map<String, Duration> startupTimes = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> environments = new HashMap<>();
    private final Map<String, PostgresServer.Database> databases = new HashMap<>();
    private EmbeddedPostgresServer postgres;
    private StackSecrets secrets;
    private MailServer mail;
    private EmbeddedKafkaServer kafka;
    private final Map<String, String> kafkaPasswords = new HashMap<>();
    private KeycloakServer keycloak;
    private String demoPassword;

    private SecureBaseStack(StackConfig config) {
        this.config = config;
    }

    /** Starts everything and returns once all of it is healthy; on failure stops what it had started. */
    public static SecureBaseStack start(StackConfig config) {
        SecureBaseStack stack = new SecureBaseStack(config);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "securebase-stop"));
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        if (config.reset()) {
            deleteRecursively(config.dataDirectory());
        }
        mkdirs(config.dataDirectory());
        secrets = StackSecrets.load(config.dataDirectory());
        demoPassword = config.demoPassword() != null ? config.demoPassword() : secrets.getOrCreate("demo.password");
        Path logs = config.dataDirectory().resolve("logs");
        mkdirs(logs);

        log.info("Starting PostgreSQL, Kafka and the mail server");
        postgres = EmbeddedPostgresServer.start(config.dataDirectory().resolve("postgres"),
                config.postgresPort());
        started.push(postgres);
        String kafkaOperatorPassword = secrets.getOrCreate("kafka.operator.password");
        CompletableFuture<EmbeddedKafkaServer> kafkaStart = CompletableFuture.supplyAsync(() ->
                EmbeddedKafkaServer.start(config.dataDirectory().resolve("kafka"), kafkaOperatorPassword));
        mail = MailServer.start(config.smtpPort(), config.mailViewerPort());
        started.push(mail);

        // journal_keys: journal-service's key vault, each client's keyset apart from the journal's data (ADR 0036).
        for (String name : List.of("keycloak", "portal", "content", "journal", "journal_keys", "account")) {
            databases.put(name, postgres.database(name, name, secrets.getOrCreate("db." + name + ".password")));
        }

        String portalClientSecret = secrets.getOrCreate("keycloak.portal.secret");
        String accountServiceClientSecret = secrets.getOrCreate("keycloak.account-service.secret");
        PostgresServer.Database keycloakDb = databases.get("keycloak");
        keycloak = KeycloakServer.builder()
                .httpPort(config.keycloakPort())
                .managementPort(config.keycloakManagementPort())
                .publicUrl(config.keycloakPublicUrl())
                .database(keycloakDb.jdbcUrl(), keycloakDb.username(), keycloakDb.password())
                .bootstrapAdmin("bootstrap-admin", secrets.getOrCreate("keycloak.bootstrap-admin.password"))
                .realmImport(config.projectRoot().resolve("deploy/keycloak/dev/securebase-realm.json"),
                        config.projectRoot().resolve("deploy/keycloak/dev/securebase-users-0.json"))
                .passwordDenyList(config.projectRoot().resolve("deploy/keycloak/password-deny-list.txt"))
                .theme(config.projectRoot().resolve("deploy/keycloak/themes/securebase"))
                .env(Map.of(
                        "SECUREBASE_PUBLIC_URL", config.publicUrl(),
                        // Keycloak tells the portal directly when a Keycloak session ends (back-channel logout)
                        "SECUREBASE_PORTAL_BACKCHANNEL_LOGOUT_URL",
                        "http://localhost:" + config.portalPort() + "/logout/connect/back-channel/keycloak",
                        "SECUREBASE_PORTAL_CLIENT_SECRET", portalClientSecret,
                        "SECUREBASE_ACCOUNT_SERVICE_CLIENT_SECRET", accountServiceClientSecret,
                        "SECUREBASE_DEMO_PASSWORD", demoPassword,
                        "SECUREBASE_SMTP_HOST", "localhost",
                        "SECUREBASE_SMTP_PORT", Integer.toString(mail.smtpPort())))
                .logFile(logs.resolve("keycloak.log"))
                .build();
        started.push(keycloak);
        CompletableFuture<Duration> keycloakStart = CompletableFuture.supplyAsync(() -> {
            keycloak.start();
            return keycloak.lastStartDuration().orElse(Duration.ZERO);
        });

        kafka = kafkaStart.join();
        started.push(kafka);
        // Each service its own SCRAM user with exactly its ACLs (KafkaAccess), as in production; on every start, so
        // that a data folder from before gets them too.
        kafkaPasswords.clear();
        for (KafkaAccess.Service service : KafkaAccess.SERVICES) {
            kafkaPasswords.put(service.principal(), secrets.getOrCreate("kafka." + service.principal() + ".password"));
        }
        kafka.grant(kafkaPasswords, KafkaAccess.aclBindings(true), KafkaAccess.provisionedTopics(3, (short) 1));

        Map<String, String> common = new HashMap<>();
        common.put("SECUREBASE_SECURITY_ISSUER_URI", config.issuerUri());
        common.put("SECUREBASE_SECURITY_JWK_SET_URI", config.jwkSetUri());

        startService("content-service", config.contentPort(),
                withKafka(withOwnerAndApplicationRole(common, "content"), "content-service", kafkaPasswords));
        // A development master key file is made on first start and kept in the data folder; it wraps the keyset the
        // service keeps in its database. Local-only switches, so they go on the command line rather than among the
        // environment every deployment provides (a KMS key URI, or a master key file on a secret volume). A keyset
        // file from before keysets were stored in the database is imported once.
        localOnlyArguments.put("journal-service", List.of(
                "--securebase.journal.crypto.kek-uri=file:" + config.dataDirectory().resolve("journal-master-key.json"),
                "--securebase.journal.crypto.generate-dev-master-key=true",
                "--securebase.journal.crypto.keyset-file=" + config.dataDirectory().resolve("journal-keyset.json")));
        startService("journal-service", config.journalPort(),
                withKeyVault(withKafka(withOwnerAndApplicationRole(common, "journal"), "journal-service", kafkaPasswords)));
        Map<String, String> account = withKafka(withOwnerAndApplicationRole(common, "account"), "account-service",
                kafkaPasswords);
        account.put("SECUREBASE_KEYCLOAK_INTERNAL_URL", config.keycloakInternalUrl());
        account.put("SECUREBASE_KEYCLOAK_CLIENT_SECRET", accountServiceClientSecret);
        // Notifications: the local mail server, links to the public origin, signed with a key kept in the data folder.
        account.put("SECUREBASE_SMTP_HOST", "localhost");
        account.put("SECUREBASE_SMTP_PORT", Integer.toString(mail.smtpPort()));
        account.put("SECUREBASE_PUBLIC_URL", config.publicUrl());
        account.put("SECUREBASE_NOTIFICATIONS_LINK_SECRET", secrets.getOrCreate("notifications.link-secret", 32));
        startService("account-service", config.accountPort(), account);

        Map<String, String> portal = withDatabase(common, databases.get("portal"));
        portal.put("SECUREBASE_KEYCLOAK_PUBLIC_URL", config.keycloakPublicUrl());
        portal.put("SECUREBASE_KEYCLOAK_INTERNAL_URL", config.keycloakInternalUrl());
        portal.put("SECUREBASE_KEYCLOAK_CLIENT_SECRET", portalClientSecret);
        portal.put("SECUREBASE_SESSION_SECRET", secrets.getOrCreate("portal.session-secret", 32));
        portal.put("SECUREBASE_KEYCLOAK_PORTAL_PUBLIC_URL", config.publicUrl());
        // The services themselves, as inside a cluster: the portal does not call back through the gateway (ADR 0030).
        portal.put("SECUREBASE_API_JOURNAL_URL", "http://localhost:" + config.journalPort());
        portal.put("SECUREBASE_API_CONTENT_URL", "http://localhost:" + config.contentPort());
        portal.put("SECUREBASE_API_ACCOUNTS_URL", "http://localhost:" + config.accountPort());
        startService("client-portal", config.portalPort(), portal);

        Map<String, String> gateway = new HashMap<>(common);
        gateway.put("SECUREBASE_ROUTES_PORTAL", "http://localhost:" + config.portalPort());
        gateway.put("SECUREBASE_ROUTES_KEYCLOAK", "http://localhost:" + config.keycloakPort());
        gateway.put("SECUREBASE_ROUTES_CONTENT", "http://localhost:" + config.contentPort());
        gateway.put("SECUREBASE_ROUTES_JOURNAL", "http://localhost:" + config.journalPort());
        gateway.put("SECUREBASE_ROUTES_ACCOUNT", "http://localhost:" + config.accountPort());
        startService("api-gateway", config.gatewayPort(), gateway);

        startupTimes.put("keycloak", keycloakStart.join());
        for (ServiceProcess service : services.values()) {
            startupTimes.put(service.name(), service.awaitReady(SERVICE_START_TIMEOUT));
        }
        OidcBrowserlessLogin demoLogin = OidcBrowserlessLogin.portal(keycloak, config.publicUrl(), portalClientSecret);
        String accounts = "http://localhost:" + config.accountPort();
        if (config.demoStory()) {
            DemoStory.tell(demoLogin, demoPassword, new DemoStory.Services(accounts, "http://localhost:" + config.contentPort(),
                    "http://localhost:" + config.journalPort()), DemoStory.Cast.DEMO, java.time.Clock.systemUTC());
        } else {
            new DemoCaseload(new DemoApi(), accounts, demoLogin.login(DemoCaseload.ADMIN, demoPassword).accessToken())
                    .assign(DemoCaseload.CLIENT, DemoCaseload.THERAPIST);
        }
    }

    /** The broker's address and the service's own SCRAM user, as the environment production gives it. */
    private Map<String, String> withKafka(Map<String, String> environment, String principal, Map<String, String> passwords) {
        Map<String, String> env = new HashMap<>(environment);
        kafka.clientProperties(principal, passwords.get(principal)).forEach((key, value) -> env.put(
                key.equals("security.protocol") || key.equals("bootstrap.servers")
                        ? "SPRING_KAFKA_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_')
                        : "SPRING_KAFKA_PROPERTIES_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_'),
                value.toString()));
        return env;
    }

    private static Map<String, String> withDatabase(Map<String, String> common, PostgresServer.Database database) {
        Map<String, String> env = new HashMap<>(common);
        env.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
        env.put("SPRING_DATASOURCE_USERNAME", database.username());
        env.put("SPRING_DATASOURCE_PASSWORD", database.password());
        return env;
    }

    /**
     * As in production: the tables' owner runs the migrations, the service runs as a role of its own that owns
     * nothing and may only append to the audit (platform-web's ApplicationRoleGrants).
     */
    private Map<String, String> withKeyVault(Map<String, String> environment) {
        PostgresServer.Database vault = databases.get("journal_keys");
        environment.put("SECUREBASE_KEY_VAULT_URL", vault.jdbcUrl());
        environment.put("SECUREBASE_KEY_VAULT_USERNAME", vault.username());
        environment.put("SECUREBASE_KEY_VAULT_PASSWORD", vault.password());
        return environment;
    }

    private Map<String, String> withOwnerAndApplicationRole(Map<String, String> common, String name) {
        PostgresServer.Database owner = databases.get(name);
        PostgresServer.Database application = postgres.applicationRole(owner, name + "_app",
                secrets.getOrCreate("db." + name + "_app.password"));
        Map<String, String> env = withDatabase(common, application);
        env.put("SPRING_FLYWAY_USER", owner.username());
        env.put("SPRING_FLYWAY_PASSWORD", owner.password());
        env.put("SECUREBASE_DATABASE_APPLICATION_ROLE", application.username());
        return env;
    }

    private void startService(String name, int port, Map<String, String> environment) {
        environments.put(name, environment);
        services.put(name, launch(name, name, port, environment));
        if (closing) {
            close();
            throw new IllegalStateException("stopped while starting");
        }
    }

    private ServiceProcess launch(String service, String instanceName, int port, Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("MANAGEMENT_SERVER_PORT", Integer.toString(port + 1000));
        // glibc gives threads that allocate their own malloc arenas (up to 8 per core), and their slack was 45-115 MB
        // per service above what the JVM itself tracks (platform bench: NMT against RSS). Two are plenty for a JVM.
        env.put("MALLOC_ARENA_MAX", System.getenv().getOrDefault("MALLOC_ARENA_MAX", MALLOC_ARENAS));
        if (config.tracingEndpoint() != null) {
            env.put("SECUREBASE_TRACING_ENDPOINT", config.tracingEndpoint());
        }
        List<String> arguments = new java.util.ArrayList<>(localOnlyArguments.getOrDefault(service, List.of()));
        if (config.adjustableClock()) {
            // A test-only switch, on the command line so that no deployment's environment can carry it.
            arguments.add("--securebase.clock.adjustable=true");
        }
        ServiceProcess process = ServiceProcess.start(instanceName, executableJar(service), config.serviceJavaOptions(),
                env, arguments, port + 1000,
                config.dataDirectory().resolve("logs").resolve(instanceName + ".log"));
        started.push(process);
        return process;
    }

    /** Kills a service with SIGKILL, as a crash would, and waits until it is gone. */
    public void kill(String service) {
        service(service).kill();
    }

    /** Whether the service's process is running (started, or starting); false once it was killed or stopped. */
    public boolean isRunning(String service) {
        return service(service).isAlive();
    }

    /** Starts a stopped or killed service again as it was first started; returns how long it took to be ready. */
    public Duration restart(String service) {
        ServiceProcess process = service(service);
        process.relaunch();
        Duration ready = process.awaitReady(SERVICE_START_TIMEOUT);
        if (primaryPorts().containsKey(service)) {
            alignClock(service, primaryPorts().get(service));
        }
        return ready;
    }

    /** The services whose clocks tests move together (and so must agree after one of them restarts). */
    private Map<String, Integer> primaryPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("account-service", config.accountPort());
        ports.put("content-service", config.contentPort());
        ports.put("journal-service", config.journalPort());
        return ports;
    }

    /**
     * With the test-only adjustable clock, a service that starts (again) starts at real time while the others may have
     * been moved ahead; it is moved to the furthest of them, so the stack agrees with itself about the time (a
     * journal-service behind account-service would take its heartbeats for the future, one ahead for stale ones).
     */
    private void alignClock(String service, int port) {
        if (!config.adjustableClock()) {
            return;
        }
        Duration furthest = Duration.ZERO;
        for (int other : primaryPorts().values()) {
            if (other != port) {
                // A service that is down (a fault test stopped it) says nothing; it is aligned when it comes back.
                Duration offset = StackClocks.offset(other + 1000).orElse(Duration.ZERO);
                furthest = offset.compareTo(furthest) > 0 ? offset : furthest;
            }
        }
        Duration own = StackClocks.offset(port + 1000).orElse(Duration.ZERO);
        if (furthest.compareTo(own) > 0) {
            StackClocks.advance(port + 1000, furthest.minus(own));
            log.info("{}'s clock moved {} ahead, as far as the others", service, furthest);
        }
    }

    /** Stops the Kafka broker and starts it again on the same address, with its data. */
    public void restartKafka() {
        kafka.restart();
    }

    /**
     * Makes a service's database refuse connections and drops the open ones, as if its server had gone away, while
     * the other databases go on; {@link #acceptDatabaseConnections} ends the outage. For fault tests.
     */
    public void refuseDatabaseConnections(String name) {
        database(name);
        postgres.refuseConnections(name);
    }

    public void acceptDatabaseConnections(String name) {
        database(name);
        postgres.acceptConnections(name);
    }

    /**
     * Stops PostgreSQL, every database at once, lets {@code work} act on the stopped cluster's data directory, and
     * starts it again on the same port with what the directory then holds (see
     * {@link EmbeddedPostgresServer#whileStopped}). The services and Keycloak keep running and reconnect. For the
     * restore drill.
     */
    public void whilePostgresStopped(java.util.function.Consumer<java.nio.file.Path> work) {
        postgres.whileStopped(work);
    }

    /** The superuser's JDBC URL of one of the stack's databases: for checks that must see every table. */
    public String superuserJdbcUrl(String name) {
        database(name);
        return postgres.superuserJdbcUrl().replaceAll("/postgres$", "/" + name);
    }

    /** How a service reaches its own database (content, journal, account, portal, keycloak): for checks. */
    public PostgresServer.Database database(String name) {
        PostgresServer.Database database = databases.get(name);
        if (database == null) {
            throw new IllegalArgumentException("no database " + name);
        }
        return database;
    }

    /**
     * Starts a second instance of a service on {@code port} (management on port + 1000) with a database of its own,
     * named {@code instanceName}, otherwise configured like the first plus {@code environment}: for instance a
     * journal-service with an empty database and a new consumer group, which rebuilds its projections from the
     * beginning of the topics. It is stopped with the stack; returns once it is ready.
     */
    public void startInstance(String service, String instanceName, int port, Map<String, String> environment) {
        Map<String, String> base = environments.get(service);
        if (base == null) {
            throw new IllegalArgumentException("no service " + service);
        }
        databases.computeIfAbsent(instanceName,
                name -> postgres.database(name, name, secrets.getOrCreate("db." + name + ".password")));
        // Its own owner runs its migrations and its own application role runs it, as for the first instance.
        Map<String, String> env = base.containsKey("SPRING_FLYWAY_USER")
                ? withOwnerAndApplicationRole(base, instanceName)
                : withDatabase(base, databases.get(instanceName));
        env.putAll(environment);
        startAndAwait(service, instanceName, port, env);
    }

    /**
     * Starts another instance of a service sharing the first one's database, Kafka user and consumer group, on
     * {@code port} (management on port + 1000), as a second replica behind a load balancer would run, plus
     * {@code environment}. Returns once it is ready; {@link #kill} and {@link #stopInstance} take its name.
     */
    public void startReplica(String service, String instanceName, int port, Map<String, String> environment) {
        Map<String, String> base = environments.get(service);
        if (base == null) {
            throw new IllegalArgumentException("no service " + service);
        }
        Map<String, String> env = new HashMap<>(base);
        env.putAll(environment);
        startAndAwait(service, instanceName, port, env);
    }

    /** Launches an extra instance, stopped with the stack, and returns once it is ready and its clock agrees. */
    private void startAndAwait(String service, String instanceName, int port, Map<String, String> env) {
        ServiceProcess process = launch(service, instanceName, port, env);
        services.put(instanceName, process);
        process.awaitReady(SERVICE_START_TIMEOUT);
        if (primaryPorts().containsKey(service)) {
            alignClock(instanceName, port);
        }
    }

    /** Stops an instance that {@link #startInstance} or {@link #startReplica} started (gracefully, as a scale-down). */
    public void stopInstance(String instanceName) {
        if (environments.containsKey(instanceName)) {
            throw new IllegalArgumentException(instanceName + " is a first instance: stop the stack instead");
        }
        ServiceProcess process = service(instanceName);
        services.remove(instanceName);
        started.remove(process);
        process.close();
    }

    private ServiceProcess service(String name) {
        ServiceProcess process = services.get(name);
        if (process == null) {
            throw new IllegalArgumentException("no service " + name + "; there are " + services.keySet());
        }
        return process;
    }

    private Path executableJar(String module) {
        Path target = config.projectRoot().resolve(module).resolve("target");
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, module + "-*-exec.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        } catch (IOException notBuiltYet) {
            // reported below
        }
        throw new IllegalStateException("No executable jar for " + module + " under " + target
                + ": build first with ./mvnw -DskipTests package");
    }

    public StackConfig config() {
        return config;
    }

    public String publicUrl() {
        return config.publicUrl();
    }

    public String demoPassword() {
        return demoPassword;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** How {@code service} connects to the broker (its own SCRAM user): for the system tests' checks of the ACLs. */
    public Map<String, Object> kafkaClientProperties(String service) {
        return kafka.clientProperties(service, kafkaPasswords.get(service));
    }

    /** How an operator's tool connects to the broker (a super user): for the system tests' checks. */
    public Map<String, Object> kafkaOperatorProperties() {
        return kafka.operatorClientProperties();
    }

    public MailServer mail() {
        return mail;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    /** How long each part took from launch to healthy, in start order. */
    public Map<String, Duration> startupTimes() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(startupTimes));
    }

    /** Process ids of the five services, for operators and fault tests. */
    public Map<String, Long> servicePids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        services.forEach((name, process) -> pids.put(name, process.pid()));
        return pids;
    }

    /** Stops everything started so far, newest first; safe to call more than once and from a shutdown hook. */
    @Override
    public synchronized void close() {
        closing = true;
        // Ask every service to stop at once, so a JVM that is exiting is not outlived by services still
        // waiting their turn; each is then awaited (and killed if need be) below.
        services.values().forEach(ServiceProcess::requestStop);
        List<RuntimeException> failures = new ArrayList<>();
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                failures.add(new IllegalStateException("while stopping: " + e.getMessage(), e));
            }
        }
        failures.forEach(failure -> log.warn(failure.getMessage()));
    }

    private static void mkdirs(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset " + directory, e);
        }
    }
}
