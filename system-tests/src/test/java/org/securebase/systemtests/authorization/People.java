package org.securebase.systemtests.authorization;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import org.securebase.platform.embedded.keycloak.OidcBrowserlessLogin;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The tokens each caller of the matrix sends, renewed before they expire (Keycloak issues them for five minutes). */
final class People {

    private final Map<Caller, RenewedToken> people = new EnumMap<>(Caller.class);
    private final RenewedToken wrongAudience;
    private final Map<Caller, String> expired = new EnumMap<>(Caller.class);
    private String deactivated;
    private String twoRoles;

    People(StackAccess stack, Map<Caller, String> emails) {
        emails.forEach((caller, email) -> people.put(caller,
                new RenewedToken(() -> stack.portal().login(email, stack.demoPassword()))));
        wrongAudience = new RenewedToken(() -> stack.accountServiceClient()
                .tokenRequest(Map.of("grant_type", "client_credentials")));
    }

    /** Each person's token that has expired by now. */
    void expiredTokens(Map<Caller, String> tokens) {
        expired.putAll(tokens);
    }

    /** The still valid token of a person deactivated after it was issued. */
    void deactivatedPersonsToken(String token) {
        deactivated = token;
    }

    /** The genuine token of someone holding both the client and the therapist role. */
    void twoRolesToken(String token) {
        twoRoles = token;
    }

    String token(Caller person) {
        return people.get(person).get();
    }

    /** The person's id: the token's subject, which every service stores owners by. */
    UUID id(Caller person) {
        return UUID.fromString(OidcBrowserlessLogin.Tokens.claims(token(person)).path("sub").asString());
    }

    /** What {@code caller} sends for this rule; null for no token. */
    String tokenFor(Caller caller, Rule rule) {
        return switch (caller) {
            case NO_TOKEN -> null;
            case TAMPERED_TOKEN -> forged(token(rule.forgedFrom()));
            case WRONG_AUDIENCE -> wrongAudience.get();
            case EXPIRED_TOKEN -> expired.get(rule.forgedFrom());
            case DEACTIVATED_PERSON -> deactivated;
            case TWO_ROLES -> twoRoles;
            default -> token(caller);
        };
    }

    /**
     * A real token whose payload was changed as an attacker would (the admin role added, an hour more to live), with
     * the original header and signature: valid in every respect except that the signature no longer fits.
     */
    static String forged(String token) {
        String[] parts = token.split("\\.");
        ObjectNode claims = (ObjectNode) OidcBrowserlessLogin.Tokens.claims(token);
        claims.put("exp", claims.path("exp").asLong() + 3600);
        ArrayNode roles = claims.withObjectProperty("realm_access").withArrayProperty("roles");
        roles.add("admin");
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Http.JSON.writeValueAsString(claims).getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + payload + "." + parts[2];
    }
}
