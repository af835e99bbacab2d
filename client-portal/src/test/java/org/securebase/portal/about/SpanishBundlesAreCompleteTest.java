package org.securebase.portal.about;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A bundle that has a Spanish version has it for every key, and nothing more: a key missing in Spanish would show
 * the English text on a Spanish page, a key only in Spanish is a message no English page has.
 */
class SpanishBundlesAreCompleteTest {

    private static final Path RESOURCES = Path.of("src/main/resources");

    @Test
    void everySpanishBundleHasExactlyTheKeysOfItsEnglishOne() throws IOException {
        List<Path> spanish;
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            spanish = files.filter(file -> file.getFileName().toString().endsWith("_es.properties")).toList();
        }
        assertThat(spanish).as("Spanish bundles").isNotEmpty();

        List<String> differences = new ArrayList<>();
        for (Path es : spanish) {
            Path en = es.resolveSibling(es.getFileName().toString().replace("_es.properties", ".properties"));
            Set<String> english = keys(en);
            Set<String> spanishKeys = keys(es);
            for (String key : english) {
                if (!spanishKeys.contains(key)) {
                    differences.add(es.getFileName() + " lacks " + key);
                }
            }
            for (String key : spanishKeys) {
                if (!english.contains(key)) {
                    differences.add(es.getFileName() + " has " + key + ", which " + en.getFileName() + " has not");
                }
            }
        }
        assertThat(differences).isEmpty();
    }

    private static Set<String> keys(Path bundle) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
