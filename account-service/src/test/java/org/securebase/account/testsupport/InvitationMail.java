package org.securebase.account.testsupport;

import org.securebase.platform.embedded.MailServer;

/** Reads the execute-actions link out of an invitation email as GreenMail received it. */
public final class InvitationMail {

    private InvitationMail() {
    }

    public static String actionLink(MailServer.ReceivedMail mail) {
        return mail.keycloakActionLink().orElseThrow(
                () -> new AssertionError("No action link in the invitation email '" + mail.subject() + "'"));
    }
}
