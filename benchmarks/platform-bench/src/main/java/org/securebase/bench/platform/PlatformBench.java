package org.securebase.bench.platform;

import org.securebase.localstack.SecureBaseStack;
import org.securebase.localstack.StackConfig;
import org.securebase.platform.embedded.MailServer;
import org.securebase.platform.embedded.keycloak.KeycloakAdmin;
import org.securebase.platform.embedded.keycloak.OidcBrowserlessLogin;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.Reader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The platform benchmark (benchmarks/platform-bench.sh). One run: start the stack in a fresh data folder, load
 * data, measure API writes through the gateway (and directly), event propagation, portal pages and footprint,
 * print one table and write the figures into docs/benchmarks.md ("Platform"). Knobs are environment variables;
 * see the script's header.
 */
public final class PlatformBench {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SEED_ARTICLE = "attachment-and-healing";
    /** The case the page-latency target is about; its pace is appended to the name. */
    private static final String ASSIGNMENT_PAGE = "portal: client's assignment page";
    private static final String THERAPIST_HOME = "portal: therapist's home";

    // knobs
    private final Duration warmup = duration("BENCH_WARMUP", "10s");
    private final Duration measured = duration("BENCH_DURATION", "15s");
    private final List<Integer> connections = ints("BENCH_CONNECTIONS", "16,64");
    private final int assignmentCount = Integer.parseInt(env("BENCH_ASSIGNMENTS", "64"));
    private final int events = Integer.parseInt(env("BENCH_EVENTS", "1000"));
    private final int notifications = Integer.parseInt(env("BENCH_NOTIFICATIONS", "200"));
    private final long pollNanos = Long.parseLong(env("BENCH_EVENT_POLL_MS", "5")) * 1_000_000L;
    private final boolean direct = Boolean.parseBoolean(env("BENCH_DIRECT", "true"));
    private final List<Integer> portalSessions = ints("BENCH_PORTAL_SESSIONS", "10,50,200").stream().filter(n -> n > 0).toList();
    private final Duration portalThinkTime = duration("BENCH_PORTAL_THINK_TIME", "1s");
    private final List<Integer> growthSizes = ints("BENCH_GROWTH_SIZES", "1000,100000,1000000").stream().filter(n -> n > 0).sorted().toList();
    private final int growthConnections = Integer.parseInt(env("BENCH_GROWTH_CONNECTIONS", "16"));
    private final int growthOwnRows = Integer.parseInt(env("BENCH_GROWTH_OWN_ROWS", "50"));
    private final boolean jfr = Boolean.parseBoolean(env("BENCH_JFR", "false"));
    private final boolean nativeMemoryTracking = Boolean.parseBoolean(env("BENCH_NMT", "false"));
    private final Path workDirectory = Path.of(env("BENCH_WORK_DIR", System.getProperty("java.io.tmpdir")));
    private final Path docs;

    // state
    private SecureBaseStack stack;
    private String api;
    private UserToken client;
    private UserToken therapist;
    private UserToken admin;
    private String clientId;
    private String seedArticleId;
    private final List<String> assignmentIds = new ArrayList<>();
    private final List<String> promptIds = new ArrayList<>();
    private Processes processes;
    private final String runId = Long.toString(System.currentTimeMillis() % 100_000_000L, 36)
            + Integer.toString(RANDOM.nextInt(1296), 36);

    // results
    private final List<ClosedLoop.Result> loads = new ArrayList<>();
    private final Map<String, CaseCpu> cpuByCase = new LinkedHashMap<>();
    private Map<String, Double> pssAfterPortal = Map.of();
    private final Map<String, EventResult> eventResults = new LinkedHashMap<>();
    private String portalFailure;
    private final List<GrowthStep> growth = new ArrayList<>();
    private String growthFailure;
    private Profiler profiler;

    /** The three growth lists measured after the tables were filled to {@code rows}. */
    record GrowthStep(int rows, Duration loadTime, List<ClosedLoop.Result> results) {
    }

    record EventResult(String name, Stats latency, int timeouts, String note) {
    }

    private PlatformBench(Path docs) {
        this.docs = docs;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(env("SECUREBASE_PROJECT_ROOT", ".")).toAbsolutePath().normalize();
        int status = 0;
        try {
            new PlatformBench(root.resolve("docs/benchmarks.md")).run(root);
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        // The in-process Kafka broker leaves non-daemon threads; the stack has been closed by now.
        System.exit(status);
    }

    private void run(Path root) throws Exception {
        String started = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(Instant.now().atZone(ZoneOffset.UTC));
        String loadBeforeStart = Processes.loadAverage();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("SECUREBASE_PROJECT_ROOT", root.toString());
        env.putIfAbsent("SECUREBASE_DATA_DIR", "/tmp/platform-bench-" + runId);
        if (nativeMemoryTracking) {
            // Summary tracking costs a few per cent of CPU and a little memory of its own; it is off unless asked for.
            env.put("SECUREBASE_SERVICE_JAVA_OPTS", env.getOrDefault("SECUREBASE_SERVICE_JAVA_OPTS",
                    String.join(" ", StackConfig.defaultJavaOptions())) + " -XX:NativeMemoryTracking=summary");
        }
        StackConfig config = StackConfig.fromEnvironment(env, "--reset");
        log("starting the stack (data in " + config.dataDirectory() + ")");
        long t0 = System.nanoTime();
        stack = SecureBaseStack.start(config);
        try {
            double stackSeconds = (System.nanoTime() - t0) / 1e9;
            log(String.format(Locale.ROOT, "stack up in %.0f s", stackSeconds));
            processes = new Processes(stack.servicePids(), config.dataDirectory().resolve("postgres"));
            api = stack.publicUrl() + "/api";
            setUp(config);
            if (jfr) {
                profiler = Profiler.start(stack.servicePids(), List.of("journal-service", "content-service", "client-portal", "api-gateway"),
                        workDirectory);
            }
            String loadBefore = Processes.loadAverage();
            measureWrites(config);
            measureEvents();
            Map<String, Double> rssAfterApi = processes.rssMiB();
            try {
                measurePortal();
            } catch (Exception e) {
                portalFailure = e.toString();
                log("portal part failed: " + portalFailure);
            }
            Map<String, Double> rss = processes.rssMiB();
            pssAfterPortal = processes.pssMiB();
            if (nativeMemoryTracking) {
                Profiler.nativeMemorySummaries(stack.servicePids(), workDirectory);
            }
            if (profiler != null) {
                profiler.stop();
            }
            try {
                measureGrowth(config);
            } catch (Exception e) {
                growthFailure = e.toString();
                log("growth part failed: " + growthFailure);
                e.printStackTrace();
            }
            String loadAfter = Processes.loadAverage();
            String report = report(started, stackSeconds, loadBeforeStart, loadBefore, loadAfter, rssAfterApi, rss);
            System.out.println();
            System.out.println(report);
            if (Boolean.parseBoolean(env("BENCH_WRITE_DOCS", "true"))) {
                writeDocs(report);
                log("figures written to " + docs);
            }
        } finally {
            log("stopping the stack");
            stack.close();
        }
    }

    // ------------------------------------------------------------------------------------------ set-up

    private void setUp(StackConfig config) throws Exception {
        String portalSecret = secret(config.dataDirectory(), "keycloak.portal.secret");
        OidcBrowserlessLogin login = OidcBrowserlessLogin.portal(stack.keycloak(), stack.publicUrl(), portalSecret);
        admin = new UserToken(login, "admin@securebase.test", stack.demoPassword());
        therapist = new UserToken(login, "therapist@securebase.test", stack.demoPassword());
        client = new UserToken(login, "client@securebase.test", stack.demoPassword());
        clientId = Http.expect2xx(Http.json("GET", api + "/accounts/me", client::get, null)).path("id").asString();
        seedArticleId = Http.expect2xx(Http.json("GET", api + "/content/articles/" + SEED_ARTICLE, therapist::get, null))
                .path("id").asString();

        log("creating " + assignmentCount + " assignments for the demo client");
        for (int i = 0; i < assignmentCount; i++) {
            // The first waits until journal-service's catalog has the seed article.
            String id = createAssignment(therapist, clientId, seedArticleId, i == 0 ? Duration.ofMinutes(2) : Duration.ZERO);
            JsonNode view = Http.expect2xx(Http.json("GET", api + "/journal/assignments/" + id, therapist::get, null));
            assignmentIds.add(id);
            promptIds.add(view.path("prompts").get(0).path("id").asString());
        }
    }

    /** POSTs an assignment with one text question, retrying for up to {@code patience}; returns its id. */
    private String createAssignment(UserToken author, String forClient, String articleId, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            HttpResponse<String> response = Http.send(assignmentRequest(author, forClient, articleId));
            if (response.statusCode() == 201) {
                return Http.JSON.readTree(response.body()).path("id").asString();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("assignment not created: " + response.statusCode() + " " + Http.abbreviate(response.body()));
            }
            Thread.sleep(200);
        }
    }

    private HttpRequest assignmentRequest(UserToken author, String forClient, String articleId) {
        String body = "{\"clientId\":\"" + forClient + "\",\"articleId\":\"" + articleId + "\",\"dueAt\":\""
                + Instant.now().plus(Duration.ofDays(14)) + "\",\"prompts\":[{\"kind\":\"TEXT\",\"question\":"
                + "\"What did you notice about how you connect with people this week?\"}]}";
        return Http.json("POST", api + "/journal/assignments", author::get, body);
    }

    private static String secret(Path dataDirectory, String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(dataDirectory.resolve("secrets.properties"))) {
            properties.load(reader);
        }
        return properties.getProperty(name);
    }

    // ------------------------------------------------------------------------------------------ writes

    private void measureWrites(StackConfig config) throws Exception {
        String gateway = api + "/journal";
        String journalDirect = "http://localhost:" + config.journalPort() + "/api/journal";
        String answer = Http.quote("This week I noticed that I reach out first more often, and that when my friend "
                + "did not answer at once I did not assume the worst. I wrote down what I felt instead of acting on it.");
        for (int c : connections) {
            List<String[]> targets = new ArrayList<>();
            targets.add(new String[] {"gateway", gateway});
            if (direct) {
                targets.add(new String[] {"direct", journalDirect});
            }
            for (String[] target : targets) {
                String base = target[1];
                load("answer autosave PUT (" + target[0] + ")", c, (w, seq) -> {
                    int k = w % assignmentIds.size();
                    String body = "{\"text\":" + answer.substring(0, answer.length() - 1) + " (" + seq + ")\"}";
                    return Http.CLIENT.send(Http.json("PUT", base + "/assignments/" + assignmentIds.get(k) + "/answers/"
                            + promptIds.get(k), client::get, body), HttpResponse.BodyHandlers.discarding()).statusCode();
                });
            }
            for (String[] target : targets) {
                String base = target[1];
                load("journal entry POST (" + target[0] + ")", c, (w, seq) -> {
                    String body = "{\"title\":\"Evening " + w + "-" + seq + "\",\"body\":" + answer + ",\"mood\":"
                            + (1 + (int) (seq % 5)) + "}";
                    return Http.CLIENT.send(Http.json("POST", base + "/entries", client::get, body),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                });
            }
        }
    }

    private void load(String name, int c, ClosedLoop.Call call) throws InterruptedException {
        load(name, c, Duration.ZERO, call);
    }

    private void load(String name, int c, Duration meanThinkTime, ClosedLoop.Call call) throws InterruptedException {
        log(String.format(Locale.ROOT, "%s, %d connections: %d s warm-up + %d s", name, c, warmup.toSeconds(), measured.toSeconds()));
        // CPU is sampled over the measured period by a helper thread.
        Thread sampler = new Thread(() -> {
            try {
                Thread.sleep(warmup.toMillis());
                Map<String, Double> before = processes.cpuSeconds();
                long[] machineBefore = Processes.machineTicks();
                Thread.sleep(measured.toMillis());
                Map<String, Double> after = processes.cpuSeconds();
                long[] machineAfter = Processes.machineTicks();
                cpuByCase.put(caseKey(name, c), CaseCpu.between(before, after, machineBefore, machineAfter, measured));
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        sampler.start();
        ClosedLoop.Result result = ClosedLoop.run(name, c, warmup, measured, meanThinkTime, call, status -> status / 100 == 2);
        sampler.join();
        loads.add(result);
        log(String.format(Locale.ROOT, "  %.0f/s, p50 %.1f ms, p99 %.1f ms, %d errors%s", result.throughput(),
                result.latency().p50(), result.latency().p99(), result.errors(),
                result.firstError() == null ? "" : " (first: " + result.firstError() + ")"));
    }

    /**
     * What the stack's processes used during one case's measured period: cores per group (CPU seconds ÷ wall seconds)
     * and how busy the whole machine was.
     */
    record CaseCpu(double machineBusy, Map<String, Double> coresByGroup) {

        static CaseCpu between(Map<String, Double> before, Map<String, Double> after, long[] machineBefore,
                               long[] machineAfter, Duration measured) {
            double seconds = measured.toNanos() / 1e9;
            double machineBusy = machineAfter[1] == machineBefore[1] ? Double.NaN
                    : (machineAfter[0] - machineBefore[0]) / (double) (machineAfter[1] - machineBefore[1]);
            Map<String, Double> cores = new LinkedHashMap<>();
            after.forEach((group, cpu) -> cores.put(group, (cpu - before.getOrDefault(group, 0.0)) / seconds));
            return new CaseCpu(machineBusy, cores);
        }

        /**
         * Cores of the stack's own processes: the five services, Keycloak and PostgreSQL. The bench JVM is left out
         * because it mixes the load generator with the in-process Kafka broker and mail server; it is shown apart.
         */
        double stackCores() {
            return coresByGroup.entrySet().stream().filter(e -> !e.getKey().equals(Processes.BENCH_JVM))
                    .mapToDouble(Map.Entry::getValue).sum();
        }

        /** Core-milliseconds the stack spent per successful request at {@code throughput} requests/s. */
        double stackCoreMillisPer(double throughput) {
            return throughput > 0 ? stackCores() * 1000 / throughput : Double.NaN;
        }

        String describe() {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "machine %.0f %% busy; stack %.2f cores, bench JVM %.2f, of %d:",
                    machineBusy * 100, stackCores(), coresByGroup.getOrDefault(Processes.BENCH_JVM, 0.0),
                    Runtime.getRuntime().availableProcessors()));
            coresByGroup.entrySet().stream()
                    .filter(e -> !e.getKey().equals(Processes.BENCH_JVM) && e.getValue() >= 0.01)
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(e -> line.append(String.format(Locale.ROOT, " %s %.2f,", e.getKey(), e.getValue())));
            line.setLength(line.length() - 1);
            return line.toString();
        }
    }

    // ------------------------------------------------------------------------------------------ events

    private void measureEvents() throws Exception {
        log("setting up users for the event measurements");
        KeycloakAdmin keycloakAdmin = KeycloakAdmin.of(stack.keycloak());
        OidcBrowserlessLogin login = OidcBrowserlessLogin.portal(stack.keycloak(), stack.publicUrl(),
                secret(stack.config().dataDirectory(), "keycloak.portal.secret"));
        UserToken t1 = benchUser(keycloakAdmin, login, "therapist-1", "therapist", "mfa-exempt");
        UserToken t2 = benchUser(keycloakAdmin, login, "therapist-2", "therapist", "mfa-exempt");
        UserToken c1 = benchUser(keycloakAdmin, login, "client-1", "client");
        UserToken c2 = benchUser(keycloakAdmin, login, "client-2", "client");
        String t1Id = me(t1);
        String t2Id = me(t2);
        String c1Id = me(c1);
        String c2Id = me(c2);
        assignCaseload(c1Id, t1Id);
        assignCaseload(c2Id, t1Id);
        createAssignment(t1, c1Id, seedArticleId, Duration.ofMinutes(1));
        createAssignment(t1, c2Id, seedArticleId, Duration.ofMinutes(1));

        // (a) publish -> catalog search (content-service, same database) and -> journal-service's catalog (Kafka).
        log(events + " articles: publish -> visible in the search, and assignable in journal-service");
        long[] search = new long[events];
        long[] assignable = new long[events];
        int searchTimeouts = 0;
        int assignableTimeouts = 0;
        ExecutorService pollers = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < events; i++) {
                String word = "bench" + runId + randomLetters(8) + i;
                String slug = "bench-" + runId + "-" + i;
                String body = "{\"slug\":\"" + slug + "\",\"title\":\"Bench reading " + i + "\",\"summary\":\"Measuring "
                        + word + "\",\"markdown\":\"# Noticing\\n\\nA short reading about " + word
                        + ".\\n\\n- one\\n- two\\n\",\"tags\":[\"bench\"]}";
                String articleId = Http.expect2xx(Http.json("POST", api + "/content/articles", therapist::get, body)).path("id").asString();
                Http.expect2xx(Http.json("POST", api + "/content/articles/" + slug + "/publish", therapist::get, null));
                long published = System.nanoTime();
                Future<Long> inSearch = pollers.submit(() -> pollUntil(published, () -> {
                    HttpResponse<String> r = Http.send(Http.json("GET", api + "/content/articles?q="
                            + URLEncoder.encode(word, StandardCharsets.UTF_8), c1::get, null));
                    return r.statusCode() == 200 && r.body().contains("\"" + slug + "\"");
                }));
                Future<Long> inJournal = pollers.submit(() -> pollUntil(published, () ->
                        Http.send(assignmentRequest(t1, c1Id, articleId)).statusCode() == 201));
                long s = inSearch.get();
                long j = inJournal.get();
                if (s < 0) {
                    searchTimeouts++;
                } else {
                    search[i - searchTimeouts] = s;
                }
                if (j < 0) {
                    assignableTimeouts++;
                } else {
                    assignable[i - assignableTimeouts] = j;
                }
            }
        } finally {
            pollers.shutdownNow();
        }
        eventResults.put("publish → found by catalog search", new EventResult("search",
                Stats.of(Arrays.copyOf(search, events - searchTimeouts)), searchTimeouts,
                "content-service only: same database, no event involved"));
        eventResults.put("publish → assignable (journal catalog)", new EventResult("catalog",
                Stats.of(Arrays.copyOf(assignable, events - assignableTimeouts)), assignableTimeouts,
                "content outbox → Kafka → journal-service's catalog projection"));

        // (b) admin (re)assigns a client -> the new therapist may assign homework to them.
        log(events + " caseload changes: PUT therapist -> the new therapist's POST /assignments succeeds");
        long[] caseload = new long[events];
        int caseloadTimeouts = 0;
        UserToken[] therapists = {t1, t2};
        String[] therapistIds = {t1Id, t2Id};
        for (int i = 0; i < events; i++) {
            int next = (i + 1) % 2; // c2 starts with t1: first move to t2, then back and forth
            UserToken newTherapist = therapists[next];
            assignCaseload(c2Id, therapistIds[next]);
            long assigned = System.nanoTime();
            long took = pollUntil(assigned, () -> Http.send(assignmentRequest(newTherapist, c2Id, seedArticleId)).statusCode() == 201);
            if (took < 0) {
                caseloadTimeouts++;
            } else {
                caseload[i - caseloadTimeouts] = took;
            }
        }
        eventResults.put("caseload assigned → therapist may assign", new EventResult("caseload",
                Stats.of(Arrays.copyOf(caseload, events - caseloadTimeouts)), caseloadTimeouts,
                "account outbox → Kafka → journal-service's caseload projection"));
        measureNotificationMails(keycloakAdmin, login, t1, t1Id);
        eventResults.forEach((name, r) -> log(String.format(Locale.ROOT, "  %s: p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d timeouts",
                name, r.latency().p50(), r.latency().p99(), r.latency().max(), r.timeouts())));
    }

    /**
     * (c) a therapist assigns homework -> the client's "new homework" mail is in the local mail server, one assignment
     * at a time, for a client of its own (so no other part's mails are in the way).
     */
    private void measureNotificationMails(KeycloakAdmin keycloakAdmin, OidcBrowserlessLogin login, UserToken therapist,
                                          String therapistId) throws Exception {
        if (notifications <= 0) {
            return;
        }
        log(notifications + " assignments: POST /assignments 201 -> the new-homework mail received by SMTP");
        UserToken reader = benchUser(keycloakAdmin, login, "client-3", "client");
        String readerId = me(reader);
        assignCaseload(readerId, therapistId);
        createAssignment(therapist, readerId, seedArticleId, Duration.ofMinutes(1));
        MailServer mail = stack.mail();
        long[] latency = new long[notifications];
        int timeouts = 0;
        for (int i = 0; i < notifications; i++) {
            int before = mail.receivedCount();
            HttpResponse<String> created = Http.send(assignmentRequest(therapist, readerId, seedArticleId));
            long answered = System.nanoTime();
            if (created.statusCode() != 201) {
                throw new IllegalStateException("assignment not created: " + created.statusCode() + " " + Http.abbreviate(created.body()));
            }
            String link = "/assignments/" + Http.JSON.readTree(created.body()).path("id").asString();
            long took = pollUntil(answered, () -> mail.receivedCount() > before
                    && mail.messagesSince(before).stream().anyMatch(m -> m.text().contains(link)));
            if (took < 0) {
                timeouts++;
            } else {
                latency[i - timeouts] = took;
            }
        }
        eventResults.put("assignment 201 → new-homework mail received", new EventResult("notification",
                Stats.of(Arrays.copyOf(latency, notifications - timeouts)), timeouts,
                "journal outbox → Kafka → account-service plans it → db-scheduler, woken when the plan commits → SMTP"));
    }

    /** Polls every BENCH_EVENT_POLL_MS until the check holds; nanoseconds from {@code since} to its 2xx, or -1 after 30 s. */
    private long pollUntil(long since, java.util.concurrent.Callable<Boolean> check) throws Exception {
        long deadline = since + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            long attempt = System.nanoTime();
            if (check.call()) {
                return System.nanoTime() - since;
            }
            long wait = attempt + pollNanos - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        return -1;
    }

    private UserToken benchUser(KeycloakAdmin keycloakAdmin, OidcBrowserlessLogin login, String name, String... roles) {
        String email = "bench-" + name + "-" + runId + "@securebase.test";
        String password = "Bench-" + randomLetters(20);
        keycloakAdmin.createUser(email, "Bench", name.replace('-', ' '), password, roles);
        return new UserToken(login, email, password);
    }

    /** GET /api/accounts/me: account-service adopts a user created in Keycloak on their first call. */
    private String me(UserToken user) {
        return Http.expect2xx(Http.json("GET", api + "/accounts/me", user::get, null)).path("id").asString();
    }

    private void assignCaseload(String forClient, String therapistId) {
        Http.expect2xx(Http.json("PUT", api + "/accounts/" + forClient + "/therapist", admin::get,
                "{\"therapistId\":\"" + therapistId + "\"}"));
    }

    private static String randomLetters(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return s.toString();
    }

    // ------------------------------------------------------------------------------------------ growth

    /**
     * A therapist's caseload (account-service's list and journal-service's adherence, which the caseload page shows)
     * and a client's journal list, each of a fixed size made through the API, measured with the tables holding
     * 10^3 … 10^6 other people's rows (see Filler).
     */
    private void measureGrowth(StackConfig config) throws Exception {
        if (growthSizes.isEmpty()) {
            return;
        }
        log("growth: a therapist with " + growthOwnRows + " clients (invited through the API), a client with "
                + growthOwnRows + " journal entries");
        KeycloakAdmin keycloakAdmin = KeycloakAdmin.of(stack.keycloak());
        OidcBrowserlessLogin login = OidcBrowserlessLogin.portal(stack.keycloak(), stack.publicUrl(),
                secret(config.dataDirectory(), "keycloak.portal.secret"));
        UserToken gTherapist = benchUser(keycloakAdmin, login, "growth-therapist", "therapist", "mfa-exempt");
        UserToken gClient = benchUser(keycloakAdmin, login, "growth-client", "client");
        String gTherapistId = me(gTherapist);
        String gClientId = me(gClient);
        assignCaseload(gClientId, gTherapistId);
        List<String> clientIds = new ArrayList<>(List.of(gClientId));
        for (int i = 1; i < growthOwnRows; i++) {
            String body = "{\"email\":\"bench-growth-" + runId + "-" + i + "@securebase.test\",\"firstName\":\"Bench\","
                    + "\"lastName\":\"Client " + randomLetters(6) + "\",\"role\":\"client\"}";
            String id = Http.expect2xx(Http.json("POST", api + "/accounts", admin::get, body)).path("id").asString();
            assignCaseload(id, gTherapistId);
            clientIds.add(id);
        }
        // One homework each, so the adherence summary has something to count for every client.
        for (String id : clientIds) {
            createAssignment(gTherapist, id, seedArticleId, Duration.ofMinutes(1));
        }
        String text = Http.quote("Tonight I noticed that I wanted to withdraw after the call, and instead I stayed with "
                + "the feeling for a while and wrote it down. It passed more quickly than I expected.");
        for (int i = 0; i < growthOwnRows; i++) {
            Http.expect2xx(Http.json("POST", api + "/journal/entries", gClient::get,
                    "{\"title\":\"Evening " + i + "\",\"body\":" + text + ",\"mood\":" + (1 + i % 5) + "}"));
        }
        int caseloadSize = Http.JSON.readTree(Http.send(Http.json("GET", api + "/accounts/caseload", gTherapist::get, null)).body()).size();
        if (caseloadSize != growthOwnRows) {
            throw new IllegalStateException("the growth therapist's caseload has " + caseloadSize + " clients, not " + growthOwnRows);
        }

        int port = postgresPort(config);
        String journalPassword = secret(config.dataDirectory(), "db.journal.password");
        int[] lengths;
        try (java.sql.Connection journal = java.sql.DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port + "/journal", "journal", journalPassword);
             java.sql.PreparedStatement query = journal.prepareStatement(
                     "select octet_length(content) from journal_entry where client_id = ?")) {
            query.setObject(1, java.util.UUID.fromString(gClientId));
            List<Integer> found = new ArrayList<>();
            try (java.sql.ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getInt(1));
                }
            }
            lengths = found.stream().mapToInt(Integer::intValue).toArray();
        }
        JsonNode article = Http.expect2xx(Http.json("GET", api + "/content/articles/" + SEED_ARTICLE, therapist::get, null));
        Filler filler = new Filler(port, secret(config.dataDirectory(), "db.account.password"), journalPassword,
                java.util.UUID.fromString(seedArticleId), SEED_ARTICLE, article.path("title").asString(), lengths);
        log("growth: real entry ciphertext is " + Arrays.stream(lengths).min().orElse(0) + "–"
                + Arrays.stream(lengths).max().orElse(0) + " bytes");

        for (int rows : growthSizes) {
            log("growth: filling the tables to " + rows + " rows of other people's");
            Duration took = filler.growTo(rows);
            log(String.format(Locale.ROOT, "  loaded and analysed in %.1f s", took.toMillis() / 1000.0));
            List<ClosedLoop.Result> results = new ArrayList<>();
            String suffix = " @" + rows + " rows";
            results.add(growthLoad("caseload list GET /api/accounts/caseload" + suffix, (w, seq) ->
                    Http.CLIENT.send(Http.json("GET", api + "/accounts/caseload", gTherapist::get, null),
                            HttpResponse.BodyHandlers.discarding()).statusCode()));
            results.add(growthLoad("caseload adherence GET /api/journal/adherence" + suffix, (w, seq) ->
                    Http.CLIENT.send(Http.json("GET", api + "/journal/adherence?limit=100", gTherapist::get, null),
                            HttpResponse.BodyHandlers.discarding()).statusCode()));
            results.add(growthLoad("journal list GET /api/journal/entries" + suffix, (w, seq) ->
                    Http.CLIENT.send(Http.json("GET", api + "/journal/entries?limit=" + Math.min(100, growthOwnRows), gClient::get, null),
                            HttpResponse.BodyHandlers.discarding()).statusCode()));
            growth.add(new GrowthStep(rows, took, results));
        }
    }

    private ClosedLoop.Result growthLoad(String name, ClosedLoop.Call call) throws InterruptedException {
        load(name, growthConnections, call);
        return loads.remove(loads.size() - 1);
    }

    /** The embedded server's port: its postmaster.pid (fourth line) says, whatever port the stack chose. */
    private static int postgresPort(StackConfig config) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(config.dataDirectory().resolve("postgres"), 3)) {
            Path pid = files.filter(f -> f.getFileName().toString().equals("postmaster.pid")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no postmaster.pid under " + config.dataDirectory()));
            return Integer.parseInt(Files.readAllLines(pid).get(3).trim());
        }
    }

    // ------------------------------------------------------------------------------------------ portal

    private void measurePortal() throws Exception {
        if (portalSessions.isEmpty()) {
            return;
        }
        int most = portalSessions.stream().mapToInt(Integer::intValue).max().orElse(0);
        log("logging in " + most + " client and " + most + " therapist portal sessions");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<PortalSession> clients;
        List<PortalSession> therapists;
        try {
            Future<List<PortalSession>> c = pool.submit(() -> loginSessions("client@securebase.test", most));
            Future<List<PortalSession>> t = pool.submit(() -> loginSessions("therapist@securebase.test", most));
            clients = c.get();
            therapists = t.get();
        } finally {
            pool.shutdownNow();
        }
        // Without a pause the sessions measure the stack's capacity (every session always has a page in flight);
        // with one they behave like people, who read a page before opening the next.
        List<Duration> thinkTimes = portalThinkTime.isZero() ? List.of(Duration.ZERO) : List.of(Duration.ZERO, portalThinkTime);
        for (Duration think : thinkTimes) {
            String pace = think.isZero() ? " (no pause)" : " (" + think.toMillis() + " ms mean pause)";
            for (int s : portalSessions) {
                load(ASSIGNMENT_PAGE + pace, s, think, (w, seq) ->
                        clients.get(w).page("/assignments/" + assignmentIds.get(w % assignmentIds.size())));
                load(THERAPIST_HOME + pace, s, think, (w, seq) -> therapists.get(w).page("/"));
            }
        }
    }

    /**
     * One login at a time per person, at least 1.5 s apart: Keycloak's brute-force protection (on in the realm,
     * quick-login check 1 s) temporarily disables a user whose logins come in parallel or in quick succession.
     */
    private List<PortalSession> loginSessions(String email, int count) throws Exception {
        List<PortalSession> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long began = System.nanoTime();
            sessions.add(PortalSession.login(stack.publicUrl(), email, stack.demoPassword()));
            long rest = 1_500 - (System.nanoTime() - began) / 1_000_000;
            if (rest > 0) {
                Thread.sleep(rest);
            }
        }
        return sessions;
    }

    // ------------------------------------------------------------------------------------------ report

    private String report(String started, double stackSeconds, String loadBeforeStart, String loadBefore, String loadAfter,
                          Map<String, Double> rssAfterApi, Map<String, Double> rss) {
        StringBuilder r = new StringBuilder();
        r.append("Run ").append(started).append(", `benchmarks/platform-bench.sh`: ")
                .append(String.format(Locale.ROOT, "%d s warm-up + %d s measured per case, closed loop%s; %d events of each kind, polled every %d ms; %d assignments written to; ",
                        warmup.toSeconds(), measured.toSeconds(), portalThinkTime.isZero() ? ""
                                : " (portal pages also with a pause between a session's pages, exponential with mean " + portalThinkTime.toMillis() + " ms)",
                        events, pollNanos / 1_000_000, assignmentIds.size()))
                .append("gateway rate limits: user ").append(env("SECUREBASE_RATE_LIMITS_USER_REQUESTS", "600 (default)"))
                .append(", anonymous ").append(env("SECUREBASE_RATE_LIMITS_ANONYMOUS_REQUESTS", "600 (default)"))
                .append(" per minute, invitations ").append(env("SECUREBASE_RATE_LIMITS_INVITATIONS_REQUESTS", "20 (default)"))
                .append(" per hour.\n\n");
        r.append("Machine: ").append(machine()).append(". Service JVM options: `")
                .append(String.join(" ", stack.config().serviceJavaOptions())).append("`.\n\n");
        r.append("Load average (1/5/15 min): before the stack started ").append(loadBeforeStart)
                .append("; before measuring ").append(loadBefore).append("; after ").append(loadAfter).append(".\n\n");

        r.append("| measurement | connections / sessions | requests/s | p50 ms | p95 ms | p99 ms | errors | stack core-ms per request |\n");
        r.append("|---|---|---|---|---|---|---|---|\n");
        for (ClosedLoop.Result l : loads) {
            r.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.1f | %.1f | %d%s | %s |\n", l.name(), l.connections(),
                    l.throughput(), l.latency().p50(), l.latency().p95(), l.latency().p99(), l.errors(),
                    l.firstError() == null ? "" : " (" + l.firstError() + ")", coreMillis(l)));
        }
        r.append("\nStack core-ms per request: CPU time of the five services, Keycloak and PostgreSQL during the measured "
                + "period (/proc/<pid>/stat) divided by the successful requests in it. It stays comparable when the machine "
                + "is shared, as long as the machine is not saturated by others. The bench JVM (load generator, in-process Kafka "
                + "and mail server) is not in it; its cores are listed under \"CPU during each measured period\".\n");
        if (portalFailure != null) {
            r.append("\nPortal pages not measured: ").append(portalFailure).append('\n');
        }
        r.append("\n| event propagation | events | p50 ms | p99 ms | max ms | not seen in 30 s | path |\n");
        r.append("|---|---|---|---|---|---|---|\n");
        eventResults.forEach((name, e) -> r.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %d | %s |\n",
                name, e.latency().count(), e.latency().p50(), e.latency().p99(), e.latency().max(), e.timeouts(), e.note())));

        growthReport(r);

        r.append("\n| process | own start-up s (JVM launch → Spring Boot started) | of which Spring context s | launch → ready s (launcher) | RSS MiB after API load | RSS MiB after portal load | PSS MiB after portal load |\n|---|---|---|---|---|---|---|\n");
        Map<String, Duration> startup = stack.startupTimes();
        double servicesSum = 0;
        double allSum = 0;
        double ownStartSum = 0;
        for (String group : rss.keySet()) {
            Duration d = startup.get(group);
            double[] own = stack.servicePids().containsKey(group) ? springStarted(stack.config().dataDirectory(), group) : null;
            if (own != null) {
                ownStartSum += own[1];
            }
            r.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.0f | %.0f | %.0f |\n", group,
                    own == null ? "" : String.format(Locale.ROOT, "%.1f", own[1]),
                    own == null ? "" : String.format(Locale.ROOT, "%.1f", own[0]),
                    d == null ? "" : String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0), rssAfterApi.getOrDefault(group, 0.0), rss.get(group),
                    pssAfterPortal.getOrDefault(group, 0.0)));
            allSum += rss.get(group);
            if (stack.servicePids().containsKey(group)) {
                servicesSum += rss.get(group);
            }
        }
        r.append(String.format(Locale.ROOT, "| **five services** | %.1f (sum; they start in parallel) | | | %.0f | **%.0f** | **%.0f** |\n",
                ownStartSum, stack.servicePids().keySet().stream().mapToDouble(k -> rssAfterApi.getOrDefault(k, 0.0)).sum(), servicesSum,
                stack.servicePids().keySet().stream().mapToDouble(k -> pssAfterPortal.getOrDefault(k, 0.0)).sum()));
        r.append(String.format(Locale.ROOT, "| **everything** | stack up in %.0f s | | | %.0f | **%.0f** | **%.0f** |\n", stackSeconds,
                rssAfterApi.values().stream().mapToDouble(Double::doubleValue).sum(), allSum, totalPss()));
        r.append("\nOwn start-up is from each service's log (Spring Boot's \"Started … in N seconds (process running for M)\"): "
                + "M, the JVM's launch to the application being started, and N, the Spring context alone; it does not wait for "
                + "Keycloak. \"Launch → ready\" is the launcher's, which polls readiness only once Keycloak is up. All five start "
                + "at the same time as Keycloak on the same two cores. PostgreSQL's RSS is summed over its processes and counts "
                + "shared buffers more than once; PSS (/proc/<pid>/smaps_rollup) counts a page shared by n processes 1/n in each, so "
                + "its total is what the stack occupies. Both are taken after the portal part, before the growth part loads "
                + "millions of rows. The bench JVM's figures include the in-process Kafka broker and mail server.\n");
        if (profiler != null) {
            r.append("\nJFR recordings (settings=profile, writes + events + portal): ");
            profiler.files().forEach((service, file) -> r.append('`').append(file).append("` "));
            r.append('\n');
        }

        r.append("\nCPU during each measured period (cores; /proc/<pid>/stat):\n\n");
        cpuByCase.forEach((name, cpu) -> r.append("- ").append(name).append(": ").append(cpu.describe()).append('\n'));

        r.append("\nAgainst the targets in docs/benchmarks.md:\n\n");
        for (ClosedLoop.Result l : loads) {
            if (l.name().startsWith("answer autosave PUT (gateway)")) {
                r.append(String.format(Locale.ROOT, "- autosave ≥ 500/s through the gateway: %.0f/s at %d connections — %s\n",
                        l.throughput(), l.connections(), l.throughput() >= 500 ? "met" : "not met"));
            }
            if (l.name().startsWith(ASSIGNMENT_PAGE) && l.connections() == 50) {
                r.append(String.format(Locale.ROOT, "- assignment page p95 < 100 ms at 50 sessions%s: %.1f ms — %s\n",
                        l.name().substring(ASSIGNMENT_PAGE.length()), l.latency().p95(), l.latency().p95() < 100 && l.errors() == 0 ? "met" : "not met"));
            }
        }
        eventResults.forEach((name, e) -> {
            // A mail has its own target: the notifications' 10 s.
            boolean mail = "notification".equals(e.name());
            long target = mail ? 10_000 : 250;
            r.append(String.format(Locale.ROOT, "- %s p99 < %,d ms, %s: %.1f ms — %s\n",
                    mail ? "new-homework mail" : "event propagation", target, name,
                    e.latency().p99(), e.latency().p99() < target && e.timeouts() == 0 ? "met" : "not met"));
        });
        for (GrowthRatio g : growthRatios()) {
            r.append(String.format(Locale.ROOT, "- growth p95 at %,d rows ≤ 1.5 × at %,d, %s: %.2f × (%.1f vs %.1f ms) — %s\n",
                    g.largestRows(), g.smallestRows(), g.list(), g.p95Ratio(), g.largest().latency().p95(),
                    g.smallest().latency().p95(), g.met() ? "met" : "not met"));
        }
        for (ClosedLoop.Result l : loads) {
            // The per-page targets are for pages without a pause: with pauses the stack's idle work (polling,
            // housekeeping) is shared among fewer pages.
            boolean noPause = l.name().endsWith("(no pause)");
            double target = noPause && l.name().startsWith(ASSIGNMENT_PAGE) ? 10 : noPause && l.name().startsWith(THERAPIST_HOME) ? 7
                    : l.name().startsWith("answer autosave PUT (gateway)") ? 3 : Double.NaN;
            CaseCpu cpu = cpuOf(l);
            if (!Double.isNaN(target) && cpu != null) {
                double perRequest = cpu.stackCoreMillisPer(l.throughput());
                r.append(String.format(Locale.ROOT, "- %s at %d, stack CPU ≤ %.0f core-ms per request: %.1f — %s\n", l.name(),
                        l.connections(), target, perRequest, perRequest <= target ? "met" : "not met"));
            }
        }
        for (String service : stack.servicePids().keySet()) {
            double m = rss.get(service);
            r.append(String.format(Locale.ROOT, "- %s < 250 MiB RSS: %.0f MiB — %s\n", service, m, m < 250 ? "met" : "not met"));
        }
        if (!pssAfterPortal.isEmpty()) {
            r.append(String.format(Locale.ROOT, "- whole stack PSS < 3 GiB (every process, the bench JVM included): %.0f MiB — %s\n",
                    totalPss(), totalPss() < 3072 ? "met" : "not met"));
        }
        return r.toString();
    }

    private double totalPss() {
        return pssAfterPortal.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static String caseKey(String name, int connections) {
        return name + " @" + connections;
    }

    /** The CPU sampled during a load's measured period, or null if the sampler did not finish. */
    private CaseCpu cpuOf(ClosedLoop.Result load) {
        return cpuByCase.get(caseKey(load.name(), load.connections()));
    }

    private String coreMillis(ClosedLoop.Result load) {
        CaseCpu cpu = cpuOf(load);
        return cpu == null ? "" : String.format(Locale.ROOT, "%.1f", cpu.stackCoreMillisPer(load.throughput()));
    }

    private void growthReport(StringBuilder r) {
        if (growth.isEmpty() && growthFailure == null) {
            return;
        }
        r.append(String.format(Locale.ROOT, "\nGrowth: the measured therapist's caseload and client's journal have %d rows each "
                + "(made through the API); the tables around them hold the given number of other people's rows (COPYed into the "
                + "services' databases, then VACUUM ANALYZE). %d connections through the gateway.%n%n", growthOwnRows, growthConnections));
        if (growthFailure != null) {
            r.append("Growth not (fully) measured: ").append(growthFailure).append("\n\n");
        }
        if (growth.isEmpty()) {
            return;
        }
        r.append("| list | rows in the tables | load s | requests/s | p50 ms | p95 ms | p99 ms | errors |\n|---|---|---|---|---|---|---|---|\n");
        int lists = growth.get(0).results().size();
        for (int k = 0; k < lists; k++) {
            for (GrowthStep step : growth) {
                ClosedLoop.Result l = step.results().get(k);
                r.append(String.format(Locale.ROOT, "| %s | %,d | %.0f | %.0f | %.1f | %.1f | %.1f | %d%s |\n",
                        listName(l), step.rows(), step.loadTime().toMillis() / 1000.0,
                        l.throughput(), l.latency().p50(), l.latency().p95(), l.latency().p99(), l.errors(),
                        l.firstError() == null ? "" : " (" + l.firstError() + ")"));
            }
        }
        List<GrowthRatio> ratios = growthRatios();
        if (!ratios.isEmpty()) {
            r.append('\n');
        }
        for (GrowthRatio g : ratios) {
            r.append(String.format(Locale.ROOT, "- %s: p95 at %,d rows / at %,d rows = **%.2f** (p50 %.2f, requests/s %.2f) — %s\n",
                    g.list(), g.largestRows(), g.smallestRows(), g.p95Ratio(),
                    g.largest().latency().p50() / g.smallest().latency().p50(),
                    g.largest().throughput() / g.smallest().throughput(), g.met() ? "within 1.5×" : "not within 1.5×"));
        }
    }

    /** One list measured with the fewest and with the most rows in the tables. */
    record GrowthRatio(String list, int smallestRows, ClosedLoop.Result smallest, int largestRows,
                       ClosedLoop.Result largest) {

        double p95Ratio() {
            return largest.latency().p95() / smallest.latency().p95();
        }

        boolean met() {
            return p95Ratio() <= 1.5 && largest.errors() == 0;
        }
    }

    private List<GrowthRatio> growthRatios() {
        if (growth.size() < 2) {
            return List.of();
        }
        GrowthStep first = growth.get(0);
        GrowthStep last = growth.get(growth.size() - 1);
        List<GrowthRatio> ratios = new ArrayList<>();
        for (int k = 0; k < first.results().size(); k++) {
            ClosedLoop.Result smallest = first.results().get(k);
            ratios.add(new GrowthRatio(listName(smallest), first.rows(), smallest, last.rows(), last.results().get(k)));
        }
        return ratios;
    }

    /** A growth measurement's name without its " @N rows" suffix. */
    private static String listName(ClosedLoop.Result result) {
        return result.name().substring(0, result.name().indexOf(" @"));
    }

    /** {Spring context seconds, JVM running seconds} from the service's log, or null if the line is not there. */
    private static double[] springStarted(Path dataDirectory, String service) {
        java.util.regex.Pattern started = java.util.regex.Pattern.compile(
                "Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");
        try (java.util.stream.Stream<String> lines = Files.lines(dataDirectory.resolve("logs").resolve(service + ".log"))) {
            return lines.map(started::matcher).filter(java.util.regex.Matcher::find).findFirst()
                    .map(m -> new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))}).orElse(null);
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
    }

    private static String machine() {
        String model = "?";
        int cores = Runtime.getRuntime().availableProcessors();
        String memory = "?";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    model = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memory = String.format(Locale.ROOT, "%.1f GiB RAM", Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0);
                }
            }
        } catch (IOException ignored) {
            // reported as ?
        }
        return cores + " cores (" + model + "), " + memory + ", JDK " + Runtime.version() + " ("
                + System.getProperty("java.vendor") + "), the same JDK for the stack and the load generator";
    }

    private static final String BEGIN = "<!-- platform-bench:begin (written by benchmarks/platform-bench.sh; do not edit by hand) -->";
    private static final String END = "<!-- platform-bench:end -->";

    /** Replaces the generated block of the "Platform" section, appending the section if there is none. */
    private void writeDocs(String report) throws IOException {
        String text = Files.exists(docs) ? Files.readString(docs) : "# Benchmarks\n";
        String block = BEGIN + "\n" + report.trim() + "\n" + END;
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin >= 0 && end > begin) {
            text = text.substring(0, begin) + block + text.substring(end + END.length());
        } else {
            text = text.replaceAll("\\s+$", "") + "\n\n## Platform\n\n**Results.**\n\n" + block + "\n";
        }
        Files.writeString(docs, text);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static void log(String message) {
        System.out.println(DateTimeFormatter.ofPattern("HH:mm:ss").format(Instant.now().atZone(ZoneOffset.UTC)) + " [bench] " + message);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static Duration duration(String name, String fallback) {
        String value = env(name, fallback).toLowerCase(Locale.ROOT);
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        if (value.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(value.endsWith("s") ? value.substring(0, value.length() - 1) : value));
    }

    private static List<Integer> ints(String name, String fallback) {
        return Arrays.stream(env(name, fallback).split("[,\\s]+")).filter(s -> !s.isBlank() && !s.equals("none")).map(Integer::parseInt).toList();
    }
}
