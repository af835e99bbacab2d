package org.securebase.content.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.securebase.content.article.ArticleAuthoring;
import org.securebase.content.article.ArticleContent;
import org.securebase.platform.contracts.ArticleAuthors;
import org.securebase.platform.contracts.ContentLimits;
import org.securebase.platform.security.Caller;
import org.securebase.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the seed article on first start, and its series' next article as an empty draft. Idempotent:
 * once the seed's slug exists nothing is touched again, so an author's later edit, retraction or deletion of
 * the placeholder survives restarts. Runs before the service reports ready.
 */
@Component
@ConditionalOnProperty(name = "securebase.content.seed.enabled", havingValue = "true", matchIfMissing = true)
class SeedImporter implements ApplicationRunner {

    static final String RESOURCE = "seed/attachment-and-healing.txt";
    static final String SLUG = "attachment-and-healing";
    static final String NEXT_SLUG = "healing-through-the-body";
    static final List<String> TAGS = List.of("attachment", "relationships", "therapy");

    /** The author of imported content: not a person but the practice, so every author may edit the seed. */
    static final Caller SYSTEM = new Caller(ArticleAuthors.PRACTICE, Role.ADMIN, "Secure Base seed import");

    // Any fixed number; every instance uses the same one so concurrent starts import once.
    private static final long ADVISORY_LOCK_KEY = 0x5ecb45e_5eedL;

    private static final Logger log = LoggerFactory.getLogger(SeedImporter.class);

    private final ArticleAuthoring authoring;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;

    SeedImporter(ArticleAuthoring authoring, TransactionTemplate transaction, JdbcClient jdbc) {
        this.authoring = authoring;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        SeedArticle seed = SeedArticleParser.parse(readSeed());
        transaction.executeWithoutResult(status -> {
            // Held until commit: a second instance starting at the same time waits, then sees the seed.
            jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", ADVISORY_LOCK_KEY).query().singleRow();
            if (authoring.exists(SLUG)) {
                return;
            }
            String next = null;
            if (seed.nextTitle() != null) {
                if (!authoring.exists(NEXT_SLUG)) {
                    authoring.create(NEXT_SLUG, new ArticleContent(seed.nextTitle(), "", ContentLimits.DEFAULT_LANGUAGE, "", List.of(), null), SYSTEM);
                }
                next = NEXT_SLUG;
            }
            authoring.create(SLUG, new ArticleContent(seed.title(), seed.summary(), ContentLimits.DEFAULT_LANGUAGE, seed.markdown(),
                    TAGS, next), SYSTEM);
            authoring.publish(SLUG, null, SYSTEM);
            log.info("Published the seed article '{}'", SLUG);
        });
    }

    static String readSeed() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the seed article " + RESOURCE + " is missing from the service", e);
        }
    }
}
