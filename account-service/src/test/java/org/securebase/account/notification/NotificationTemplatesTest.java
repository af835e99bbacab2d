package org.securebase.account.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NotificationTemplatesTest {

    private final NotificationTemplates templates = new NotificationTemplates();
    private static final Instant DUE = ZonedDateTime.of(2026, 12, 10, 23, 59, 0, 0, ZoneId.of("America/New_York")).toInstant();

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void everyKindRendersInBothLanguagesWithItsLinks(NotificationKind kind) {
        for (String language : NotificationTemplates.LANGUAGES) {
            NotificationPreferences preferences = NotificationPreferences.defaults(ZoneId.of("America/New_York"), language);
            NotificationTemplates.Rendered mail = templates.render(kind, preferences, "Ana <b>", "Harbor & Hill Therapy",
                    DUE, 3, "https://portal.test/assignments/1", "https://portal.test/notifications/unsubscribe?token=t",
                    "https://portal.test/settings/notifications");
            assertThat(mail.subject()).isNotBlank().doesNotContain("{", "}", "??");
            assertThat(mail.text()).contains("https://portal.test/assignments/1", "Harbor & Hill Therapy", "Ana <b>")
                    .doesNotContain("??", "[(", " th:");
            // HTML escapes what it shows; the name cannot become markup.
            assertThat(mail.html()).contains("href=\"https://portal.test/assignments/1\"", "Harbor &amp; Hill Therapy",
                    "Ana &lt;b&gt;").doesNotContain("<b>", "??", " th:", "<img");
            assertThat(mail.html()).contains(language.equals("es") ? "lang=\"es\"" : "lang=\"en\"");
        }
    }

    @ParameterizedTest
    @EnumSource(value = NotificationKind.class, names = {"HOMEWORK_DUE", "HOMEWORK_OVERDUE", "NEW_HOMEWORK"})
    void dueTimesAreInTheRecipientsZoneAndLanguage(NotificationKind kind) {
        NotificationTemplates.Rendered english = templates.render(kind,
                NotificationPreferences.defaults(ZoneId.of("America/New_York"), "en"), "Ana", "Practice", DUE, 1,
                "https://l", null, "https://s");
        assertThat(english.text()).contains("Thursday, December 10 at 11:59");
        NotificationTemplates.Rendered spanish = templates.render(kind,
                NotificationPreferences.defaults(ZoneId.of("Europe/Madrid"), "es"), "Ana", "Practice", DUE, 1,
                "https://l", null, "https://s");
        assertThat(spanish.text()).contains("viernes 11 de diciembre a las 5:59");
        assertThat(spanish.text()).doesNotContain("No recibir más correos");
    }
}
