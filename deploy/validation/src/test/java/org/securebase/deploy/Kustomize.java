package org.securebase.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small, strict stand-in for {@code kustomize build}, enough for our kustomizations: resources (files and
 * directories), configMapGenerator / secretGenerator (literals and files; behavior create or merge), patches
 * (strategic-merge documents, or JSON 6902 operations with a target), images and namespace. Every file a
 * kustomization names must exist; any field outside this set fails, so the emulation cannot silently differ from
 * kustomize on something it does not understand. Generated names get no hash suffix here, and strategic merge
 * is approximated (maps merge, lists of named items merge by name, other lists are replaced, null deletes).
 */
final class Kustomize {

    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "namespace", "resources",
            "configMapGenerator", "secretGenerator", "patches", "images");

    /** One rendered resource and where it came from. */
    record Resource(ObjectNode document, String origin) {
        String kind() {
            return document.path("kind").asText();
        }

        String name() {
            return document.path("metadata").path("name").asText();
        }

        @Override
        public String toString() {
            return kind() + "/" + name() + " (" + origin + ")";
        }
    }

    /** What a kustomization produced, and the generator inputs it read. */
    record Build(List<Resource> resources, List<Path> filesRead, Map<String, List<String>> secretLiterals) {
        List<Resource> ofKind(String kind) {
            return resources.stream().filter(r -> r.kind().equals(kind)).toList();
        }

        Resource get(String kind, String name) {
            return resources.stream().filter(r -> r.kind().equals(kind) && r.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " in the build"));
        }
    }

    private Kustomize() {
    }

    static Build build(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(Project.relative(directory) + " has no kustomization.yaml");
        }
        JsonNode kustomization = Project.yaml(file);
        String where = Project.relative(file);
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new AssertionError(where + ": field '" + field + "' is not one deploy-validation understands " + FIELDS);
            }
        });
        require(kustomization.path("apiVersion").asText().equals("kustomize.config.k8s.io/v1beta1"), where + ": apiVersion");
        require(kustomization.path("kind").asText().equals("Kustomization"), where + ": kind");

        List<Resource> resources = new ArrayList<>();
        List<Path> filesRead = new ArrayList<>();
        Map<String, List<String>> secretLiterals = new LinkedHashMap<>();
        for (JsonNode entry : kustomization.path("resources")) {
            String reference = entry.asText();
            require(!reference.contains("://") && !reference.startsWith("github.com"), where + ": remote resource " + reference);
            Path target = directory.resolve(reference).normalize();
            if (Files.isDirectory(target)) {
                Build base = build(target);
                resources.addAll(base.resources());
                filesRead.addAll(base.filesRead());
                secretLiterals.putAll(base.secretLiterals());
            } else {
                require(Files.isRegularFile(target), where + ": resource " + reference + " does not exist");
                filesRead.add(target);
                for (JsonNode document : Project.yamlDocuments(target)) {
                    require(document.isObject(), Project.relative(target) + ": a document is not a mapping");
                    resources.add(new Resource((ObjectNode) document.deepCopy(), Project.relative(target)));
                }
            }
        }

        generate(kustomization.path("configMapGenerator"), "ConfigMap", directory, where, resources, filesRead, secretLiterals);
        generate(kustomization.path("secretGenerator"), "Secret", directory, where, resources, filesRead, secretLiterals);

        for (JsonNode patch : kustomization.path("patches")) {
            applyPatch(patch, directory, where, resources, filesRead);
        }
        for (JsonNode image : kustomization.path("images")) {
            applyImage(image, where, resources);
        }
        if (kustomization.has("namespace")) {
            for (Resource resource : resources) {
                ((ObjectNode) resource.document().with("metadata")).put("namespace", kustomization.get("namespace").asText());
            }
        }
        return new Build(resources, filesRead, secretLiterals);
    }

    private static void generate(JsonNode generators, String kind, Path directory, String where, List<Resource> resources,
                                 List<Path> filesRead, Map<String, List<String>> secretLiterals) {
        for (JsonNode generator : generators) {
            String name = generator.path("name").asText();
            require(!name.isEmpty(), where + ": a " + kind + " generator without name");
            generator.fieldNames().forEachRemaining(field -> require(
                    Set.of("name", "behavior", "literals", "files", "envs", "options").contains(field),
                    where + ": generator " + name + " has unsupported field " + field));
            ObjectNode data = JsonNodeFactory.instance.objectNode();
            for (JsonNode literal : generator.path("literals")) {
                String text = literal.asText();
                int equals = text.indexOf('=');
                require(equals > 0, where + ": literal '" + text + "' of " + name + " is not key=value");
                data.put(text.substring(0, equals), text.substring(equals + 1));
                if (kind.equals("Secret")) {
                    secretLiterals.computeIfAbsent(name, n -> new ArrayList<>()).add(text.substring(0, equals));
                }
            }
            for (JsonNode fileEntry : generator.path("files")) {
                String text = fileEntry.asText();
                int equals = text.indexOf('=');
                String key = equals > 0 ? text.substring(0, equals) : Path.of(text).getFileName().toString();
                Path source = directory.resolve(equals > 0 ? text.substring(equals + 1) : text).normalize();
                require(Files.isRegularFile(source), where + ": generator " + name + " reads " + text + ", which does not exist ("
                        + source + ")");
                filesRead.add(source);
                data.put(key, Project.read(source));
            }
            for (JsonNode envs : generator.path("envs")) {
                Path source = directory.resolve(envs.asText()).normalize();
                require(Files.isRegularFile(source), where + ": generator " + name + " reads " + envs.asText() + ", which does not exist");
                filesRead.add(source);
            }
            String behavior = generator.path("behavior").asText("create");
            Resource existing = resources.stream().filter(r -> r.kind().equals(kind) && r.name().equals(name)).findFirst().orElse(null);
            switch (behavior) {
                case "create" -> {
                    require(existing == null, where + ": " + kind + " " + name + " is generated twice (use behavior: merge)");
                    ObjectNode document = JsonNodeFactory.instance.objectNode();
                    document.put("apiVersion", "v1").put("kind", kind);
                    document.putObject("metadata").put("name", name);
                    document.set("data", data);
                    resources.add(new Resource(document, where));
                }
                case "merge", "replace" -> {
                    require(existing != null, where + ": " + kind + " " + name + " has behavior " + behavior + " but no base generates it");
                    ObjectNode target = existing.document().with("data");
                    if (behavior.equals("replace")) {
                        target.removeAll();
                    }
                    target.setAll(data);
                }
                default -> throw new AssertionError(where + ": unknown generator behavior " + behavior);
            }
        }
    }

    private static void applyPatch(JsonNode patch, Path directory, String where, List<Resource> resources, List<Path> filesRead) {
        patch.fieldNames().forEachRemaining(field -> require(Set.of("path", "patch", "target").contains(field),
                where + ": patch field " + field + " is not supported"));
        JsonNode content;
        String origin;
        if (patch.has("path")) {
            Path file = directory.resolve(patch.get("path").asText()).normalize();
            require(Files.isRegularFile(file), where + ": patch " + patch.get("path").asText() + " does not exist");
            filesRead.add(file);
            content = Project.yaml(file);
            origin = Project.relative(file);
        } else {
            try {
                content = Project.YAML.readTree(patch.path("patch").asText());
            } catch (Exception e) {
                throw new AssertionError(where + ": inline patch is not YAML: " + e.getMessage());
            }
            origin = where + " (inline patch)";
        }
        JsonNode target = patch.get("target");
        List<Resource> targets;
        if (target != null) {
            targets = resources.stream().filter(r -> matches(r, target)).toList();
        } else {
            require(content.isObject(), origin + ": a JSON 6902 patch needs a target");
            targets = resources.stream().filter(r -> r.kind().equals(content.path("kind").asText())
                    && r.name().equals(content.path("metadata").path("name").asText())).toList();
        }
        require(!targets.isEmpty(), origin + ": the patch matches no resource");
        for (Resource resource : targets) {
            if (content.isArray()) {
                for (JsonNode operation : content) {
                    jsonPatch(resource.document(), operation, origin + " on " + resource);
                }
            } else {
                require(content.path("kind").asText().equals(resource.kind()), origin + ": patch kind differs from " + resource);
                ObjectNode patchCopy = (ObjectNode) content.deepCopy();
                ((ObjectNode) patchCopy.with("metadata")).put("name", resource.name());
                merge(resource.document(), patchCopy, origin);
            }
        }
    }

    private static boolean matches(Resource resource, JsonNode target) {
        if (target.has("kind") && !target.get("kind").asText().equals(resource.kind())) {
            return false;
        }
        if (target.has("name") && !target.get("name").asText().equals(resource.name())) {
            return false;
        }
        if (target.has("labelSelector")) {
            JsonNode labels = resource.document().path("metadata").path("labels");
            for (String requirement : target.get("labelSelector").asText().split(",")) {
                String[] pair = requirement.trim().split("=", 2);
                if (pair.length != 2 || !labels.path(pair[0]).asText("\u0000").equals(pair[1])) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Strategic merge, approximated: null deletes, maps merge, lists of items with a name merge by name. */
    static void merge(ObjectNode target, ObjectNode patch, String origin) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            require(!key.startsWith("$"), origin + ": directive " + key + " is not supported here");
            JsonNode current = target.get(key);
            if (value.isNull()) {
                require(current != null, origin + ": deletes " + key + ", which is not there");
                target.remove(key);
            } else if (value.isObject() && current != null && current.isObject()) {
                merge((ObjectNode) current, (ObjectNode) value, origin);
            } else if (value.isArray() && current != null && current.isArray() && namedItems(value) && namedItems(current)) {
                ArrayNode merged = (ArrayNode) current;
                for (JsonNode item : value) {
                    JsonNode existing = null;
                    for (JsonNode candidate : merged) {
                        if (candidate.path("name").equals(item.path("name"))) {
                            existing = candidate;
                        }
                    }
                    if (existing == null) {
                        merged.add(item.deepCopy());
                    } else {
                        merge((ObjectNode) existing, (ObjectNode) item, origin);
                    }
                }
            } else {
                target.set(key, value.deepCopy());
            }
        }
    }

    private static boolean namedItems(JsonNode list) {
        if (list.isEmpty()) {
            return false;
        }
        for (JsonNode item : list) {
            if (!item.isObject() || !item.has("name")) {
                return false;
            }
        }
        return true;
    }

    private static void jsonPatch(ObjectNode document, JsonNode operation, String where) {
        String op = operation.path("op").asText();
        String path = operation.path("path").asText();
        require(path.startsWith("/"), where + ": path " + path);
        String[] parts = path.substring(1).split("/");
        JsonNode parent = document;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = child(parent, unescape(parts[i]));
            require(parent != null, where + ": " + op + " " + path + ": no " + parts[i]);
        }
        String last = unescape(parts[parts.length - 1]);
        switch (op) {
            case "replace", "remove" -> {
                require(child(parent, last) != null, where + ": " + op + " " + path + ": nothing there");
                if (op.equals("remove")) {
                    remove(parent, last);
                } else {
                    set(parent, last, operation.get("value"));
                }
            }
            case "add" -> {
                require(operation.has("value"), where + ": add " + path + " without value");
                set(parent, last, operation.get("value"));
            }
            default -> throw new AssertionError(where + ": op " + op + " is not supported here");
        }
    }

    private static JsonNode child(JsonNode node, String key) {
        if (node.isArray()) {
            return key.matches("\\d+") ? node.get(Integer.parseInt(key)) : null;
        }
        return node.get(key);
    }

    private static void set(JsonNode parent, String key, JsonNode value) {
        if (parent.isArray()) {
            if (key.equals("-")) {
                ((ArrayNode) parent).add(value.deepCopy());
            } else {
                ((ArrayNode) parent).insert(Integer.parseInt(key), value.deepCopy());
            }
        } else {
            ((ObjectNode) parent).set(key, value.deepCopy());
        }
    }

    private static void remove(JsonNode parent, String key) {
        if (parent.isArray()) {
            ((ArrayNode) parent).remove(Integer.parseInt(key));
        } else {
            ((ObjectNode) parent).remove(key);
        }
    }

    private static String unescape(String part) {
        return part.replace("~1", "/").replace("~0", "~");
    }

    private static void applyImage(JsonNode image, String where, List<Resource> resources) {
        String name = image.path("name").asText();
        boolean used = false;
        for (Resource resource : resources) {
            for (JsonNode container : containers(resource.document())) {
                String current = container.path("image").asText();
                String repository = current.contains("@") ? current.substring(0, current.indexOf('@'))
                        : current.lastIndexOf(':') > current.lastIndexOf('/') ? current.substring(0, current.lastIndexOf(':')) : current;
                if (repository.equals(name)) {
                    used = true;
                    String tag = current.substring(repository.length());
                    String newName = image.path("newName").asText(repository);
                    String newTag = image.has("newTag") ? ":" + image.get("newTag").asText() : tag;
                    ((ObjectNode) container).put("image", newName + newTag);
                }
            }
        }
        require(used, where + ": image " + name + " is used by no container");
    }

    /** Containers and init containers of a workload's pod template (or a bare pod spec). */
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

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
