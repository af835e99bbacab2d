package org.securebase.content.web;

import org.securebase.content.article.ArticleAuthoring;
import org.securebase.platform.web.SecureBaseWebProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI document (public, at {@code /api/content/v3/api-docs}), with the rules a caller must know. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String DESCRIPTION = """
            The practice's reading library.

            * **Who:** every endpoint needs a Keycloak access token (audience `content-service`). Clients, therapists \
            and admins read; therapists and admins write, publish and retract. Clients never see drafts or retracted \
            articles (404), except versions pinned to them by an assignment.
            * **Limits:** a request body may be at most %d bytes and an article's Markdown at most %d characters \
            (413 otherwise); title 200, summary 1000 characters; at most 20 tags of 40 characters.
            * **Caching and concurrency:** reads carry an ETag and Cache-Control and answer 304 to If-None-Match. \
            PUT needs If-Match with the last ETag (428 without it, 412 when someone changed the article since).
            * **Errors** are RFC 9457 problem+json; bad input changes nothing.
            """;

    @Bean
    OpenAPI contentServiceOpenApi(SecureBaseWebProperties web) {
        String description = DESCRIPTION.formatted(web.maxBodyBytes(), ArticleAuthoring.MAX_MARKDOWN_CHARS);
        return new OpenAPI()
                .info(new Info().title("Secure Base content-service").version("v1").description(description))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
