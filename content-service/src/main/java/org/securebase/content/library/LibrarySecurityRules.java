package org.securebase.content.library;

import org.securebase.platform.security.AuthorizationRules;
import org.securebase.platform.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Import and export are writing the library (an export holds the drafts): the authors of articles, therapists and
 * admins, as in the article feature's rules. Clients get 403.
 */
@Configuration(proxyBeanMethods = false)
class LibrarySecurityRules {

    private static final String[] LIBRARY = { LibraryController.BASE + "/**" };

    @Bean
    AuthorizationRules libraryRules() {
        return rules -> rules
                .requestMatchers(LIBRARY)
                .hasAnyRole(Role.THERAPIST.name(), Role.ADMIN.name());
    }
}
