package org.securebase.account.keycloak;

import java.time.Instant;
import java.util.UUID;

/**
 * One of Keycloak's events in this service's words. Never carries a representation (the realm keeps none:
 * {@code adminEventsDetailsEnabled} is off) nor any of Keycloak's details except the credential type.
 *
 * @param source         a login event or an admin event
 * @param type           for a login event Keycloak's type ({@code LOGIN}, {@code LOGIN_ERROR}, ...); for an admin
 *                       event {@code <resource type>:<operation>}, e.g. {@code REALM_ROLE_MAPPING:CREATE}
 * @param subject        the user it is about, if any (for an admin event, from the resource path)
 * @param resource       for an admin event about a user, the rest of its resource path ({@code /role-mappings/realm},
 *                       {@code /credentials/<id>}, {@code /logout}, ...; empty for the user itself), else null
 * @param credentialType {@code otp}, {@code password}, {@code webauthn}... when Keycloak says, else null
 * @param error          Keycloak's error code for a failure, else null
 * @param bySecureBase   for an admin event, whether account-service's service account made the change (an admin
 *                       acting in the portal) rather than someone in Keycloak's own console; false for a login event
 */
public record KeycloakEvent(Instant occurredAt, Source source, String type, UUID subject, String resource,
                            String credentialType,
                            String error, String ipAddress, boolean bySecureBase) {

    public enum Source { LOGIN, ADMIN }
}
