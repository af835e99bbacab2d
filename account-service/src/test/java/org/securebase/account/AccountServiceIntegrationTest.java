package org.securebase.account;

import org.securebase.account.testsupport.AccountTestConfiguration;
import org.securebase.account.testsupport.KeycloakAdminBackend;
import org.securebase.account.testsupport.MailBackend;
import org.securebase.platform.test.RealBackends;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * account-service started on its real PostgreSQL database and Kafka broker, with real Keycloak tokens, and
 * administering that same Keycloak with the realm's account-service client (KeycloakAdminBackend). Every IT of
 * this module uses exactly this annotation, so they all share one application context (and one Keycloak).
 *
 * <p>The schedules are stretched to an hour so that tests decide when reconciliation and invitation retries run
 * (they call them directly); the start-up reconciliation still runs, as in production.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "securebase.test.keycloak=true",
                "securebase.accounts.reconciliation.interval=PT1H",
                "securebase.accounts.invitation.retry-interval=PT1H",
                "securebase.accounts.invitation.retry-min-age=PT0S",
                // Every IT invites as the same demo admin, more than a real admin's 20 an hour all told;
                // InvitationQuotaIT fills a window itself.
                "securebase.accounts.invitation.quota.requests=1000"
        })
@ContextConfiguration(initializers = {RealBackends.class, KeycloakAdminBackend.class, MailBackend.class})
@Import(AccountTestConfiguration.class)
public @interface AccountServiceIntegrationTest {
}
