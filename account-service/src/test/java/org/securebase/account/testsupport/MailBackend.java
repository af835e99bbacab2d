package org.securebase.account.testsupport;

import java.util.Map;

import org.securebase.platform.test.TestBackends;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points account-service's mail at the test SMTP server (GreenMail, the same one Keycloak sends through), as the local
 * stack does with SECUREBASE_SMTP_HOST and SECUREBASE_SMTP_PORT, and gives it a link-signing key.
 */
public class MailBackend implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The key the tests' account-service signs unsubscribe links with. */
    public static final String LINK_SECRET = "test-link-secret-0123456789abcdef-0123456789";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("securebase-mail", Map.of(
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", Integer.toString(TestBackends.mail().smtpPort()),
                "securebase.notifications.link-secret", LINK_SECRET)));
    }
}
