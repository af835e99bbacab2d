package org.securebase.content.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.securebase.content.article.ArticleAuthoring;
import org.securebase.platform.web.SecureBaseWebProperties;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The body limit in application.yml names both limits in its 413 as plain numbers; this keeps them the
 * configured size and the article's Markdown limit.
 */
class RequestBodyLimitSettingsTest {

    @Test
    void theLimitHoldsTheLargestArticleAndItsRefusalNamesBothLimits() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        SecureBaseWebProperties web = new Binder(new MapConfigurationPropertySource(yaml.getObject()))
                .bindOrCreate("securebase.web", SecureBaseWebProperties.class);

        // Up to 3 bytes a character in UTF-8, plus the JSON around it.
        assertThat(web.maxBodyBytes()).isGreaterThan(3 * ArticleAuthoring.MAX_MARKDOWN_CHARS);
        assertThat(web.maxBodyDetail())
                .contains("at most " + web.maxBodyBytes() + " bytes")
                .contains("at most " + ArticleAuthoring.MAX_MARKDOWN_CHARS + " characters");
    }
}
