package org.securebase.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.account.invitation.InvitationProperties;
import org.securebase.account.testsupport.Api;
import org.securebase.account.testsupport.People;
import org.securebase.platform.test.TestBackends;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The invitation quota on the real database and Keycloak: an admin whose window is full is refused with 429 and
 * {@code Retry-After}, and nothing is created, in Keycloak or here; sending an invitation again counts the same; the
 * window slides (requests older than it no longer count); each admin has a window of their own.
 */
@AccountServiceIntegrationTest
class InvitationQuotaIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    InvitationProperties properties;

    @Autowired
    Clock clock;

    Api api;
    UUID adminId;
    String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        String email = People.uniqueEmail("Quota.Admin");
        adminId = newAdmin(email, "Quinn");
        admin = People.token(email);
    }

    @Test
    void aFullWindowRefusesTheNextInvitationAndChangesNothing() {
        int limit = properties.quota().requests();
        fillWindow(adminId, limit - 1, clock.instant());

        Api.Response last = invite(admin, People.uniqueEmail("Last.Within"));
        assertThat(last.status()).as(last.toString()).isEqualTo(201);
        UUID invited = UUID.fromString(last.json().path("id").asString());

        String refusedEmail = People.uniqueEmail("One.Too.Many");
        Api.Response refused = invite(admin, refusedEmail);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().path("type").asString()).isEqualTo("urn:securebase:problem:too-many-requests");
        assertThat(refused.json().path("detail").asString()).contains(Integer.toString(limit)).contains("an hour");
        assertThat(Long.parseLong(refused.retryAfter())).isBetween(1L, properties.quota().per().toSeconds());
        assertThat(People.existsInKeycloak(refusedEmail)).as("a Keycloak user for the refused invitation").isFalse();
        assertThat(jdbc.queryForObject("select count(*) from account where email = ?", Long.class,
                refusedEmail.toLowerCase())).isZero();
        assertThat(requestsOf(adminId)).as("the refused request is not counted").isEqualTo(limit);

        Api.Response resent = api.post("/api/accounts/" + invited + "/invitation", admin, Map.of());
        assertThat(resent.status()).as("sending one again counts too: " + resent).isEqualTo(429);

        // Another admin's window is their own.
        String otherEmail = People.uniqueEmail("Other.Admin");
        newAdmin(otherEmail, "Olive");
        assertThat(invite(People.token(otherEmail), People.uniqueEmail("Invited.By.Other")).status()).isEqualTo(201);

        // The window slides: once the requests are older than it, there is room again.
        jdbc.update("update invitation_request set requested_at = ? where inviter_id = ?",
                Timestamp.from(clock.instant().minus(properties.quota().per()).minusSeconds(1)), adminId);
        Api.Response again = api.post("/api/accounts/" + invited + "/invitation", admin, Map.of());
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(requestsOf(adminId)).as("only the request inside the window is kept").isEqualTo(1);
    }

    /** A staff member signs in with a second factor; the test realm's mfa-exempt role lets a token be had without. */
    private static UUID newAdmin(String email, String firstName) {
        return UUID.fromString(TestBackends.keycloak().createUser(email, firstName, "Quota", "admin", "mfa-exempt"));
    }

    private Api.Response invite(String token, String email) {
        return api.post("/api/accounts", token,
                Map.of("email", email, "firstName", "Quota", "lastName", "Tester", "role", "client"));
    }

    private void fillWindow(UUID inviter, int requests, Instant at) {
        jdbc.update("insert into invitation_request (inviter_id, requested_at) select ?, ? from generate_series(1, ?)",
                inviter, Timestamp.from(at.minus(Duration.ofMinutes(1))), requests);
    }

    private long requestsOf(UUID inviter) {
        return jdbc.queryForObject("select count(*) from invitation_request where inviter_id = ?", Long.class, inviter);
    }
}
