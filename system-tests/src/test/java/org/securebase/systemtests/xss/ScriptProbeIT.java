package org.securebase.systemtests.xss;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.securebase.systemtests.Browser;

/**
 * The positive control of {@link StoredXssIT}: pages that do run script, served by a tiny local server, must each
 * leave the finding the suite relies on. Were the hook not installed, or a finding lost on a navigation, the suite's
 * zero would mean nothing; this test fails then.
 */
class ScriptProbeIT {

    /** Each page the probe is shown, with the CSP header it is served with (empty: none). */
    private static final Map<String, Page> PAGES = Map.of(
            "/inline", new Page("", "<script>__xss('inline-script')</script>"),
            "/alert", new Page("", "<script>alert('alert-call')</script>"),
            "/handler", new Page("", "<img src=\"/missing.png\" onerror=\"__xss('error-handler')\">"),
            "/link", new Page("", "<div id=\"main\"><a href=\"javascript:__xss('javascript-link')\">read</a></div>"),
            "/blocked", new Page("script-src 'self'", "<script>__xss('must-not-run')</script>"),
            "/leaves", new Page("", "<script>__xss('before-navigation'); location.replace('/clean');</script>"),
            "/clean", new Page("script-src 'self'", "<div id=\"main\"><p>Nothing here runs.</p>"
                    + "<a href=\"https://example.org/\">a web link</a></div>"));

    private record Page(String contentSecurityPolicy, String body) {
    }

    private static HttpServer server;
    private static String base;
    private WebDriver driver;
    private ScriptProbe probe;

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Page page = PAGES.get(exchange.getRequestURI().getPath());
            byte[] html = page == null ? new byte[0]
                    : ("<!doctype html><html><head><title>probe</title></head><body>" + page.body() + "</body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            if (page != null && !page.contentSecurityPolicy().isEmpty()) {
                exchange.getResponseHeaders().set("Content-Security-Policy", page.contentSecurityPolicy());
            }
            exchange.sendResponseHeaders(page == null ? 404 : 200, html.length == 0 ? -1 : html.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(html);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stopServing() {
        server.stop(0);
    }

    @BeforeEach
    void openBrowser() {
        driver = Browser.open();
        probe = ScriptProbe.install(driver);
    }

    @AfterEach
    void closeBrowser() {
        driver.quit();
    }

    @Test
    void everyWayOfRunningScriptLeavesAFinding() {
        visit("/inline");
        visit("/alert");
        visit("/handler");
        visit("/link");

        assertThat(probe.findings())
                .anyMatch(f -> f.startsWith("execution: inline-script"))
                .anyMatch(f -> f.startsWith("alert: alert-call"))
                .anyMatch(f -> f.startsWith("execution: error-handler"))
                .anyMatch(f -> f.startsWith("dom: img has handler onerror"))
                .anyMatch(f -> f.startsWith("dom: link with scheme javascript:"))
                .anyMatch(f -> f.startsWith("execution: javascript-link"));
        assertThat(probe.executions()).isEqualTo(4);
        assertThat(probe.linksActivated()).isEqualTo(1);
    }

    @Test
    void aScriptTheContentSecurityPolicyBlocksIsAViolationNotAnExecution() {
        visit("/blocked");

        assertThat(probe.cspViolations()).isEqualTo(1);
        assertThat(probe.executions()).isZero();
    }

    @Test
    void aFindingMadeJustBeforeANavigationIsStillCollectedOnTheNextPage() {
        driver.get(base + "/leaves");
        assertThat(driver.getCurrentUrl()).endsWith("/clean");
        probe.inspect("/clean");

        assertThat(probe.findings()).singleElement().asString().startsWith("execution: before-navigation");
    }

    @Test
    void aPageThatRunsNothingLeavesNoFinding() {
        visit("/clean");

        assertThat(probe.findings()).isEmpty();
        assertThat(probe.linksActivated()).isEqualTo(1);
    }

    private void visit(String path) {
        driver.get(base + path);
        probe.inspect(path);
    }
}
