package org.securebase.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm a practice deploys (deploy/keycloak/securebase-realm.json, which compose.yaml and the production
 * KeycloakRealmImport carry) keeps the staff second factor out of reach of a mailbox or an account manager; the dev
 * realm is that realm plus the dev overlay and nothing else.
 */
class ProductionRealmTest {

    /** Set to write deploy/keycloak/dev/securebase-realm.json instead of checking it (render-dev-realm.sh). */
    static final String RENDER = "securebase.render-dev-realm";

    /** The file the realm's passwordBlacklist policy names, mounted in Keycloak's default deny-list folder. */
    static final java.nio.file.Path DENY_LIST = Project.path("deploy/keycloak/password-deny-list.txt");

    private final JsonNode realm = Project.json(Deployments.REALM);

    @Test
    void noRoleSettingOrConditionSwitchesTheStaffSecondFactorOff() {
        Set<String> roles = new TreeSet<>();
        realm.path("roles").path("realm").forEach(role -> roles.add(role.path("name").asText()));
        assertThat(roles).as("realm roles: the three of platform-contracts' Role and the login-flow helper")
                .containsExactlyInAnyOrder("client", "therapist", "admin", "mfa-required");
        assertThat(Project.read(Deployments.REALM)).doesNotContain("mfa-exempt");
        for (JsonNode config : realm.path("authenticatorConfig")) {
            if (config.path("config").has("condUserRole")) {
                assertThat(config.path("config").path("condUserRole").asText()).as(config.path("alias").asText())
                        .isEqualTo("mfa-required");
            }
        }
        JsonNode staff = flow("securebase staff mfa");
        assertThat(executions(staff)).as("the staff flow: one condition (holds mfa-required), then TOTP")
                .containsExactly("conditional-user-role[holds mfa-required] REQUIRED", "auth-otp-form REQUIRED");
        assertThat(realm.path("browserFlow").asText()).isEqualTo("securebase browser");
    }

    /**
     * Forgot-password for staff: the emailed link, then the TOTP they already have, then the new password. Keycloak's
     * built-in reset flow would let the link alone set a new password and enrol a new authenticator.
     */
    @Test
    void passwordResetAsksStaffForTheSecondFactorTheyAlreadyHave() {
        assertThat(realm.path("resetPasswordAllowed").asBoolean()).isTrue();
        JsonNode reset = flow(realm.path("resetCredentialsFlow").asText());
        assertThat(reset.path("topLevel").asBoolean()).isTrue();
        assertThat(executions(reset)).containsExactly(
                "reset-credentials-choose-user REQUIRED",
                "reset-credential-email REQUIRED",
                "flow[securebase reset staff second factor] CONDITIONAL",
                "flow[securebase reset client second factor] CONDITIONAL",
                "reset-password REQUIRED");
        assertThat(executions(flow("securebase reset staff second factor")))
                .containsExactly("conditional-user-role[holds mfa-required] REQUIRED", "auth-otp-form REQUIRED");
        assertThat(executions(flow("securebase reset client second factor"))).as("only non-staff may reset their TOTP")
                .containsExactly("conditional-user-role[lacks mfa-required] REQUIRED",
                        "conditional-user-configured REQUIRED", "reset-otp REQUIRED");
        assertThat(condition("holds mfa-required").path("negate").asText()).isEqualTo("false");
        assertThat(condition("lacks mfa-required").path("negate").asText()).isEqualTo("true");
    }

    /** Email is how a person is reached and recovered: only an admin (through account-service) changes it. */
    @Test
    void peopleCannotChangeTheirOwnEmail() throws IOException {
        JsonNode providers = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider");
        assertThat(providers).hasSize(1);
        JsonNode profile = Project.JSON.readTree(providers.get(0).path("config").path("kc.user.profile.config").get(0).asText());
        JsonNode email = null;
        for (JsonNode attribute : profile.path("attributes")) {
            if (attribute.path("name").asText().equals("email")) {
                email = attribute;
            }
        }
        assertThat(email).as("the user profile declares email").isNotNull();
        assertThat(email.path("permissions").path("edit")).as("who may edit email").containsExactly(Project.JSON.getNodeFactory().textNode("admin"));
        assertThat(realm.path("editUsernameAllowed").asBoolean()).isFalse();
        assertThat(realm.path("registrationAllowed").asBoolean()).isFalse();
    }

    @Test
    void aNewPasswordCannotBeARecentOne() {
        assertThat(realm.path("passwordPolicy").asText()).contains("length(12)").containsPattern("passwordHistory\\(([5-9]|\\d\\d+)\\)");
    }

    /**
     * Common passwords are refused by name: the policy names the deny list every deployment mounts. Keycloak compares
     * the lowercased password, and the length rule already refuses anything shorter than 12, so the list holds
     * lowercase entries of 12 characters or more, each once.
     */
    @Test
    void commonPasswordsAreRefused() throws IOException {
        assertThat(realm.path("passwordPolicy").asText()).contains("passwordBlacklist(" + DENY_LIST.getFileName() + ")");
        List<String> entries = Files.readAllLines(DENY_LIST);
        assertThat(entries).hasSizeGreaterThan(400).doesNotHaveDuplicates()
                .allSatisfy(entry -> assertThat(entry).hasSizeGreaterThanOrEqualTo(12).isEqualTo(entry.toLowerCase(java.util.Locale.ROOT)).isEqualTo(entry.strip()))
                .contains("password1234", "qwertyuiop12", "123456789012");
    }

    @Test
    void theDevRealmIsTheRealmPlusTheDevOverlay() throws IOException {
        ObjectNode rendered = RealmOverlay.apply(Project.json(Deployments.REALM), Project.json(Deployments.DEV_REALM_OVERLAY));
        String text = Project.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rendered) + "\n";
        if (Boolean.getBoolean(RENDER)) {
            Files.writeString(Deployments.DEV_REALM, text);
        }
        assertThat(Files.exists(Deployments.DEV_REALM) ? Project.json(Deployments.DEV_REALM) : null)
                .as("deploy/keycloak/dev/securebase-realm.json is the realm plus dev/realm-overlay.json; run "
                        + "deploy/keycloak/dev/render-dev-realm.sh after changing either")
                .isEqualTo(rendered);
        assertThat(rendered.path("roles").path("realm").toString()).contains("mfa-exempt");
    }

    private JsonNode flow(String alias) {
        for (JsonNode flow : realm.path("authenticationFlows")) {
            if (flow.path("alias").asText().equals(alias)) {
                return flow;
            }
        }
        throw new AssertionError("no authentication flow '" + alias + "'");
    }

    private JsonNode condition(String alias) {
        for (JsonNode config : realm.path("authenticatorConfig")) {
            if (config.path("alias").asText().equals(alias)) {
                return config.path("config");
            }
        }
        throw new AssertionError("no authenticator config '" + alias + "'");
    }

    /** The flow's executions in priority order, as "authenticator[config] REQUIREMENT" or "flow[alias] REQUIREMENT". */
    private static List<String> executions(JsonNode flow) {
        List<JsonNode> sorted = new ArrayList<>();
        flow.path("authenticationExecutions").forEach(sorted::add);
        sorted.sort((a, b) -> Integer.compare(a.path("priority").asInt(), b.path("priority").asInt()));
        List<String> described = new ArrayList<>();
        for (JsonNode execution : sorted) {
            String what = execution.path("authenticatorFlow").asBoolean()
                    ? "flow[" + execution.path("flowAlias").asText() + "]"
                    : execution.path("authenticator").asText()
                            + (execution.has("authenticatorConfig") ? "[" + execution.path("authenticatorConfig").asText() + "]" : "");
            described.add(what + " " + execution.path("requirement").asText());
        }
        return described;
    }
}
