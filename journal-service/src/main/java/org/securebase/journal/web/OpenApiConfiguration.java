package org.securebase.journal.web;

import org.securebase.platform.contracts.JournalLimits;
import org.securebase.platform.web.SecureBaseWebProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document (public, at {@code /api/journal/v3/api-docs}), with the rules a caller must know. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String DESCRIPTION = """
            Assignments, answers, feedback and the private journal.

            * **Who:** every endpoint needs a Keycloak access token (audience `journal-service`). Therapists assign \
            to clients of their current caseload and read those assignments and the entries shared with them; \
            clients answer their own assignments and keep their journal; admins read the access audit only. \
            Anything belonging to someone else answers 404.
            * **Limits (characters):** entry title %d, entry body %d, answer %d, feedback %d, reply %d, note %d, \
            prompt question %d (413 when longer; 400 when empty); 1 to %d prompts; request body at most %d bytes.
            * **Lists** are keyset-paginated: pass `nextCursor` back as `cursor`; `limit` 1-%d (default %d).
            * **Audit:** every read of clinical content by someone other than its owner is recorded (who, what, \
            when, request id) and shown to the client at `GET /api/journal/audit`.
            * **Errors** are RFC 9457 problem+json; bad input changes nothing.
            """;

    @Bean
    OpenAPI journalServiceOpenApi(SecureBaseWebProperties web) {
        String description = DESCRIPTION.formatted(TextLimits.TITLE, TextLimits.ENTRY_BODY, TextLimits.ANSWER,
                TextLimits.FEEDBACK, TextLimits.REPLY, TextLimits.NOTE, TextLimits.QUESTION, JournalLimits.PROMPTS,
                web.maxBodyBytes(), PageRequest.MAX_LIMIT, PageRequest.DEFAULT_LIMIT);
        return new OpenAPI()
                .info(new Info().title("Secure Base journal-service").version("v1").description(description))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
