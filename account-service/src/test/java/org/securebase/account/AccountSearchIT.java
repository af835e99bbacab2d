package org.securebase.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.account.reconciliation.Reconciliation;
import org.securebase.account.testsupport.Api;
import org.securebase.account.testsupport.People;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The admin's account list: filters, paging, input checks, and nobody else may read it. */
@AccountServiceIntegrationTest
class AccountSearchIT {

    @LocalServerPort
    int port;

    @Autowired
    Reconciliation reconciliation;

    Api api;
    String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = People.token(People.ADMIN);
    }

    @Test
    void findsAccountsByRoleStatusNameAndEmailPageByPage() {
        // A surname no other test uses, so the filters below see exactly these three.
        String surname = "Searchable" + UUID.randomUUID().toString().substring(0, 6);
        UUID first = People.createInKeycloak(People.uniqueEmail("s1"), "Anna", surname, "therapist");
        UUID second = People.createInKeycloak(People.uniqueEmail("s2"), "Bert", surname, "therapist");
        UUID client = People.createInKeycloak(People.uniqueEmail("findme"), "Cara", surname, "client");
        reconciliation.run();
        assertThat(api.post("/api/accounts/" + second + "/deactivation", admin, null).status()).isEqualTo(200);

        assertThat(ids("?name=" + surname.toLowerCase())).containsExactly(first.toString(), second.toString(), client.toString());
        assertThat(ids("?name=" + surname + "&role=therapist")).containsExactly(first.toString(), second.toString());
        assertThat(ids("?name=" + surname + "&role=THERAPIST&status=active")).containsExactly(first.toString());
        assertThat(ids("?name=" + surname + "&status=deactivated")).containsExactly(second.toString());
        assertThat(ids("?name=anna%20" + surname)).containsExactly(first.toString());
        assertThat(ids("?name=" + surname + "&email=findme-")).containsExactly(client.toString());
        assertThat(ids("?name=%25" + surname)).as("% is matched literally, not as a wildcard").isEmpty();

        JsonNode page0 = api.get("/api/accounts?name=" + surname + "&size=2&page=0", admin).json();
        JsonNode page1 = api.get("/api/accounts?name=" + surname + "&size=2&page=1", admin).json();
        assertThat(page0.path("totalItems").asLong()).isEqualTo(3);
        assertThat(page0.path("totalPages").asInt()).isEqualTo(2);
        assertThat(page0.path("items").size()).isEqualTo(2);
        assertThat(page1.path("items").size()).isEqualTo(1);
        assertThat(page1.path("items").get(0).path("id").asString()).isEqualTo(client.toString());
    }

    @Test
    void badFiltersAreProblemsNotServerErrors() {
        for (String query : List.of("?role=superuser", "?status=sleeping", "?page=-1", "?size=0", "?size=101",
                "?page=abc", "?name=" + "x".repeat(201))) {
            Api.Response response = api.get("/api/accounts" + query, admin);
            assertThat(response.status()).as(query + ": " + response).isEqualTo(400);
            assertThat(response.isProblem()).as(query).isTrue();
        }
        assertThat(api.get("/api/accounts/not-a-uuid", admin).status()).isEqualTo(400);
        assertThat(api.get("/api/accounts/" + UUID.randomUUID(), admin).status()).isEqualTo(404);
    }

    @Test
    void onlyAdminsMayListOrReadAccounts() {
        for (String who : List.of(People.THERAPIST, People.CLIENT)) {
            String token = People.token(who);
            UUID self = UUID.fromString(api.get("/api/accounts/me", token).json().path("id").asString());
            assertThat(api.get("/api/accounts", token).status()).as(who).isEqualTo(403);
            assertThat(api.get("/api/accounts/" + self, token).status()).as(who + " reading their own row").isEqualTo(403);
            assertThat(api.get("/api/accounts/" + self + "/therapist-assignments", token).status()).as(who).isEqualTo(403);
        }
        assertThat(api.get("/api/accounts", null).status()).isEqualTo(401);
        assertThat(api.get("/api/accounts/me", null).status()).isEqualTo(401);
    }

    private List<String> ids(String query) {
        Api.Response response = api.get("/api/accounts" + query, admin);
        assertThat(response.status()).as(query + ": " + response).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }
}
