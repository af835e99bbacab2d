package org.securebase.account.testsupport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.securebase.platform.embedded.MailServer;

/** Reads the execute-actions link out of an invitation email as GreenMail received it (raw MIME). */
public final class InvitationMail {

    // Keycloak's action links: .../realms/securebase/login-actions/action-token?key=<jwt>[&client_id=...]
    private static final Pattern ACTION_LINK =
            Pattern.compile("https?://[^\\s\"'<>]+/login-actions/action-token\\?key=[A-Za-z0-9._\\-]+(?:&(?:amp;)?[^\\s\"'<>]*)?");

    private InvitationMail() {
    }

    public static String actionLink(MailServer.ReceivedMail mail) {
        // The body is raw MIME: undo quoted-printable soft line breaks and '=' escapes before searching.
        String body = mail.body().replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
        Matcher link = ACTION_LINK.matcher(body);
        if (!link.find()) {
            throw new AssertionError("No action link in the invitation email '" + mail.subject() + "'");
        }
        return link.group().replace("&amp;", "&");
    }
}
