package org.securebase.platform.web;

import java.util.List;

import org.securebase.platform.web.database.ApplicationRoleGrants;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** Gives a service with Flyway its application role's grants after every migration (Boot applies Callback beans). */
@AutoConfiguration
@ConditionalOnClass(name = "org.flywaydb.core.api.callback.Callback")
public class DatabaseRolesAutoConfiguration {

    @Bean
    ApplicationRoleGrants applicationRoleGrants(
            @Value("${securebase.database.application-role:}") String applicationRole,
            @Value("${securebase.database.append-only-tables:}") List<String> appendOnlyTables) {
        return new ApplicationRoleGrants(applicationRole, appendOnlyTables.stream().filter(t -> !t.isBlank()).toList());
    }
}
