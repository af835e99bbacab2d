package org.securebase.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The repository checkout these tests read: paths, files and YAML documents. */
final class Project {

    /** The five services, as module directory = artifactId. */
    static final List<String> SERVICES =
            List.of("api-gateway", "client-portal", "content-service", "journal-service", "account-service");

    /** YAML and JSON readers that reject a key given twice in one mapping. */
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Project() {
    }

    static Path root() {
        String configured = System.getProperty("securebase.projectRoot");
        Path root = configured != null ? Path.of(configured) : Path.of("../..");
        root = root.toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("deploy/local-stack/pom.xml"))) {
            throw new IllegalStateException("not the Secure Base repository root: " + root);
        }
        return root;
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relative(file), e);
        }
    }

    static String relative(Path file) {
        Path normalized = file.toAbsolutePath().normalize();
        return normalized.startsWith(root()) ? root().relativize(normalized).toString() : normalized.toString();
    }

    /** Every non-empty YAML document of a file, in order. */
    static List<JsonNode> yamlDocuments(Path file) {
        List<JsonNode> documents = new ArrayList<>();
        try (YAMLParser parser = ((YAMLFactory) YAML.getFactory()).createParser(file.toFile())) {
            for (var values = YAML.readValues(parser, JsonNode.class); values.hasNextValue(); ) {
                JsonNode document = values.nextValue();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("not valid YAML: " + relative(file) + ": " + e.getMessage(), e);
        }
        return documents;
    }

    static JsonNode yaml(Path file) {
        List<JsonNode> documents = yamlDocuments(file);
        if (documents.size() != 1) {
            throw new IllegalStateException(relative(file) + " should hold exactly one YAML document, not " + documents.size());
        }
        return documents.get(0);
    }

    static ObjectNode json(Path file) {
        try {
            return (ObjectNode) JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("not valid JSON: " + relative(file) + ": " + e.getMessage(), e);
        }
    }

    /** Every *.yaml / *.yml under a directory, sorted. */
    static List<Path> yamlFilesUnder(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service's main resources: application.yml and any application-*.yml profile files. */
    static List<Path> applicationYamls(String service) {
        Path resources = path(service + "/src/main/resources");
        try (Stream<Path> files = Files.list(resources)) {
            return files.filter(f -> f.getFileName().toString().matches("application(-[\\w-]+)?\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("no resources for " + service, e);
        }
    }

    static Stream<Path> javaSources(String module) {
        Path sources = path(module + "/src/main/java");
        try {
            return Files.walk(sources).filter(f -> f.toString().endsWith(".java")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
