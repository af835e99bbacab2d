package org.securebase.content.article;

import org.securebase.platform.security.AuthorizationRules;
import org.securebase.platform.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The role part of docs/architecture.md's authorization table for articles: every known role reads, therapists and admins write.
 * Which article a reader may see is decided per article by {@link ArticleVisibility}.
 */
@Configuration(proxyBeanMethods = false)
class ArticleSecurityRules {

    private static final String[] ARTICLES = { ArticleController.BASE, ArticleController.BASE + "/**" };

    @Bean
    AuthorizationRules articleRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, ARTICLES)
                .hasAnyRole(Role.CLIENT.name(), Role.THERAPIST.name(), Role.ADMIN.name())
                .requestMatchers(HttpMethod.HEAD, ARTICLES)
                .hasAnyRole(Role.CLIENT.name(), Role.THERAPIST.name(), Role.ADMIN.name())
                .requestMatchers(ARTICLES)
                .hasAnyRole(Role.THERAPIST.name(), Role.ADMIN.name());
    }
}
