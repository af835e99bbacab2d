package org.securebase.account;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.securebase.platform.security.AuthorizationRules;
import org.securebase.platform.security.Caller;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call what (docs/architecture.md, "Authorization": inviting, deactivating and assigning caseloads is for admins only).
 * URL rules settle the role; {@code /me} and {@code /caseload} then only ever show the caller's own data.
 */
@Configuration(proxyBeanMethods = false)
class AccountServiceSecurity {

    static {
        // A Caller parameter is resolved from the bearer token, not sent by the client: keep it out of the API document.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    AuthorizationRules accountRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/accounts/me").authenticated()
                .requestMatchers(HttpMethod.GET, "/api/accounts/caseload").hasRole("THERAPIST")
                .requestMatchers(HttpMethod.GET, "/api/accounts/caseload/*/zone").hasRole("THERAPIST")
                // Everyone's own notification preferences; the unsubscribe link is a public path (application.yml):
                // the signed token it carries is its proof.
                .requestMatchers(HttpMethod.GET, "/api/accounts/me/notifications").authenticated()
                .requestMatchers(HttpMethod.PUT, "/api/accounts/me/notifications").authenticated()
                // A client asks to close their own account (an admin closes it).
                .requestMatchers(HttpMethod.POST, "/api/accounts/me/closure-request").hasRole("CLIENT")
                .requestMatchers(HttpMethod.DELETE, "/api/accounts/me/closure-request").hasRole("CLIENT")
                // Everything else under /api/accounts is administration. The API document is a public path
                // (application.yml), matched before these rules.
                .requestMatchers("/api/accounts", "/api/accounts/**").hasRole("ADMIN");
    }

    @Bean
    OpenAPI accountServiceOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Secure Base account-service")
                        .description("Accounts, invitations and caseloads over Keycloak. Admin endpoints need the admin "
                                + "role; GET /api/accounts/me is for everyone, GET /api/accounts/caseload for therapists. "
                                + "Errors are RFC 9457 problem+json.")
                        .version("v1"))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
