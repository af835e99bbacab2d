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
 * Every bundle the portal reads has a Spanish version, with every key and nothing more, and the same placeholders: a
 * bundle or key missing in Spanish would show English text on a page whose {@code lang} says Spanish, a key only in
 * Spanish is a message no English page has, and a lost {@code {0}} would drop a number or a name from the sentence.
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

    @Test
    void everyBundleThePortalReadsHasASpanishVersion() throws IOException {
        String basenames = Files.readAllLines(RESOURCES.resolve("application.yml"), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(line -> line.startsWith("basename:")).findFirst()
                .orElseThrow(() -> new AssertionError("spring.messages.basename not found in application.yml"))
                .substring("basename:".length());
        List<String> missing = new ArrayList<>();
        for (String basename : basenames.split(",")) {
            if (!Files.isRegularFile(RESOURCES.resolve(basename.strip() + "_es.properties"))) {
                missing.add(basename.strip());
            }
        }
        assertThat(missing).as("bundles without a Spanish version").isEmpty();
    }

    @Test
    void everySpanishMessageKeepsTheEnglishPlaceholders() throws IOException {
        java.util.regex.Pattern placeholder = java.util.regex.Pattern.compile("\\{(\\d+)");
        List<String> differences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path es : files.filter(file -> file.getFileName().toString().endsWith("_es.properties")).toList()) {
                Properties spanish = load(es);
                Properties english = load(es.resolveSibling(es.getFileName().toString().replace("_es.properties", ".properties")));
                for (String key : english.stringPropertyNames()) {
                    Set<String> expected = new TreeSet<>(placeholder.matcher(english.getProperty(key)).results()
                            .map(match -> match.group(1)).toList());
                    Set<String> actual = new TreeSet<>(placeholder.matcher(spanish.getProperty(key, "")).results()
                            .map(match -> match.group(1)).toList());
                    if (!expected.equals(actual)) {
                        differences.add(es.getFileName() + " " + key + ": " + actual + " instead of " + expected);
                    }
                }
            }
        }
        assertThat(differences).isEmpty();
    }

    private static Properties load(Path bundle) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Set<String> keys(Path bundle) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
