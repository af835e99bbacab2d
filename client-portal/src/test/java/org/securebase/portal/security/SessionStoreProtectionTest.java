package org.securebase.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.management.BadAttributeValueExpException;

import org.junit.jupiter.api.Test;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.web.servlet.FlashMap;

class SessionStoreProtectionTest {

    private static final SessionStoreProperties SECRET = new SessionStoreProperties("a-test-session-secret-of-more-than-32-bytes", null);

    private final GenericConversionService conversion = SessionStoreProtection.conversion(SECRET.attributeKey(), getClass().getClassLoader());

    /** A portal record, as a flash attribute carries one. */
    record Notice(String key, List<String> fields) implements Serializable {
    }

    @Test
    void whatAPortalSessionHoldsComesBackIntact() {
        SecurityContextImpl context = signedIn();
        OAuth2AuthorizedClient client = authorizedClient();
        FlashMap flash = new FlashMap();
        flash.put("notice", new Notice("journal.saved", List.of("title")));
        flash.addTargetRequestParam("page", "2");

        assertThat(roundTrip(context)).usingRecursiveComparison().isEqualTo(context);
        assertThat(((OAuth2AuthorizedClient) roundTrip(client)).getRefreshToken().getTokenValue()).isEqualTo("refresh-token-value");
        assertThat(roundTrip(List.of(flash))).usingRecursiveComparison().isEqualTo(List.of(flash));
    }

    @Test
    void theStoredBytesHoldNoTokenAndNoClaim() {
        String stored = new String(conversion.convert(signedIn(), byte[].class), StandardCharsets.ISO_8859_1)
                + new String(conversion.convert(authorizedClient(), byte[].class), StandardCharsets.ISO_8859_1);

        assertThat(stored).doesNotContain("id-token-value", "access-token-value", "refresh-token-value", "person-sub",
                "keycloak-session", "Sam Client", "DefaultOidcUser", "java.");
    }

    @Test
    void aClassOutsideTheAllowListIsDroppedNotBuilt() {
        // the entry object of a well-known JDK gadget chain, sealed as if with a stolen secret
        byte[] planted = conversion.convert(new BadAttributeValueExpException("x"), byte[].class);
        byte[] nested = conversion.convert(new HashMap<>(Map.of("fine", "text", "planted", new BadAttributeValueExpException("x"))),
                byte[].class);

        assertThat(conversion.convert(planted, Object.class)).isNull();
        assertThat(conversion.convert(nested, Object.class)).isNull();
    }

    @Test
    void anAlteredARowOfAnotherKeyOrAnUnsealedRowIsDropped() {
        byte[] sealed = conversion.convert("journal.saved", byte[].class);
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;
        GenericConversionService otherKey = SessionStoreProtection.conversion(
                new SessionStoreProperties("another-session-secret-of-more-than-32-bytes", null).attributeKey(), getClass().getClassLoader());
        byte[] unsealed = new SerializingConverter().convert("journal.saved");

        assertThat(conversion.convert(sealed, Object.class)).isEqualTo("journal.saved");
        assertThat(conversion.convert(altered, Object.class)).isNull();
        assertThat(otherKey.convert(sealed, Object.class)).isNull();
        assertThat(conversion.convert(unsealed, Object.class)).isNull();
    }

    @Test
    void duringARotationWhatThePreviousSecretSealedStillOpensAndNewSealsUseTheNewOne() {
        String oldSecret = "a-test-session-secret-of-more-than-32-bytes";
        String newSecret = "the-rotated-session-secret-of-more-than-32-bytes";
        byte[] sealedBefore = conversion.convert("journal.saved", byte[].class);
        SessionStoreProperties rotated = new SessionStoreProperties(newSecret, oldSecret);
        GenericConversionService rotating = SessionStoreProtection.conversion(rotated.attributeKey(),
                rotated.previousAttributeKeys(), getClass().getClassLoader());
        byte[] sealedAfter = rotating.convert("journal.saved", byte[].class);
        GenericConversionService newOnly = SessionStoreProtection.conversion(
                new SessionStoreProperties(newSecret, null).attributeKey(), getClass().getClassLoader());

        assertThat(rotating.convert(sealedBefore, Object.class)).isEqualTo("journal.saved");
        assertThat(newOnly.convert(sealedAfter, Object.class)).as("sealed with the new secret").isEqualTo("journal.saved");
        assertThat(conversion.convert(sealedAfter, Object.class)).as("the old secret cannot open it").isNull();
        assertThat(newOnly.convert(sealedBefore, Object.class)).as("after the rotation ends").isNull();
    }

    @Test
    void aPreviousSecretTooShortIsRefusedAtStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        new SessionStoreProperties("the-rotated-session-secret-of-more-than-32-bytes", "short").previousAttributeKeys())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SECUREBASE_SESSION_PREVIOUS_SECRET");
        assertThat(new SessionStoreProperties("the-rotated-session-secret-of-more-than-32-bytes", " ").previousAttributeKeys()).isEmpty();
        assertThat(new SessionStoreProperties("the-rotated-session-secret-of-more-than-32-bytes", "an-old-secret-of-more-than-32-bytes-long"))
                .hasToString("SessionStoreProperties[secret=(hidden), previousSecret=(hidden)]");
    }

    private Object roundTrip(Object attribute) {
        return conversion.convert(conversion.convert(attribute, byte[].class), Object.class);
    }

    private static SecurityContextImpl signedIn() {
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token-value").subject("person-sub").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300)).claim("sid", "keycloak-session").claim("name", "Sam Client").build();
        DefaultOidcUser user = new DefaultOidcUser(AuthorityUtils.createAuthorityList("ROLE_client"), idToken);
        return new SecurityContextImpl(
                new OAuth2AuthenticationToken(user, user.getAuthorities(), PortalSecurityConfiguration.REGISTRATION_ID));
    }

    private static OAuth2AuthorizedClient authorizedClient() {
        KeycloakProperties keycloak = new KeycloakProperties("http://localhost:8080/auth", "http://localhost:8180/auth",
                "securebase", "portal", "test-secret", "http://localhost:8080");
        return new OAuth2AuthorizedClient(new PortalSecurityConfiguration().clientRegistrationRepository(keycloak)
                .findByRegistrationId(PortalSecurityConfiguration.REGISTRATION_ID), "person-sub",
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-token-value", Instant.now(),
                        Instant.now().plusSeconds(300)),
                new OAuth2RefreshToken("refresh-token-value", Instant.now()));
    }
}
