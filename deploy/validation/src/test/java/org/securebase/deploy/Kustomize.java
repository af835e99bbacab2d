package org.securebase.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A kustomization as {@code kubectl kustomize} renders it: the documents {@code kubectl apply -k} would send.
 * kubectl is the one on {@code PATH}, or {@code -Dsecurebase.kubectl=/path/to/kubectl}.
 */
final class Kustomize {

    static final String INSTALL_HINT = "deploy/validation renders the kustomizations with kubectl (1.27 or newer, whose "
            + "kustomize is built in): install it, e.g. Debian/Ubuntu `apt-get install kubectl` from the Kubernetes "
            + "project's package repository, or name it with -Dsecurebase.kubectl=/path/to/kubectl";

    /** kustomize's suffix for generated ConfigMaps and Secrets, a hash of their content. */
    private static final Pattern HASH_SUFFIX = Pattern.compile("-[a-z0-9]{10}");

    /** One rendered resource and the kustomization it came from. */
    record Resource(ObjectNode document, String origin) {
        String kind() {
            return document.path("kind").asText();
        }

        String name() {
            return document.path("metadata").path("name").asText();
        }

        /** The name before kustomize appended its content hash, for generated ConfigMaps and Secrets. */
        boolean isNamed(String name) {
            String actual = name();
            return actual.equals(name) || (actual.startsWith(name) && (kind().equals("ConfigMap") || kind().equals("Secret"))
                    && HASH_SUFFIX.matcher(actual.substring(name.length())).matches());
        }

        @Override
        public String toString() {
            return kind() + "/" + name() + " (" + origin + ")";
        }
    }

    /** What a kustomization rendered. */
    record Build(String origin, List<Resource> resources) {
        List<Resource> ofKind(String kind) {
            return resources.stream().filter(r -> r.kind().equals(kind)).toList();
        }

        Resource get(String kind, String name) {
            return resources.stream().filter(r -> r.kind().equals(kind) && r.isNamed(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " in " + origin));
        }
    }

    private Kustomize() {
    }

    /**
     * Renders a kustomization. {@code loadAnywhere} passes {@code --load-restrictor LoadRestrictionsNone}, which
     * the dev overlay needs for the files it shares with Compose; production must render without it, as
     * {@code kubectl apply -k} does.
     */
    static Build build(Path directory, boolean loadAnywhere) {
        List<String> command = new ArrayList<>(List.of(kubectl(), "kustomize"));
        if (loadAnywhere) {
            command.addAll(List.of("--load-restrictor", "LoadRestrictionsNone"));
        }
        command.add(directory.toString());
        String origin = "kubectl kustomize " + Project.relative(directory);
        String yaml = run(command, origin);
        List<Resource> resources = new ArrayList<>();
        try (YAMLParser parser = ((YAMLFactory) Project.YAML.getFactory()).createParser(yaml)) {
            for (var values = Project.YAML.readValues(parser, JsonNode.class); values.hasNextValue(); ) {
                JsonNode document = values.nextValue();
                if (document != null && document.isObject()) {
                    resources.add(new Resource((ObjectNode) document, origin));
                }
            }
        } catch (IOException e) {
            throw new AssertionError(origin + " printed what is not YAML: " + e.getMessage(), e);
        }
        if (resources.isEmpty()) {
            throw new AssertionError(origin + " rendered nothing");
        }
        return new Build(origin, resources);
    }

    /** The kubectl to run; fails with how to install it when there is none. */
    static String kubectl() {
        String configured = System.getProperty("securebase.kubectl");
        if (configured != null && !configured.isBlank()) {
            if (!Files.isExecutable(Path.of(configured))) {
                throw new AssertionError("-Dsecurebase.kubectl=" + configured + " is not an executable file. " + INSTALL_HINT);
            }
            return configured;
        }
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError("kubectl is not on PATH. " + INSTALL_HINT);
    }

    private static String run(List<String> command, String origin) {
        try {
            Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            // both streams at once: a full stderr pipe would otherwise stall kubectl while stdout is being read
            CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String output = readAll(process.getInputStream());
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(origin + " did not finish within 2 minutes");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(origin + " failed (exit " + process.exitValue() + "): " + errors.join().strip());
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError(origin + " could not be run: " + e.getMessage() + ". " + INSTALL_HINT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(origin + " was interrupted", e);
        }
    }

    private static String readAll(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every file a kustomization names, followed into the kustomizations and components it includes: resources,
     * components, patches and generator files. kubectl already fails on a name that does not exist; this is for
     * the opposite, a manifest no kustomization includes.
     */
    static List<Path> referencedFiles(Path directory) {
        List<Path> files = new ArrayList<>();
        Path file = directory.resolve("kustomization.yaml");
        files.add(file.toAbsolutePath().normalize());
        JsonNode kustomization = Project.yaml(file);
        List<String> references = new ArrayList<>();
        kustomization.path("resources").forEach(r -> references.add(r.asText()));
        kustomization.path("components").forEach(r -> references.add(r.asText()));
        kustomization.path("patches").forEach(p -> {
            if (p.has("path")) {
                references.add(p.get("path").asText());
            }
        });
        for (String generators : List.of("configMapGenerator", "secretGenerator")) {
            kustomization.path(generators).forEach(g -> {
                g.path("files").forEach(f -> references.add(f.asText().substring(f.asText().indexOf('=') + 1)));
                g.path("envs").forEach(f -> references.add(f.asText()));
            });
        }
        for (String reference : references) {
            Path target = directory.resolve(reference).toAbsolutePath().normalize();
            if (Files.isDirectory(target)) {
                files.addAll(referencedFiles(target));
            } else {
                files.add(target);
            }
        }
        return files;
    }

    /** Containers and init containers of a workload's pod template (or a Job's). */
    static List<JsonNode> containers(JsonNode document) {
        List<JsonNode> containers = new ArrayList<>();
        JsonNode spec = podSpec(document);
        if (spec != null) {
            spec.path("containers").forEach(containers::add);
            spec.path("initContainers").forEach(containers::add);
        }
        return containers;
    }

    static JsonNode podSpec(JsonNode document) {
        JsonNode template = document.path("spec").path("template");
        if (document.path("kind").asText().equals("Job") || template.has("spec")) {
            return template.path("spec");
        }
        return null;
    }
}
