package org.securebase.systemtests.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.securebase.localstack.SecureBaseStack;
import org.securebase.platform.embedded.MailServer.ReceivedMail;
import org.securebase.systemtests.RunningStack;
import org.securebase.systemtests.WrittenTexts;
import org.securebase.systemtests.authorization.ApiService;
import org.securebase.systemtests.authorization.Http;
import org.securebase.systemtests.authorization.StackAccess;

import tools.jackson.databind.JsonNode;

/**
 * Runs after every other suite of this JVM (the class order puts it last) and reads every mail the stack's mail
 * server received: invitations, password resets, notifications. None may carry a text any suite wrote into clinical
 * data or an article ({@link WrittenTexts}: the matrix's and the hostile suites' markers, the XSS payloads, the
 * journeys' answers, feedback, entries and questions, their articles' titles), nor the seed article's title or any of
 * its sentences.
 */
@ExtendWith(RunningStack.class)
@Order(Integer.MAX_VALUE)
class EveryMailScanIT {

    /** A sentence's first characters: long enough that no template could say them by chance. */
    private static final int SENTENCE_PREFIX = 40;

    @Test
    void noMailCarriesAnythingTheSuitesWroteOrAnyArticleText() {
        SecureBaseStack stack = RunningStack.get();
        StackAccess access = StackAccess.of(stack);
        Set<String> forbidden = new LinkedHashSet<>(WrittenTexts.all());
        forbidden.addAll(seedArticleTexts(access));

        List<ReceivedMail> mails = stack.mail().messages();
        List<String> findings = new ArrayList<>();
        for (ReceivedMail mail : mails) {
            String everything = (mail.subject() + "\n" + mail.text() + "\n" + mail.headers()).toLowerCase(Locale.ROOT);
            for (String text : forbidden) {
                if (everything.contains(text.toLowerCase(Locale.ROOT))) {
                    findings.add("\"" + text + "\" in the mail to " + mail.to() + " \"" + mail.subject() + "\"");
                }
            }
        }
        long notifications = mails.stream().filter(mail -> mail.header("List-Unsubscribe").isPresent()).count();
        System.out.printf("mail-scan mails=%d notifications=%d texts=%d findings=%d%n", mails.size(), notifications,
                forbidden.size(), findings.size());
        assertThat(findings).as("clinical or article text in mails").isEmpty();
    }

    /** The seed article's title and the start of each of its sentences, as its author wrote them. */
    private static Set<String> seedArticleTexts(StackAccess access) {
        String therapist = access.portal().login("therapist@securebase.test", access.demoPassword()).accessToken();
        JsonNode article = new Http().get(access.serviceUrl(ApiService.CONTENT)
                + "/api/content/articles/attachment-and-healing", therapist).expect(200).json();
        Set<String> texts = new LinkedHashSet<>();
        texts.add(article.path("title").asString());
        String plain = article.path("markdown").asString().replaceAll("[*_#>`\\[\\]]", " ").replaceAll("\\s+", " ");
        for (String sentence : plain.split("(?<=[.!?])\\s+")) {
            String trimmed = sentence.strip();
            if (trimmed.length() >= SENTENCE_PREFIX) {
                texts.add(trimmed.substring(0, SENTENCE_PREFIX));
            }
        }
        assertThat(texts).as("the seed article's sentences").hasSizeGreaterThan(10);
        return texts;
    }
}
