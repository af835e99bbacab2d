package org.securebase.platform.embedded;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The local SMTP server (GreenMail) and a small read-only web view of what it received, so a person
 * running the stack can open invitation emails, and tests can read them.
 */
public final class MailServer implements AutoCloseable {

    private static final Pattern MESSAGE_PATH = Pattern.compile("/messages/([0-9]+)");

    private final ServerSetup setup;
    private final HttpServer viewer;
    /**
     * Every message received, decoded once, in the order this server saw them arrive. GreenMail itself lists its
     * messages mailbox by mailbox (so a count taken earlier is no position in its list), and a GreenMail that stops
     * forgets them.
     */
    private final List<ReceivedMail> received = new ArrayList<>();
    private final Set<StoredMessage> collected = Collections.newSetFromMap(new IdentityHashMap<>());
    private volatile GreenMail greenMail;

    private MailServer(GreenMail greenMail, HttpServer viewer) {
        this.greenMail = greenMail;
        // The port it is bound to (it may have been asked for any free one), so a restart binds the same.
        this.setup = new ServerSetup(greenMail.getSmtp().getPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        this.viewer = viewer;
    }

    /**
     * Starts SMTP on {@code smtpPort} and the web view on {@code viewerPort} (0 for a free port, -1 for no
     * view), both on the loopback interface only.
     */
    public static MailServer start(int smtpPort, int viewerPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        HttpServer viewer = null;
        if (viewerPort >= 0) {
            try {
                viewer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), viewerPort), 0);
            } catch (IOException e) {
                greenMail.stop();
                throw new IllegalStateException("mail viewer port " + viewerPort + " is not free", e);
            }
            MailServer server = new MailServer(greenMail, viewer);
            viewer.createContext("/api/messages", server::serveJson);
            viewer.createContext("/", server::serveHtml);
            viewer.start();
            return server;
        }
        return new MailServer(greenMail, null);
    }

    public int smtpPort() {
        return setup.getPort();
    }

    /**
     * Stops accepting mail (the port refuses connections) until {@link #endOutage}, as a relay that is down does;
     * what was received so far stays readable, up to the last message taken before the port closed.
     */
    public synchronized void beginOutage() {
        Managers stopping = greenMail.getManagers();
        greenMail.stop();
        collect(stopping);
        collected.clear();
    }

    /** Accepts mail again, on the same port. */
    public synchronized void endOutage() {
        GreenMail restarted = new GreenMail(setup);
        restarted.start();
        greenMail = restarted;
    }

    /** The web view's base URL, or {@code null} when it was not started. */
    public String viewerUrl() {
        return viewer == null ? null : "http://localhost:" + viewer.getAddress().getPort() + "/";
    }

    /** Every message received so far, oldest first (one per recipient's mailbox). */
    public synchronized List<ReceivedMail> messages() {
        collect(greenMail.getManagers());
        return List.copyOf(received);
    }

    /** How many messages it has received, before outages included: cheap enough to poll (each is decoded once). */
    public synchronized int receivedCount() {
        collect(greenMail.getManagers());
        return received.size();
    }

    /** The messages from the {@code from}-th received (counting from 0, as {@link #receivedCount} counts) on. */
    public synchronized List<ReceivedMail> messagesSince(int from) {
        collect(greenMail.getManagers());
        return List.copyOf(received.subList(Math.min(Math.max(0, from), received.size()), received.size()));
    }

    /** Appends what arrived since the last look, in the order the server stamped it. */
    private void collect(Managers managers) {
        List<StoredMessage> arrived = new ArrayList<>();
        for (StoredMessage message : managers.getImapHostManager().getAllMessages()) {
            if (collected.add(message)) {
                arrived.add(message);
            }
        }
        arrived.sort(Comparator.comparing(StoredMessage::getReceivedDate));
        for (StoredMessage message : arrived) {
            received.add(toReceivedMail(message.getMimeMessage()));
        }
    }

    /** Messages to one address, oldest first. */
    public List<ReceivedMail> messagesTo(String address) {
        return messages().stream().filter(mail -> mail.to().stream().anyMatch(address::equalsIgnoreCase)).toList();
    }

    private static ReceivedMail toReceivedMail(MimeMessage message) {
        try {
            Address[] recipients = message.getAllRecipients();
            List<String> to = recipients == null ? List.of()
                    : Arrays.stream(recipients).map(MailServer::bareAddress).toList();
            Instant sent = message.getSentDate() == null ? Instant.now() : message.getSentDate().toInstant();
            Map<String, String> headers = new LinkedHashMap<>();
            for (Enumeration<Header> all = message.getAllHeaders(); all.hasMoreElements(); ) {
                Header header = all.nextElement();
                headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
            }
            return new ReceivedMail(
                    message.getFrom() == null ? "" : bareAddress(message.getFrom()[0]),
                    to, message.getSubject(), GreenMailUtil.getBody(message), sent, headers, decodedText(message),
                    firstPart(message, "text/plain"), firstPart(message, "text/html"));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable message", e);
        }
    }

    /** Every text part, decoded (quoted-printable, base64, charsets), as a person's mail program would show them. */
    private static String decodedText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/*")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(decodedText(multipart.getBodyPart(i))).append('\n');
            }
            return text.toString();
        }
        return "";
    }

    /** The first inline part of this type, decoded, or {@code null}: what a mail program shows of a multipart mail. */
    private static String firstPart(Part part, String mimeType) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return null;
        }
        if (part.isMimeType(mimeType)) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = firstPart(multipart.getBodyPart(i), mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String bareAddress(Address address) {
        String text = address.toString();
        int open = text.indexOf('<');
        int close = text.indexOf('>');
        return open >= 0 && close > open ? text.substring(open + 1, close) : text;
    }

    private void serveJson(HttpExchange exchange) throws IOException {
        String body = messages().stream().map(ReceivedMail::toJson).collect(Collectors.joining(",", "[", "]"));
        respond(exchange, 200, "application/json", body);
    }

    private void serveHtml(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        List<ReceivedMail> mails = messages();
        if (path.equals("/")) {
            respond(exchange, 200, "text/html; charset=utf-8", MailViewer.index(mails));
            return;
        }
        Matcher message = MESSAGE_PATH.matcher(path);
        if (message.matches() && message.group(1).length() < 10 && Integer.parseInt(message.group(1)) < mails.size()) {
            int number = Integer.parseInt(message.group(1));
            respond(exchange, 200, "text/html; charset=utf-8", MailViewer.message(number, mails.get(number)));
            return;
        }
        respond(exchange, 404, "text/html; charset=utf-8", MailViewer.notFound());
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        // Nothing in a mail may run or load anything: no script, no image, no frame, no form target.
        exchange.getResponseHeaders().set("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        if (viewer != null) {
            viewer.stop(0);
        }
        greenMail.stop();
    }

    /**
     * One received email, as plain data.
     *
     * @param body    the raw MIME body
     * @param headers the first value of each header, by lower-case name
     * @param text    every text part decoded (the plain text and the HTML source of a notification)
     * @param plainTextPart the first plain-text part, decoded, or {@code null}
     * @param htmlPart      the first HTML part's source, decoded, or {@code null}
     */
    public record ReceivedMail(String from, List<String> to, String subject, String body, Instant sentAt,
                               Map<String, String> headers, String text, String plainTextPart, String htmlPart) {

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        // Keycloak's action links: .../realms/<realm>/login-actions/action-token?key=<jwt>[&client_id=...]
        private static final Pattern ACTION_LINK = Pattern.compile(
                "https?://[^\\s\"'<>]+/login-actions/action-token\\?key=[A-Za-z0-9._\\-]+(?:&(?:amp;)?[^\\s\"'<>]*)?");

        /** The first Keycloak action link (invitation, password reset) in the mail, as a browser would follow it. */
        public Optional<String> keycloakActionLink() {
            // The body is raw MIME: undo quoted-printable soft line breaks and '=' escapes before searching.
            String decoded = body.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
            Matcher link = ACTION_LINK.matcher(decoded);
            return link.find() ? Optional.of(link.group().replace("&amp;", "&")) : Optional.empty();
        }

        String toJson() {
            return "{\"from\":" + Json.quote(from) + ",\"to\":"
                    + to.stream().map(Json::quote).collect(Collectors.joining(",", "[", "]"))
                    + ",\"subject\":" + Json.quote(subject) + ",\"body\":" + Json.quote(body)
                    + ",\"sentAt\":" + Json.quote(sentAt.toString()) + "}";
        }
    }

    private static final class Json {
        static String quote(String text) {
            if (text == null) {
                return "null";
            }
            StringBuilder out = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }
    }
}
