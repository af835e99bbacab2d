package org.securebase.portal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.securebase.platform.contracts.ContentLimits;
import org.securebase.platform.contracts.JournalLimits;
import org.securebase.platform.embedded.PostgresServer;
import org.securebase.platform.test.TestBackends;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.securebase.portal.WebSliceSecurity.as;
import static org.securebase.portal.WrittenText.lineOfLength;
import static org.securebase.portal.WrittenText.ofLength;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole portal as it runs (its session store in a real PostgreSQL, its real security, every typed client on the
 * real {@code PlatformApi}): the application starts, and its forms are checked with the Bean Validation provider and
 * the limits of platform-contracts before anything is sent. No service is running, so a form that reached a
 * client would say the service is unavailable instead of explaining the field.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PortalApplicationIT {

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        PostgresServer.Database database = TestBackends.postgres().database("portal", "portal", "portal");
        registry.add("spring.datasource.url", database::jdbcUrl);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
        registry.add("securebase.keycloak.client-secret", () -> "unused-here");
        registry.add("securebase.session.secret", () -> "a-test-session-secret-of-more-than-32-bytes");
        // platform-test brings platform-events (Spring Modulith's event registry) onto the test classpath only; the
        // portal's own migrations (db/portal) have no event tables, so the registry makes its own here.
        registry.add("spring.modulith.events.jdbc.schema-initialization.enabled", () -> "true");
        // Nothing listens on port 1: any API call would fail at once as "unavailable".
        for (String service : new String[] {"journal", "content", "accounts"}) {
            registry.add("securebase.api." + service + "-url", () -> "http://127.0.0.1:1");
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;

    @Autowired
    JdbcTemplate jdbc;

    /**
     * The real session store seals what it keeps (the table holds no readable value) and reads back through the
     * allow-list: a planted gadget class is dropped, the portal's own values pass.
     */
    @Test
    void theSessionStoreKeepsNothingReadableAndReadsOnlyAllowListedClasses() {
        plantAndRead(sessions);
    }

    private <S extends Session> void plantAndRead(SessionRepository<S> store) {
        S session = store.createSession();
        session.setAttribute("notice", "journal.saved");
        session.setAttribute("planted", new javax.management.BadAttributeValueExpException("x"));
        store.save(session);

        List<byte[]> rows = jdbc.queryForList("select a.attribute_bytes from spring_session_attributes a "
                + "join spring_session s on s.primary_id = a.session_primary_id where s.session_id = ?",
                byte[].class, session.getId());
        assertThat(rows).hasSize(2).allSatisfy(bytes -> assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                .doesNotContain("journal.saved").doesNotContain("javax.management"));
        S stored = store.findById(session.getId());
        assertThat((String) stored.getAttribute("notice")).isEqualTo("journal.saved");
        assertThat((Object) stored.getAttribute("planted")).as("refused, so dropped").isNull();
        store.deleteById(session.getId());
    }

    @Test
    void anOverLongEntryIsExplainedBesideTheFieldWithTheTextKept() throws Exception {
        String body = ofLength(JournalLimits.ENTRY_BODY + 1);

        String html = mvc.perform(post("/journal").with(as("client")).with(csrf()).param("body", body))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"body-error\"").contains("at most 20,000 characters")
                .contains("data-max-length=\"" + JournalLimits.ENTRY_BODY + "\"").contains(">" + body + "</textarea>")
                .containsPattern("/js/limits-[0-9a-f]{32}\\.js").doesNotContain("maxlength=").doesNotContain("unavailable");
    }

    @Test
    void anOverLongLibrarySearchIsExplainedAndNotSearched() throws Exception {
        String html = mvc.perform(get("/library").param("q", lineOfLength(ContentLimits.QUERY + 1)).with(as("client")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"q-error\"").contains("data-max-length=\"" + ContentLimits.QUERY + "\"")
                .doesNotContain("The reading library is unavailable");
    }

    @Test
    void aPageWhoseServiceIsDownSaysSoThroughItsTypedClient() throws Exception {
        String html = mvc.perform(get("/library").with(as("client"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("The reading library is unavailable right now.");
    }

    @Test
    void scriptsAndStylesAreNamedByTheirContentAndKeptAYear() throws Exception {
        String html = mvc.perform(post("/journal").with(as("client")).with(csrf()).param("body", ofLength(10)))
                .andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("/js/limits-[0-9a-f]{32}\\.js").matcher(html);
        assertThat(script.find()).as("the page names the script by its content hash").isTrue();

        var response = mvc.perform(get(script.group())).andExpect(status().isOk()).andReturn().getResponse();

        assertThat(response.getContentAsString()).contains("data-max-length");
        assertThat(response.getHeader("Cache-Control")).contains("max-age=31536000").doesNotContain("no-store");
    }
}
