package org.securebase.systemtests.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.securebase.localstack.SecureBaseStack;
import org.securebase.systemtests.Browser;
import org.securebase.systemtests.RunningStack;
import org.securebase.systemtests.StackClock;
import org.securebase.systemtests.TraceReceiver;
import org.securebase.systemtests.TraceReceiver.ReceivedSpan;
import org.securebase.systemtests.WrittenTexts;
import org.securebase.systemtests.authorization.ApiService;
import org.securebase.systemtests.authorization.Http;
import org.securebase.systemtests.authorization.StackAccess;

/**
 * One homework, followed as an operator would in a tracing backend. Every service of the shared stack exports its
 * spans over OTLP/HTTP to a real receiver ({@link TraceReceiver}). A client types an answer in Chromium (autosave) and
 * hands the homework in. The hand-in is one trace: the gateway's span for the browser's request is its root, the
 * portal's span, the portal's API call straight to journal-service, journal-service's span, and account-service's span for
 * the AssignmentSubmitted record it consumed (through the outbox and Kafka, the record's {@code traceparent} header)
 * all hang together, each span's parent in the same trace. The autosave is a trace through the gateway, the portal and
 * journal-service alike. Neither the answer nor the question appears in any span any process exported.
 */
@ExtendWith(RunningStack.class)
class TracingIT {

    private static final Duration EXPORTED = Duration.ofSeconds(60);

    private final Http http = new Http();
    private WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void oneHandInIsOneTraceFromTheGatewayToTheConsumerOfItsEvent() {
        SecureBaseStack stack = RunningStack.get();
        TraceReceiver traces = RunningStack.traces();
        StackAccess access = StackAccess.of(stack);
        String run = StackAccess.runMark();
        String clientEmail = "tracy.traced." + run + "@example.org";
        UUID therapistId = access.newPerson("theo.tracer." + run + "@example.org", "Theo", "Tracer" + run, "therapist");
        UUID clientId = access.newPerson(clientEmail, "Tracy", "Traced" + run, "client");
        access.putOnCaseload(clientId, therapistId);
        String therapist = access.portal().login("theo.tracer." + run + "@example.org", stack.demoPassword()).accessToken();

        String canary = "Breadcrumb" + run;
        String question = "Where did " + canary + " lead you this week?";
        String answer = "To the kitchen table, " + canary + ", with my brother.";
        WrittenTexts.wrote(canary, question, answer);
        UUID assignment = assign(access, therapist, clientId, question);

        browser = Browser.open();
        browser.get(stack.publicUrl() + "/");
        Browser.logIn(browser, clientEmail, stack.demoPassword());
        browser.get(stack.publicUrl() + "/assignments/" + assignment);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        WebElement text = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#homework-form textarea")));
        text.sendKeys(answer);
        wait.until(ExpectedConditions.textToBePresentInElement(text.findElement(
                By.xpath("ancestor::div[contains(@class,'prompt')]//p[contains(@class,'save-state')]")), "Saved"));
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "submitted"));
        Instant handedIn = Instant.now();

        // The hand-in: journal-service's span for POST .../submit, and the whole trace around it.
        ReceivedSpan submit = awaitSpan(traces, "journal-service's span for the hand-in", span ->
                span.service().equals("journal-service") && span.kind().equals("SPAN_KIND_SERVER")
                        && mentions(span, "/api/journal/assignments/" + assignment + "/submit"));
        List<ReceivedSpan> trace = await("the hand-in's trace, from the gateway to account-service's consumer")
                .atMost(EXPORTED).pollInterval(Duration.ofMillis(500))
                .until(() -> traces.trace(submit.traceId()), spans -> consumed(spans) && connected(spans));
        System.out.printf("tracing hand-in-trace spans=%d services=%s consumer-span-after=%d ms received=%d%n",
                trace.size(), services(trace), Duration.between(handedIn, Instant.now()).toMillis(),
                traces.spans(span -> true).size());

        assertThat(services(trace)).contains("api-gateway", "client-portal", "journal-service", "account-service");
        List<ReceivedSpan> roots = trace.stream().filter(span -> isRoot(span)).toList();
        assertThat(roots).as("one root: the gateway's span for the browser's request").singleElement()
                .satisfies(root -> {
                    assertThat(root.service()).isEqualTo("api-gateway");
                    assertThat(root.kind()).isEqualTo("SPAN_KIND_SERVER");
                });
        assertThat(trace).as("the portal's span for the browser's form")
                .anyMatch(span -> span.service().equals("client-portal") && span.kind().equals("SPAN_KIND_SERVER")
                        && mentions(span, "/assignments/" + assignment + "/answers"));
        assertThat(trace.stream().filter(span -> span.service().equals("api-gateway") && span.kind().equals("SPAN_KIND_SERVER")))
                .as("the gateway once, for the browser's request: the portal calls journal-service itself").hasSize(1);
        List<ReceivedSpan> journalRequests = trace.stream()
                .filter(span -> span.service().equals("journal-service") && span.kind().equals("SPAN_KIND_SERVER")).toList();
        assertThat(journalRequests).as("journal-service's requests in the hand-in").isNotEmpty()
                .allSatisfy(request -> assertThat(spanIn(trace, request.parentSpanId()))
                        .as("the parent of journal-service's request: the portal's API call")
                        .hasValueSatisfying(parent -> assertThat(parent.service()).isEqualTo("client-portal")));
        ReceivedSpan consumer = trace.stream().filter(TracingIT::isConsumer).findFirst().orElseThrow();
        assertThat(spanIn(trace, consumer.parentSpanId())).as("the consumer's parent: the span that published the event")
                .hasValueSatisfying(parent -> assertThat(parent.service()).isEqualTo("journal-service"));

        // The autosave: one trace through the gateway, the portal and journal-service.
        ReceivedSpan save = awaitSpan(traces, "journal-service's span for the autosave", span ->
                span.service().equals("journal-service") && span.kind().equals("SPAN_KIND_SERVER")
                        && mentions(span, "/api/journal/assignments/" + assignment + "/answers/"));
        List<ReceivedSpan> autosave = await("the autosave's trace").atMost(EXPORTED).pollInterval(Duration.ofMillis(500))
                .until(() -> traces.trace(save.traceId()), spans -> connected(spans)
                        && services(spans).containsAll(Set.of("api-gateway", "client-portal", "journal-service")));
        assertThat(autosave.stream().filter(TracingIT::isRoot)).singleElement()
                .satisfies(root -> assertThat(root.service()).isEqualTo("api-gateway"));

        // Nothing the client or the therapist wrote, in any span of any process.
        List<ReceivedSpan> all = traces.spans(span -> true);
        List<String> findings = all.stream()
                .filter(span -> span.text().contains(canary) || span.text().contains("kitchen table")
                        || span.text().contains("with my brother"))
                .map(span -> span.service() + ": " + span.name())
                .toList();
        System.out.printf("tracing written-text-scan spans=%d findings=%d%n", all.size(), findings.size());
        assertThat(findings).as("written text in exported spans").isEmpty();
    }

    private UUID assign(StackAccess access, String therapist, UUID clientId, String question) {
        Map<String, Object> body = Map.of("clientId", clientId,
                "articleId", http.get(access.serviceUrl(ApiService.CONTENT) + "/api/content/articles/attachment-and-healing",
                        therapist).expect(200).json().path("id").asString(),
                "prompts", List.of(Map.of("kind", "TEXT", "question", question)),
                "dueAt", StackClock.journalNow().plus(Duration.ofDays(3)).toString());
        return UUID.fromString(Http.awaitStatus("the client's caseload reaches journal-service", 201, Duration.ofSeconds(90),
                () -> http.send("POST", access.serviceUrl(ApiService.JOURNAL) + "/api/journal/assignments", therapist,
                        body, Map.of())).json().path("id").asString());
    }

    private static ReceivedSpan awaitSpan(TraceReceiver traces, String what, java.util.function.Predicate<ReceivedSpan> wanted) {
        return await(what).atMost(EXPORTED).pollInterval(Duration.ofMillis(500))
                .until(() -> traces.spans(wanted).stream().findFirst(), Optional::isPresent).orElseThrow();
    }

    private static boolean mentions(ReceivedSpan span, String path) {
        return span.attributes().values().stream().anyMatch(value -> value.contains(path));
    }

    private static boolean consumed(List<ReceivedSpan> trace) {
        return trace.stream().anyMatch(TracingIT::isConsumer);
    }

    private static boolean isConsumer(ReceivedSpan span) {
        return span.service().equals("account-service") && span.kind().equals("SPAN_KIND_CONSUMER");
    }

    private static boolean isRoot(ReceivedSpan span) {
        return span.parentSpanId().isEmpty();
    }

    /** Every span's parent is in the trace, but for exactly one root. */
    private static boolean connected(List<ReceivedSpan> trace) {
        Set<String> ids = trace.stream().map(ReceivedSpan::spanId).collect(Collectors.toSet());
        return trace.stream().filter(TracingIT::isRoot).count() == 1
                && trace.stream().filter(span -> !isRoot(span)).allMatch(span -> ids.contains(span.parentSpanId()));
    }

    private static Optional<ReceivedSpan> spanIn(List<ReceivedSpan> trace, String spanId) {
        return trace.stream().filter(span -> span.spanId().equals(spanId)).findFirst();
    }

    private static Set<String> services(List<ReceivedSpan> trace) {
        return trace.stream().map(ReceivedSpan::service).collect(Collectors.toCollection(TreeSet::new));
    }
}
