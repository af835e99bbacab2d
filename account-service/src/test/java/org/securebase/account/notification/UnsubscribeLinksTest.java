package org.securebase.account.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class UnsubscribeLinksTest {

    private static NotificationProperties properties(String secret) {
        return new NotificationProperties("Practice", "no-reply@practice.test", URI.create("https://portal.test"),
                ZoneId.of("UTC"), "en", secret, Duration.ofSeconds(2), 2, Duration.ofSeconds(30), Duration.ofMinutes(30),
                Duration.ofDays(1), Duration.ofMinutes(2), Duration.ofSeconds(15), 4);
    }

    private final UnsubscribeLinks links = new UnsubscribeLinks(properties("a-secret-of-more-than-thirty-two-bytes!"));

    @Test
    void aTokenNamesItsPersonAndKind() {
        UUID person = UUID.randomUUID();
        String token = links.token(person, NotificationKind.NEW_FEEDBACK);
        assertThat(links.verify(token)).contains(new UnsubscribeLinks.Unsubscribe(person, NotificationKind.NEW_FEEDBACK));
    }

    @Test
    void aChangedTokenIsWorthless() {
        UUID person = UUID.randomUUID();
        String token = links.token(person, NotificationKind.NEW_FEEDBACK);
        assertThat(links.verify(token.replace("NEW_FEEDBACK", "NEW_HOMEWORK"))).isEmpty();
        assertThat(links.verify(token.replace(person.toString(), UUID.randomUUID().toString()))).isEmpty();
        char last = token.charAt(token.length() - 1);
        assertThat(links.verify(token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'))).isEmpty();
        assertThat(links.verify("")).isEmpty();
        assertThat(links.verify(null)).isEmpty();
        assertThat(links.verify("not.a.token")).isEmpty();
        assertThat(links.verify("x".repeat(500))).isEmpty();
    }

    @Test
    void onlyTheSpellingThisClassWritesIsAccepted() {
        String token = links.token(UUID.randomUUID(), NotificationKind.NEW_FEEDBACK);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (char other : alphabet.toCharArray()) {
            if (other != token.charAt(token.length() - 1)) {
                // Some of these decode to the same bytes (the last character's low bits are unused): still refused.
                assertThat(links.verify(token.substring(0, token.length() - 1) + other)).as("last character " + other)
                        .isEmpty();
            }
        }
        assertThat(links.verify(token)).isPresent();
    }

    @Test
    void anotherKeyMakesOtherTokens() {
        UUID person = UUID.randomUUID();
        UnsubscribeLinks other = new UnsubscribeLinks(properties("another-secret-of-more-than-thirty-two-bytes"));
        assertThat(other.verify(links.token(person, NotificationKind.HOMEWORK_DUE))).isEmpty();
    }

    @Test
    void theSafetySignalHasNoUnsubscribeLink() {
        assertThatThrownBy(() -> links.token(UUID.randomUUID(), NotificationKind.QUESTIONNAIRE_ATTENTION))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aShortKeyIsRefusedAtStartUp() {
        assertThatThrownBy(() -> properties("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SECUREBASE_NOTIFICATIONS_LINK_SECRET");
    }
}
