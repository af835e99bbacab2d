package org.securebase.portal.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.securebase.platform.contracts.ContentLimits;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

/** The upload limits in application.yml are ContentLimits' (one source of truth), and the portal takes what content-service takes. */
class LibraryUploadSettingsTest {

    private static final Pattern DEFAULT_OF_PLACEHOLDER = Pattern.compile("\\$\\{[A-Z_]+:([^}]+)}");

    @Test
    void theUploadLimitsAreTheImportRequestLimit() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();

        assertThat(bytes(properties.getProperty("spring.servlet.multipart.max-request-size")))
                .isEqualTo(ContentLimits.IMPORT_REQUEST_BYTES);
        assertThat(bytes(properties.getProperty("spring.servlet.multipart.max-file-size")))
                .isEqualTo(ContentLimits.IMPORT_REQUEST_BYTES);
        assertThat(bytes(properties.getProperty("spring.servlet.multipart.file-size-threshold")))
                .isLessThan(ContentLimits.IMPORT_FILE_BYTES);
        assertThat(Integer.parseInt(properties.getProperty("server.tomcat.max-part-count")))
                .isGreaterThan(ContentLimits.IMPORT_FILES);
    }

    private static long bytes(String value) {
        Matcher placeholder = DEFAULT_OF_PLACEHOLDER.matcher(value);
        return DataSize.parse(placeholder.matches() ? placeholder.group(1) : value).toBytes();
    }
}
