package org.securebase.account.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * account-service's own mail settings (its application.yml, with the variables a deployment sets) against a real
 * SMTP server that has a login: SECUREBASE_SMTP_AUTH with SPRING_MAIL_USERNAME and SPRING_MAIL_PASSWORD log in, a
 * wrong password is refused by the server.
 */
class SmtpRelayLoginIT {

    private GreenMail relay;

    @BeforeEach
    void startRelay() {
        relay = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay@practice.test", "relay-user", "relay-password"));
        relay.start();
    }

    @AfterEach
    void stopRelay() {
        relay.stop();
    }

    private ApplicationContextRunner accountServiceMail(String password) {
        return new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
                .withSystemProperties("SECUREBASE_SMTP_HOST=127.0.0.1",
                        "SECUREBASE_SMTP_PORT=" + relay.getSmtp().getPort(), "SECUREBASE_SMTP_AUTH=true")
                // what SPRING_MAIL_USERNAME and SPRING_MAIL_PASSWORD bind to in a deployment's environment
                .withPropertyValues("spring.mail.username=relay-user", "spring.mail.password=" + password);
    }

    @Test
    void theRelaysLoginLetsTheMailThrough() {
        accountServiceMail("relay-password").run(context -> {
            context.getBean(JavaMailSender.class).send(message());
            assertThat(relay.getReceivedMessages()).hasSize(1);
        });
    }

    @Test
    void aWrongPasswordIsRefusedByTheRelay() {
        accountServiceMail("not-the-password").run(context -> {
            assertThatThrownBy(() -> context.getBean(JavaMailSender.class).send(message()))
                    .isInstanceOf(MailAuthenticationException.class);
            assertThat(relay.getReceivedMessages()).isEmpty();
        });
    }

    private static SimpleMailMessage message() {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom("no-reply@practice.test");
        message.setTo("client@example.org");
        message.setSubject("You have new homework");
        message.setText("Open the portal to see it.");
        return message;
    }
}
