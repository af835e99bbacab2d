package org.securebase.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/**
 * The local mail viewer over real SMTP: mails sent as the services send them (multipart, quoted-printable) are listed
 * newest first and shown as a person reads them, with the HTML part rendered only after sanitizing.
 */
class MailServerIT {

    private static final String HOSTILE_HTML = """
            <html><head><style>body{display:none}</style><script>alert('head')</script></head>
            <body onload="alert('body')"><h1>Your homework is ready</h1>
            <p>Hello Ana, <strong>your therapist</strong> assigned a reading.</p>
            <p><a href="https://portal.example.test/assignments/42?from=mail&amp;lang=es">Open your homework</a></p>
            <p><a href="javascript:alert('link')">Not a link</a></p>
            <img src="https://tracker.example.test/pixel.png" onerror="alert('img')">
            <iframe src="https://evil.example.test/"></iframe>
            <form action="https://evil.example.test/"><input name="password"></form>
            <script>alert('body script')</script></body></html>""";

    private static MailServer mail;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        mail = MailServer.start(0, 0);
    }

    @AfterAll
    static void stop() {
        mail.close();
    }

    @Test
    void listsMailNewestFirstAndShowsEachAsAPersonReadsIt() throws Exception {
        int before = mail.receivedCount();
        send("first@example.test", "First: plain only", "Plain text only, see https://portal.example.test/help.", null,
                Instant.parse("2026-12-07T08:00:00Z"));
        send("ana@example.test", "Second: your homework", "Hello Ana,\n\nOpen https://portal.example.test/assignments/42"
                + "?from=mail&lang=es to start.\nThanks. Ünïcode stays ünïcode.", HOSTILE_HTML,
                Instant.parse("2026-12-07T08:01:00Z"));
        int plainOnly = before;
        int withHtml = before + 1;

        Response index = get("/");
        assertThat(index.status).isEqualTo(200);
        assertThat(index.body.indexOf("Second: your homework")).as("the newest message first")
                .isLessThan(index.body.indexOf("First: plain only")).isPositive();
        assertThat(index.body).contains("<a href=\"/messages/" + withHtml + "\">Second: your homework</a>");

        Response message = get("/messages/" + withHtml);
        assertThat(message.status).isEqualTo(200);
        assertThat(message.contentSecurityPolicy).contains("default-src 'none'").doesNotContain("script-src");
        String html = section(message.body, "as-html");
        assertThat(html).contains("<h1>Your homework is ready</h1>", "<strong>your therapist</strong>")
                .contains("<a href=\"https://portal.example.test/assignments/42?from&#61;mail&amp;lang&#61;es\"")
                .containsPattern("rel=\"(noopener noreferrer|noreferrer noopener)\"")
                .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("alert(")
                .doesNotContainIgnoringCase("onload").doesNotContainIgnoringCase("onerror")
                .doesNotContainIgnoringCase("javascript:").doesNotContainIgnoringCase("<img")
                .doesNotContainIgnoringCase("<iframe").doesNotContainIgnoringCase("<form")
                .doesNotContainIgnoringCase("<style").doesNotContain("display:none");
        String text = section(message.body, "as-text");
        assertThat(text).as("the decoded plain text, with its link clickable")
                .contains("Hello Ana,")
                .contains("<a href=\"https://portal.example.test/assignments/42?from=mail&amp;lang=es\" "
                        + "rel=\"noopener noreferrer\">https://portal.example.test/assignments/42?from=mail&amp;lang=es</a> to start.")
                .contains("Ünïcode stays ünïcode.")
                .doesNotContain("=C3", "quoted-printable");

        Response plain = get("/messages/" + plainOnly);
        assertThat(plain.body).doesNotContain("id=\"as-html\"")
                .contains("<a href=\"https://portal.example.test/help\" rel=\"noopener noreferrer\">"
                        + "https://portal.example.test/help</a>.");

        assertThat(get("/messages/" + (withHtml + 1)).status).as("a message that does not exist").isEqualTo(404);
        assertThat(get("/messages/99999999999999").status).isEqualTo(404);
        assertThat(get("/nothing-here").status).isEqualTo(404);

        MailServer.ReceivedMail received = mail.messagesSince(withHtml).get(0);
        assertThat(received.htmlPart()).contains("<script>");
        assertThat(received.plainTextPart()).startsWith("Hello Ana,");
    }

    private static String section(String page, String headingId) {
        int start = page.indexOf("<h2 id=\"" + headingId + "\">");
        assertThat(start).as("a section headed " + headingId).isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }

    private static void send(String to, String subject, String text, String html, Instant sentAt) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(mail.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("no-reply@securebase.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(Date.from(sentAt));
        if (html == null) {
            message.setText(text, "UTF-8");
        } else {
            MimeBodyPart plainPart = new MimeBodyPart();
            plainPart.setText(text, "UTF-8");
            plainPart.setHeader("Content-Transfer-Encoding", "quoted-printable");
            MimeBodyPart htmlPart = new MimeBodyPart();
            htmlPart.setText(html, "UTF-8", "html");
            htmlPart.setHeader("Content-Transfer-Encoding", "quoted-printable");
            message.setContent(new MimeMultipart("alternative", plainPart, htmlPart));
        }
        Transport.send(message);
    }

    private static Response get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(mail.viewerUrl() + path.substring(1)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(),
                response.headers().firstValue("Content-Security-Policy").orElse(""));
    }

    private record Response(int status, String body, String contentSecurityPolicy) {
    }
}
