package org.securebase.journal.web;

import org.securebase.platform.security.AuthorizationRules;
import org.securebase.platform.security.Caller;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The role half of docs/architecture.md's "Authorization", per endpoint. A role that may never do something gets 403
 * whatever the id (that leaks nothing); whether this client or this therapist may touch this object is decided in the
 * features, which answer 404. Admins reach only the audit: they never read clinical content.
 */
@Configuration(proxyBeanMethods = false)
class JournalSecurityRules {

    private static final String CLIENT = "CLIENT";
    private static final String THERAPIST = "THERAPIST";
    private static final String ADMIN = "ADMIN";

    static {
        // A Caller parameter is resolved from the bearer token, not sent by the client: keep it out of the API document.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    AuthorizationRules journalRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/api/journal/assignments").hasRole(THERAPIST)
                .requestMatchers(HttpMethod.PUT, "/api/journal/assignments/*/due").hasRole(THERAPIST)
                .requestMatchers(HttpMethod.PUT, "/api/journal/assignments/*/answers/*").hasRole(CLIENT)
                .requestMatchers(HttpMethod.PUT, "/api/journal/assignments/*/plan").hasRole(CLIENT)
                .requestMatchers(HttpMethod.PUT, "/api/journal/assignments/*/quality").hasRole(THERAPIST)
                .requestMatchers(HttpMethod.POST, "/api/journal/assignments/*/submit").hasRole(CLIENT)
                .requestMatchers(HttpMethod.POST, "/api/journal/assignments/*/answers/*/feedback").hasRole(THERAPIST)
                .requestMatchers(HttpMethod.POST, "/api/journal/assignments/*/feedback/*/replies").hasRole(CLIENT)
                .requestMatchers(HttpMethod.GET, "/api/journal/assignments", "/api/journal/assignments/**")
                .hasAnyRole(CLIENT, THERAPIST)
                .requestMatchers("/api/journal/assignments/**").denyAll()
                .requestMatchers("/api/journal/entries", "/api/journal/entries/**").hasRole(CLIENT)
                .requestMatchers(HttpMethod.GET, "/api/journal/shared-entries", "/api/journal/shared-entries/*")
                .hasRole(THERAPIST)
                .requestMatchers(HttpMethod.GET, "/api/journal/adherence").hasRole(THERAPIST)
                .requestMatchers(HttpMethod.POST, "/api/journal/programs").hasAnyRole(THERAPIST, ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/journal/programs", "/api/journal/programs/*")
                .hasAnyRole(THERAPIST, ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/journal/programs/*/enrolments").hasRole(THERAPIST)
                .requestMatchers("/api/journal/programs/**").denyAll()
                .requestMatchers(HttpMethod.GET, "/api/journal/program-enrolments").hasAnyRole(CLIENT, THERAPIST)
                .requestMatchers(HttpMethod.POST, "/api/journal/program-enrolments/*/pause",
                        "/api/journal/program-enrolments/*/resume", "/api/journal/program-enrolments/*/end")
                .hasRole(THERAPIST)
                .requestMatchers("/api/journal/program-enrolments/**").denyAll()
                .requestMatchers(HttpMethod.GET, "/api/journal/agenda/*", "/api/journal/agenda/*/reviews").hasRole(THERAPIST)
                .requestMatchers(HttpMethod.POST, "/api/journal/agenda/*/reviewed").hasRole(THERAPIST)
                .requestMatchers("/api/journal/agenda/**").denyAll()
                .requestMatchers(HttpMethod.GET, "/api/journal/measures/instruments", "/api/journal/measures/instruments/*",
                        "/api/journal/measures/instruments/*/fhir")
                .hasAnyRole(CLIENT, THERAPIST)
                .requestMatchers(HttpMethod.POST, "/api/journal/measures/schedules", "/api/journal/measures/schedules/*/end")
                .hasRole(THERAPIST)
                .requestMatchers(HttpMethod.GET, "/api/journal/measures/schedules", "/api/journal/measures/attention")
                .hasRole(THERAPIST)
                .requestMatchers(HttpMethod.PUT, "/api/journal/measures/*/answers/*").hasRole(CLIENT)
                .requestMatchers(HttpMethod.POST, "/api/journal/measures/*/submit").hasRole(CLIENT)
                .requestMatchers(HttpMethod.POST, "/api/journal/measures/*/acknowledge").hasRole(THERAPIST)
                .requestMatchers(HttpMethod.GET, "/api/journal/measures", "/api/journal/measures/*",
                        "/api/journal/measures/*/fhir/questionnaire-response", "/api/journal/measures/*/fhir/observation")
                .hasAnyRole(CLIENT, THERAPIST)
                .requestMatchers("/api/journal/measures/**").denyAll()
                // Whose record a person may copy is the record feature's to say (404 otherwise, admins included): a
                // copy is of an object, a person's record, not a kind of action a role never has.
                .requestMatchers(HttpMethod.POST, "/api/journal/record-exports").hasAnyRole(CLIENT, THERAPIST, ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/journal/record-exports", "/api/journal/record-exports/*",
                        "/api/journal/record-exports/*/archive")
                .hasAnyRole(CLIENT, THERAPIST, ADMIN)
                .requestMatchers("/api/journal/record-exports/**").denyAll()
                .requestMatchers(HttpMethod.GET, "/api/journal/audit").hasAnyRole(CLIENT, ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/journal/audit/export").hasRole(ADMIN);
    }
}
