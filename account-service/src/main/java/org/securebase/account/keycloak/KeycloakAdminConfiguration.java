package org.securebase.account.keycloak;

import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.client.ClientBuilder;

import org.jboss.resteasy.client.jaxrs.ResteasyClientBuilder;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/** The admin client, signed in with client credentials; it fetches and refreshes its own token as needed. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeycloakAdminProperties.class)
class KeycloakAdminConfiguration {

    @Bean(destroyMethod = "close")
    Keycloak keycloakAdminClient(KeycloakAdminProperties properties) {
        // Fail at start-up rather than on the first invitation: without these nothing in this service works.
        require(properties.internalUrl(), "internal-url (SECUREBASE_KEYCLOAK_INTERNAL_URL)");
        require(properties.clientSecret(), "client-secret (SECUREBASE_KEYCLOAK_CLIENT_SECRET)");
        // Our own RESTEasy client, for the timeouts (its default has none). Keycloak's JacksonProvider must then be
        // registered by hand: it ignores unknown fields, so a newer server adding fields cannot break us.
        ResteasyClientBuilder builder = (ResteasyClientBuilder) ClientBuilder.newBuilder()
                .connectTimeout(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        builder.connectionPoolSize(properties.connectionPoolSize());
        builder.register(JacksonProvider.class);
        // No connection is made here: the first admin call fetches the token, so the service starts without Keycloak.
        return KeycloakBuilder.builder()
                .serverUrl(properties.internalUrl().replaceAll("/+$", ""))
                .realm(properties.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .resteasyClient(builder.build())
                .build();
    }

    private static void require(String value, String name) {
        if (!StringUtils.hasText(value)) {
            throw new IllegalStateException("securebase.keycloak." + name + " must be set");
        }
    }
}
