package org.securebase.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.securebase.localstack.DemoStory;
import org.securebase.localstack.SecureBaseStack;
import org.securebase.systemtests.authorization.ApiService;
import org.securebase.systemtests.authorization.Http;
import org.securebase.systemtests.authorization.StackAccess;

/**
 * Every page of every role, lived in (the demo story told to a therapist and a client of this suite's own), at a
 * desktop's 1280 px and a small phone's 320 px (WCAG 2.2 reflow): no serious or critical axe violation, no sideways
 * scrolling, and every page's "Log out" within the screen. The table of pages and widths goes to the test's output,
 * and the failure names every page that fails, not just the first.
 */
@ExtendWith(RunningStack.class)
class EveryPageAtTwoWidthsIT {

    private static final int[] WIDTHS = {1280, 320};

    private final SignedInBrowsers browsers = new SignedInBrowsers();
    /** "role page" → width → "n violations, m px". */
    private final Map<String, Map<Integer, String>> table = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        browsers.closeAll();
    }

    @Test
    void everyPageOfEveryRolePassesAxeAndReflowsAt320Pixels() {
        SecureBaseStack stack = RunningStack.get();
        StackAccess access = StackAccess.of(stack);
        WrittenTexts.wrote(DemoStory.clinicalTexts().toArray(String[]::new));
        String mark = StackAccess.runMark();
        String therapist = "tara.widths." + mark + "@example.org";
        String client = "cleo.widths." + mark + "@example.org";
        access.newPerson(therapist, "Tara", "Widths" + mark, "therapist");
        access.newPerson(client, "Cleo", "Widths" + mark, "client");
        DemoStory.Services services = new DemoStory.Services(access.serviceUrl(ApiService.ACCOUNTS),
                access.serviceUrl(ApiService.CONTENT), access.serviceUrl(ApiService.JOURNAL));
        Clock journalClock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), StackClock.journalNow()));
        DemoStory.Outcome story = DemoStory.tell(access.portal(), access.demoPassword(), services,
                new DemoStory.Cast("admin@securebase.test", therapist, client), journalClock);
        assertThat(story.told()).isTrue();
        Lived lived = questionnaireAndProgram(access, therapist, client, story.clientId());

        WebDriver asClient = browsers.signIn(stack, client);
        String article = firstArticle(stack, asClient);
        check(asClient, "client", stack.publicUrl(), List.of(
                "/", "/welcome", "/library", article, "/assignments/" + story.dueId(),
                "/assignments/" + story.handedInId(), "/journal", "/journal/" + story.sharedEntryId(),
                "/journal/" + story.sharedEntryId() + "/delete", "/measures", "/measures/" + lived.openMeasure(),
                "/measures/" + lived.submittedMeasure(), "/audit", "/record", "/settings/notifications",
                "/settings/security", "/accessibility"));

        WebDriver asTherapist = browsers.signIn(stack, therapist);
        check(asTherapist, "therapist", stack.publicUrl(), List.of(
                "/", "/library", article, "/assignments/new", "/assignments/" + story.handedInId(),
                "/assignments/" + story.dueId(), "/shared-entries", "/shared-entries/" + story.sharedEntryId(),
                "/clients/" + story.clientId() + "/agenda", "/clients/" + story.clientId() + "/agenda/print",
                "/measures", "/measures/" + lived.submittedMeasure(), "/programs", "/programs/" + lived.program(),
                "/programs/new", "/writing", "/writing/new", "/record",
                article.replace("/library/", "/writing/"), "/library-transfer", "/settings/notifications",
                "/settings/security"));

        WebDriver asAdmin = browsers.signIn(stack, "admin@securebase.test");
        check(asAdmin, "admin", stack.publicUrl(), List.of(
                "/", "/accounts/invite", "/accounts/" + story.clientId() + "/therapist",
                "/accounts/" + story.clientId() + "/notifications?name=Cleo", "/audit", "/programs", "/library",
                "/library-transfer", "/rights", "/rights/" + story.clientId(), "/settings/notifications",
                "/settings/security"));

        StringBuilder report = new StringBuilder("pages by width (serious/critical axe violations, sideways overflow):\n");
        report.append(String.format("%-48s | %-22s | %-22s%n", "page", "1280 px", "320 px"));
        table.forEach((page, byWidth) -> report.append(String.format("%-48s | %-22s | %-22s%n",
                page, byWidth.get(1280), byWidth.get(320))));
        System.out.print(report);
        assertThat(failures).as(report.toString()).isEmpty();
    }

    private void check(WebDriver browser, String role, String base, List<String> paths) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        for (String path : paths) {
            browser.manage().window().setSize(new Dimension(WIDTHS[0], 900));
            browser.get(base + path);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
            String page = role + " " + path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}");
            Map<Integer, String> byWidth = table.computeIfAbsent(page, p -> new LinkedHashMap<>());
            for (int width : WIDTHS) {
                browser.manage().window().setSize(new Dimension(width, 900));
                String shot = (role + path).replaceAll("[^a-zA-Z0-9]+", "-") + "-" + width;
                List<String> serious = Browser.seriousViolations(browser, "widths-" + shot);
                long overflow = Browser.sidewaysOverflow(browser);
                byWidth.put(width, serious.size() + " violations, " + overflow + " px");
                if (!serious.isEmpty() || overflow > 0) {
                    failures.add(page + " at " + width + " px: " + overflow + " px sideways, " + serious);
                }
                List<WebElement> logOut = browser.findElements(By.cssSelector("#logout-form button"));
                if (!logOut.isEmpty() && logOut.get(0).isDisplayed()) {
                    long right = logOut.get(0).getLocation().getX() + logOut.get(0).getSize().getWidth();
                    if (right > width) {
                        failures.add(page + " at " + width + " px: \"Log out\" ends at " + right + " px");
                    }
                }
            }
        }
    }

    /** A PHQ-9 the client has still to answer, one they handed in, and a program of the therapist's. */
    private record Lived(String openMeasure, String submittedMeasure, String program) {
    }

    private static Lived questionnaireAndProgram(StackAccess access, String therapistEmail, String clientEmail,
                                                 java.util.UUID clientId) {
        Http http = new Http();
        String journal = access.serviceUrl(ApiService.JOURNAL);
        String therapist = access.portal().login(therapistEmail, access.demoPassword()).accessToken();
        String client = access.portal().login(clientEmail, access.demoPassword()).accessToken();
        Map<String, Object> once = new LinkedHashMap<>();
        once.put("clientId", clientId.toString());
        once.put("instrument", "phq-9");
        once.put("everyWeeks", null);
        List<String> schedules = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            schedules.add(Http.awaitStatus("journal-service knowing the caseload", 201, Duration.ofSeconds(90),
                    () -> http.send("POST", journal + "/api/journal/measures/schedules", therapist, once, Map.of()))
                    .json().path("id").asString());
        }
        Map<String, String> instanceOf = new LinkedHashMap<>();
        for (var instance : http.get(journal + "/api/journal/measures", client).expect(200).json()) {
            instanceOf.put(instance.path("scheduleId").asString(), instance.path("id").asString());
        }
        String open = instanceOf.get(schedules.get(0));
        String submitted = instanceOf.get(schedules.get(1));
        for (int item = 1; item <= 9; item++) {
            http.send("PUT", journal + "/api/journal/measures/" + submitted + "/answers/" + item, client,
                    Map.of("value", item % 3), Map.of()).expect(200);
        }
        http.send("POST", journal + "/api/journal/measures/" + submitted + "/submit", client, null, Map.of()).expect(200);
        String seedArticle = http.get(access.serviceUrl(ApiService.CONTENT) + "/api/content/articles/attachment-and-healing",
                therapist).expect(200).json().path("id").asString();
        String program = http.send("POST", journal + "/api/journal/programs", therapist, Map.of(
                "title", "Two widths " + StackAccess.runMark(), "description", "A program to look at.",
                "steps", List.of(Map.of("articleId", seedArticle,
                        "prompts", List.of(Map.of("kind", "TEXT", "question", "What did you notice?")),
                        "rule", Map.of("kind", "IMMEDIATELY"), "dueDays", 7))), Map.of())
                .expect(201).json().path("id").asString();
        // A copy of the record each, so the record pages show a row (preparing or ready) at both widths.
        http.send("POST", journal + "/api/journal/record-exports", client, Map.of(), Map.of()).expect(202);
        http.send("POST", journal + "/api/journal/record-exports", therapist,
                Map.of("clientId", clientId.toString()), Map.of()).expect(202);
        return new Lived(open, submitted, program);
    }

    private static String firstArticle(SecureBaseStack stack, WebDriver browser) {
        browser.get(stack.publicUrl() + "/library");
        WebElement link = new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#library-results a[href*='/library/']")));
        return link.getAttribute("href").substring(stack.publicUrl().length());
    }

}
