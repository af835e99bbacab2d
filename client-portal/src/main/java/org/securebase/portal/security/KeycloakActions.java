package org.securebase.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

import java.util.Locale;
import java.util.Optional;

/**
 * Keycloak's application-initiated actions: the portal starts a sign-in that asks Keycloak to run one action
 * ({@code kc_action}) for the signed-in person, such as choosing a new password or adding an authenticator app, and
 * Keycloak brings them back signed in. Only the actions named here can be asked for; any other value starts a plain
 * sign-in. PKCE and the rest of the request stay as Spring Security builds them.
 */
final class KeycloakActions implements OAuth2AuthorizationRequestResolver {

    /** The request parameter of {@code /oauth2/authorization/keycloak} that names the action. */
    static final String PARAMETER = "action";

    /** The actions a person may start from the portal. */
    enum Action {
        UPDATE_PASSWORD, CONFIGURE_TOTP;

        static Optional<Action> named(String value) {
            if (value == null) {
                return Optional.empty();
            }
            for (Action action : values()) {
                if (action.name().equals(value.toUpperCase(Locale.ROOT))) {
                    return Optional.of(action);
                }
            }
            return Optional.empty();
        }
    }

    private final DefaultOAuth2AuthorizationRequestResolver resolver;

    KeycloakActions(ClientRegistrationRepository registrations) {
        this.resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        return withAction(resolver.resolve(request), request);
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
        return withAction(resolver.resolve(request, clientRegistrationId), request);
    }

    private static OAuth2AuthorizationRequest withAction(OAuth2AuthorizationRequest authorization, HttpServletRequest request) {
        if (authorization == null) {
            return null;
        }
        return Action.named(request.getParameter(PARAMETER))
                .map(action -> OAuth2AuthorizationRequest.from(authorization)
                        .additionalParameters(parameters -> parameters.put("kc_action", action.name()))
                        .build())
                .orElse(authorization);
    }
}
