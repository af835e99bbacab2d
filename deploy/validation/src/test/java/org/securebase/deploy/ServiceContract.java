package org.securebase.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service needs from any deployment, derived from the code rather than listed by hand:
 * <ul>
 *   <li>every variable the local-stack launcher passes to it (read from {@code SecureBaseStack.java}'s env maps),</li>
 *   <li>every {@code ${UPPER_CASE}} placeholder in its application*.yml (and the shared service defaults of
 *       platform-web and platform-security when it uses them),</li>
 *   <li>the environment form of every property there whose value points at localhost, or whose name says it is
 *       a password, secret or keyset (a development default that a real deployment must replace; one whose value
 *       is a placeholder is required as that placeholder's variable),</li>
 *   <li>the few declared in {@code deploy/validation/service-env.yaml}, each of which must still name a real
 *       property of the service.</li>
 * </ul>
 * Ports and health paths come from the same configuration.
 */
record ServiceContract(String service, Map<String, String> properties, Map<String, String> requiredEnv,
                       Set<String> knownEnv, int serverPort, int managementPort, String livenessPath, String readinessPath) {

    /** Launcher variables that exist because local ports are configurable; containers use application.yml's. */
    static final Set<String> LAUNCHER_ONLY = Set.of("SERVER_PORT", "MANAGEMENT_SERVER_PORT");

    private static final Pattern SECRET_NAME = Pattern.compile("(^|\\.)(password|secret|client-secret|keyset|credentials|private-key)$");
    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
    private static final Map<String, ServiceContract> CACHE = new LinkedHashMap<>();

    static synchronized ServiceContract of(String service) {
        return CACHE.computeIfAbsent(service, ServiceContract::derive);
    }

    /**
     * Spring Boot's relaxed binding: an environment variable that sets a property. Boot accepts two spellings,
     * dashes removed ({@code ISSUERURI}) or turned into underscores ({@code ISSUER_URI}); this returns the
     * second, and {@link #sameVariable} treats both as one.
     */
    static String envName(String property) {
        return property.replaceAll("\\[(\\d+)]", "_$1_").replace('.', '_').replace('-', '_').toUpperCase()
                .replaceAll("_+$", "");
    }

    /** Whether two environment variable names bind the same property (underscores are not significant). */
    static boolean sameVariable(String a, String b) {
        return canonical(a).equals(canonical(b));
    }

    static String canonical(String envName) {
        return envName.replace("_", "").toUpperCase();
    }

    /** Whether a variable holds a secret: passwords, client secrets, keysets (not the dev-keyset switch). */
    static boolean isSecretName(String envName) {
        return envName.matches(".*(?<!DEV_)(PASSWORD|SECRET|KEYSET|CREDENTIALS|PRIVATE_KEY)$");
    }

    /** Whether a set of variable names contains one that binds the same property as {@code name}. */
    static boolean containsVariable(java.util.Collection<String> names, String name) {
        return names.stream().anyMatch(n -> sameVariable(n, name));
    }

    private static ServiceContract derive(String service) {
        Map<String, String> properties = new TreeMap<>();
        List<Path> files = new ArrayList<>(Project.applicationYamls(service));
        String pom = Project.read(Project.path(service + "/pom.xml"));
        boolean resourceServer = pom.contains("<artifactId>platform-security</artifactId>");
        if (resourceServer) {
            files.add(0, Project.path("platform/platform-security/src/main/resources/securebase-security-defaults.yml"));
        }
        // platform-security brings platform-web along, and with it the shared service defaults.
        if (resourceServer || pom.contains("<artifactId>platform-web</artifactId>")) {
            files.add(0, Project.path("platform/platform-web/src/main/resources/securebase-service-defaults.yml"));
        }
        Map<String, String> required = new TreeMap<>();
        for (Path file : files) {
            String where = Project.relative(file);
            for (JsonNode document : Project.yamlDocuments(file)) {
                flatten("", document, properties);
            }
            Matcher placeholder = ENV_PLACEHOLDER.matcher(Project.read(file));
            while (placeholder.find()) {
                required.putIfAbsent(placeholder.group(1), "placeholder in " + where);
            }
        }
        properties.forEach((key, value) -> {
            if (value.matches(".*(localhost|127\\.0\\.0\\.1).*") && !value.contains("${")) {
                required.putIfAbsent(envName(key), key + "=" + value + " (a localhost default)");
            }
            // a secret set through a ${VARIABLE} of its own is required as that variable (above)
            if (SECRET_NAME.matcher(key).find() && !ENV_PLACEHOLDER.matcher(value).find()) {
                required.putIfAbsent(envName(key), key + " (a secret's development default)");
            }
        });
        Map<String, Set<String>> launcher = LauncherEnv.derive();
        Set<String> launched = launcher.get(service);
        if (launched == null) {
            throw new AssertionError("SecureBaseStack starts no service named " + service + " (it starts " + launcher.keySet() + ")");
        }
        for (String name : launched) {
            if (!LAUNCHER_ONLY.contains(name)) {
                // the launcher's spelling wins over the one derived from a property
                required.keySet().removeIf(n -> sameVariable(n, name));
                required.put(name, "set by the local-stack launcher");
            }
        }
        Set<String> known = new TreeSet<>();
        properties.keySet().forEach(key -> known.add(envName(key)));
        known.addAll(codeProperties(service));
        JsonNode declared = Project.yaml(Project.path("deploy/validation/service-env.yaml")).path(service);
        for (Iterator<String> names = declared.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            boolean real = known.stream().anyMatch(k -> sameVariable(k, name) || canonical(name).startsWith(canonical(k)));
            if (!real) {
                throw new AssertionError("deploy/validation/service-env.yaml declares " + name + " for " + service
                        + ", but " + service + " has no such property (in application.yml, @ConfigurationProperties or @Value): "
                        + "rename or remove it there");
            }
            if (!containsVariable(required.keySet(), name)) {
                required.put(name, "declared in deploy/validation/service-env.yaml");
            }
        }
        known.addAll(required.keySet());

        int serverPort = Integer.parseInt(properties.getOrDefault("server.port", "8080"));
        int managementPort = Integer.parseInt(properties.getOrDefault("management.server.port", String.valueOf(serverPort)));
        if (!"true".equals(properties.get("management.endpoint.health.probes.enabled"))) {
            throw new AssertionError(service + ": management.endpoint.health.probes.enabled is not true, so there are no "
                    + "liveness/readiness groups for the probes");
        }
        String base = properties.getOrDefault("management.endpoints.web.base-path", "/actuator");
        return new ServiceContract(service, properties, required, known, serverPort, managementPort,
                base + "/health/liveness", base + "/health/readiness");
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field ->
                    flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), into);
            }
        } else {
            into.put(prefix, node.asText());
        }
    }

    /** Environment forms of the properties the service's code binds: @ConfigurationProperties and @Value keys. */
    private static Set<String> codeProperties(String service) {
        Set<String> names = new TreeSet<>();
        Pattern record = Pattern.compile("@ConfigurationProperties\\(\\s*(?:(?:prefix|value)\\s*=\\s*)?\"([^\"]+)\"\\s*\\)"
                + "[^{;]*?record\\s+\\w+\\s*\\(([^)]*)\\)", Pattern.DOTALL);
        Pattern prefixOnly = Pattern.compile("@ConfigurationProperties\\(\\s*(?:(?:prefix|value)\\s*=\\s*)?\"([^\"]+)\"");
        Pattern value = Pattern.compile("@Value\\(\\s*\"\\$\\{([a-z0-9.\\-\\[\\]]+)(?::[^}]*)?}\"");
        Project.javaSources(service).forEach(file -> {
            String source = Project.read(file);
            Matcher m = record.matcher(source);
            while (m.find()) {
                for (String component : m.group(2).split(",")) {
                    String[] words = component.trim().split("\\s+");
                    String name = words[words.length - 1];
                    names.add(envName(m.group(1) + "." + name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase()));
                }
            }
            Matcher p = prefixOnly.matcher(source);
            while (p.find()) {
                // a class-based properties type: its fields become prefix.field
                Matcher field = Pattern.compile("private\\s+(?!static)[\\w<>,.?\\s\\[\\]]+?\\s+(\\w+)\\s*(=[^;]*)?;").matcher(source);
                while (field.find()) {
                    names.add(envName(p.group(1) + "." + field.group(1).replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase()));
                }
            }
            Matcher v = value.matcher(source);
            while (v.find()) {
                names.add(envName(v.group(1)));
            }
        });
        return names;
    }

    /**
     * The environment the launcher gives each service, read from {@code SecureBaseStack.java}: map variables
     * ({@code Map<String, String> x = ...}), their {@code put}s, helper methods that put into a map, and the
     * {@code startService("name", port, env)} calls. Anything it cannot follow is an error, not a guess.
     */
    static final class LauncherEnv {

        static final String SOURCE = "deploy/local-stack/src/main/java/org/securebase/localstack/SecureBaseStack.java";

        private LauncherEnv() {
        }

        static Map<String, Set<String>> derive() {
            String source = Project.read(Project.path(SOURCE));
            Map<String, String> methods = methodBodies(source);
            String startService = methods.get("startService");
            if (startService == null) {
                throw new AssertionError(SOURCE + " has no startService method: deploy-validation cannot derive the services' env");
            }
            Set<String> perService = putKeys(startService);
            Map<String, Set<String>> result = new TreeMap<>();
            for (Map.Entry<String, String> method : methods.entrySet()) {
                // only the methods that start services; helpers (withDatabase) count through putKeys
                if (method.getKey().equals("startService") || !method.getValue().contains("startService(")) {
                    continue;
                }
                Map<String, Set<String>> variables = new LinkedHashMap<>();
                for (String statement : method.getValue().split(";")) {
                    String s = statement.replaceAll("\\s+", " ").trim();
                    Matcher declaration = Pattern.compile("Map<String, ?String> (\\w+) = (.+)$").matcher(s);
                    Matcher put = Pattern.compile("^(\\w+)\\.put\\(\\s*\"([A-Z][A-Z0-9_]*)\"").matcher(s);
                    Matcher putAll = Pattern.compile("^(\\w+)\\.putAll\\((\\w+)\\)").matcher(s);
                    Matcher start = Pattern.compile("startService\\(\\s*\"([\\w-]+)\"\\s*,\\s*[^,]+,\\s*(.+)\\)$").matcher(s);
                    if (declaration.find()) {
                        variables.put(declaration.group(1), evaluate(declaration.group(2), variables, methods, s));
                    } else if (put.find() && variables.containsKey(put.group(1))) {
                        variables.get(put.group(1)).add(put.group(2));
                    } else if (putAll.find() && variables.containsKey(putAll.group(1))) {
                        variables.get(putAll.group(1)).addAll(require(variables, putAll.group(2), s));
                    }
                    if (start.find()) {
                        Set<String> env = new TreeSet<>(evaluate(start.group(2), variables, methods, s));
                        env.addAll(perService);
                        result.put(start.group(1), env);
                    }
                }
            }
            if (result.isEmpty()) {
                throw new AssertionError(SOURCE + ": found no startService(\"name\", port, env) call");
            }
            return result;
        }

        private static Set<String> evaluate(String expression, Map<String, Set<String>> variables, Map<String, String> methods,
                                            String statement) {
            String e = expression.trim();
            Matcher copy = Pattern.compile("^new (?:Hash|LinkedHash|Tree)Map<[^>]*>\\((\\w*)\\)$").matcher(e);
            if (copy.find()) {
                return copy.group(1).isEmpty() ? new TreeSet<>() : new TreeSet<>(require(variables, copy.group(1), statement));
            }
            if (e.matches("^\\w+$")) {
                return new TreeSet<>(require(variables, e, statement));
            }
            Matcher call = Pattern.compile("^(\\w+)\\((.*)\\)$").matcher(e);
            if (call.find() && methods.containsKey(call.group(1))) {
                Set<String> keys = new TreeSet<>(helperKeys(call.group(1), methods, new TreeSet<>()));
                for (String argument : topLevelArguments(call.group(2))) {
                    String a = argument.trim();
                    Set<String> known = variables.get(a);
                    if (known != null) {
                        keys.addAll(known);
                    } else if (a.matches("^\\w+\\(.*\\)$") && methods.containsKey(a.substring(0, a.indexOf('(')))) {
                        // a helper's result passed on: withKafka(withOwnerAndApplicationRole(common, "content"), ...)
                        keys.addAll(evaluate(a, variables, methods, statement));
                    }
                }
                return keys;
            }
            Matcher mapOf = Pattern.compile("^Map\\.of\\((.*)\\)$").matcher(e);
            if (mapOf.find()) {
                Set<String> keys = new TreeSet<>();
                Matcher literal = Pattern.compile("\"([A-Z][A-Z0-9_]*)\"").matcher(mapOf.group(1));
                while (literal.find()) {
                    keys.add(literal.group(1));
                }
                return keys;
            }
            throw new AssertionError(SOURCE + ": cannot follow the env map expression '" + e + "' in: " + statement
                    + " - teach ServiceContract.LauncherEnv this form");
        }

        private static Set<String> require(Map<String, Set<String>> variables, String name, String statement) {
            Set<String> keys = variables.get(name);
            if (keys == null) {
                throw new AssertionError(SOURCE + ": unknown env map '" + name + "' in: " + statement);
            }
            return keys;
        }

        /**
         * The variables a helper method puts, with those of the helpers it calls itself (unqualified calls of methods
         * of the same file: withOwnerAndApplicationRole builds on withDatabase).
         */
        private static Set<String> helperKeys(String method, Map<String, String> methods, Set<String> visited) {
            Set<String> keys = new TreeSet<>();
            if (!visited.add(method)) {
                return keys;
            }
            String body = methods.get(method);
            keys.addAll(putKeys(body));
            Matcher call = Pattern.compile("(?<![\\w.])(\\w+)\\(").matcher(body);
            while (call.find()) {
                if (methods.containsKey(call.group(1))) {
                    keys.addAll(helperKeys(call.group(1), methods, visited));
                }
            }
            return keys;
        }

        /** The arguments of a call, split at the commas that are not inside parentheses or a string literal. */
        static List<String> topLevelArguments(String arguments) {
            List<String> parts = new ArrayList<>();
            int depth = 0;
            boolean quoted = false;
            StringBuilder current = new StringBuilder();
            for (char c : arguments.toCharArray()) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && c == '(') {
                    depth++;
                } else if (!quoted && c == ')') {
                    depth--;
                } else if (!quoted && depth == 0 && c == ',') {
                    parts.add(current.toString());
                    current.setLength(0);
                    continue;
                }
                current.append(c);
            }
            parts.add(current.toString());
            return parts;
        }

        private static Set<String> putKeys(String body) {
            Set<String> keys = new TreeSet<>();
            Matcher put = Pattern.compile("\\w+\\.put\\(\\s*\"([A-Z][A-Z0-9_]*)\"").matcher(body);
            while (put.find()) {
                keys.add(put.group(1));
            }
            return keys;
        }

        /** Method name to body, by brace matching (the file has no braces inside string literals that matter). */
        private static Map<String, String> methodBodies(String source) {
            Map<String, String> bodies = new LinkedHashMap<>();
            Matcher header = Pattern.compile("(?:private|public|protected|static|final|synchronized|\\s)+[\\w<>,.? \\[\\]]+\\s+(\\w+)\\s*\\([^)]*\\)\\s*(?:throws [\\w., ]+)?\\{")
                    .matcher(source);
            int from = 0;
            while (header.find(from)) {
                int open = header.end() - 1;
                int depth = 0;
                int close = open;
                for (int i = open; i < source.length(); i++) {
                    char c = source.charAt(i);
                    if (c == '{') {
                        depth++;
                    } else if (c == '}' && --depth == 0) {
                        close = i;
                        break;
                    }
                }
                bodies.putIfAbsent(header.group(1), source.substring(open + 1, close));
                from = close + 1;
            }
            return bodies;
        }
    }
}
