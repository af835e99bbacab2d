package org.securebase.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.management.BadAttributeValueExpException;

import org.junit.jupiter.api.Test;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.web.servlet.FlashMap;

class SessionStoreSerializationTest {

    private final GenericConversionService conversion = SessionStoreSerialization.conversion(getClass().getClassLoader());
    private final PortalSecurityConfiguration security = new PortalSecurityConfiguration();

    /** A portal record, as a flash attribute carries one. */
    record Notice(String key, List<String> fields) implements Serializable {
    }

    @Test
    void whatAPortalSessionHoldsComesBackIntact() {
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token").subject("person").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300)).claim("sid", "keycloak-session").build();
        DefaultOidcUser user = new DefaultOidcUser(AuthorityUtils.createAuthorityList("ROLE_client"), idToken);
        SecurityContextImpl context = new SecurityContextImpl(
                new OAuth2AuthenticationToken(user, user.getAuthorities(), PortalSecurityConfiguration.REGISTRATION_ID));
        OAuth2AuthorizedClient client = new OAuth2AuthorizedClient(registration(), "person",
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access", Instant.now(), Instant.now().plusSeconds(300)),
                new OAuth2RefreshToken("refresh", Instant.now()));
        FlashMap flash = new FlashMap();
        flash.put("notice", new Notice("journal.saved", List.of("title")));
        flash.addTargetRequestParam("page", "2");

        assertThat(roundTrip(context)).usingRecursiveComparison().isEqualTo(context);
        assertThat(((OAuth2AuthorizedClient) roundTrip(client)).getRefreshToken().getTokenValue()).isEqualTo("refresh");
        assertThat(roundTrip(List.of(flash))).usingRecursiveComparison().isEqualTo(List.of(flash));
    }

    @Test
    void aClassOutsideTheAllowListIsRefusedBeforeItIsBuilt() {
        // the entry object of a well-known JDK gadget chain, planted in a session row
        byte[] planted = conversion.convert(new BadAttributeValueExpException("x"), byte[].class);

        assertThatThrownBy(() -> conversion.convert(planted, Object.class)).isInstanceOf(ConversionFailedException.class)
                .rootCause().hasMessageContaining("REJECTED");
    }

    @Test
    void aRefusedClassDeepInsideAnAllowedOneIsRefusedToo() {
        Map<String, Object> nested = new HashMap<>(Map.of("fine", "text", "planted", new BadAttributeValueExpException("x")));
        byte[] planted = conversion.convert(nested, byte[].class);

        assertThatThrownBy(() -> conversion.convert(planted, Object.class)).isInstanceOf(ConversionFailedException.class);
    }

    private Object roundTrip(Object attribute) {
        return conversion.convert(conversion.convert(attribute, byte[].class), Object.class);
    }

    private org.springframework.security.oauth2.client.registration.ClientRegistration registration() {
        KeycloakProperties keycloak = new KeycloakProperties("http://localhost:8080/auth", "http://localhost:8180/auth",
                "securebase", "portal", "test-secret", "http://localhost:8080");
        return security.clientRegistrationRepository(keycloak).findByRegistrationId(PortalSecurityConfiguration.REGISTRATION_ID);
    }
}
