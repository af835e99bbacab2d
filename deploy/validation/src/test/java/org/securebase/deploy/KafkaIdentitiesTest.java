package org.securebase.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.securebase.platform.events.KafkaAccess;
import org.securebase.platform.events.Topics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker's identities, ACLs and topics everywhere are the ones platform-events' {@link KafkaAccess} states once:
 * production's KafkaUsers and KafkaTopics, and what Compose's (and the dev overlay's) kafka-setup.sh creates, run
 * here with stand-ins for the Kafka tools that record their arguments. Each service connects as its own principal
 * with SCRAM-SHA-512 (over TLS in production), and the broker allows nothing without an ACL.
 */
class KafkaIdentitiesTest {

    /** Production provisions the topics; the services get no CREATE. */
    private static final List<AclBinding> PRODUCTION_ACLS = KafkaAccess.aclBindings(false);
    private static final Set<String> PRINCIPALS =
            KafkaAccess.SERVICES.stream().map(KafkaAccess.Service::principal).collect(Collectors.toCollection(TreeSet::new));
    private static final Pattern SCRAM_LOGIN = Pattern.compile(
            "org\\.apache\\.kafka\\.common\\.security\\.scram\\.ScramLoginModule required username=\"([\\w-]+)\" password=\"\\$\\{(\\w+):\\?[^}]*}\";");
    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{(\\w+):\\?[^}]*}$");
    private static final long DEAD_LETTER_RETENTION_MS = 90L * 24 * 3600 * 1000;

    /** The modules that are Kafka clients (they have the events kit), by module name. */
    static Set<String> kafkaServices() {
        Set<String> services = new TreeSet<>();
        for (String service : Project.SERVICES) {
            // an exclusion of platform-events (a module that keeps it out of a test dependency) is not a dependency
            String pom = Project.read(Project.path(service + "/pom.xml")).replaceAll("(?s)<exclusions>.*?</exclusions>", "");
            if (pom.contains("<artifactId>platform-events</artifactId>")) {
                services.add(service);
            }
        }
        return services;
    }

    private static String principalOf(String service) {
        return ServiceContract.of(service).properties().get("spring.application.name");
    }

    @Test
    void everyKafkaClientIsAPrincipalOfKafkaAccessAndNoOtherServiceTalksToKafka() {
        Set<String> principals = new TreeSet<>();
        kafkaServices().forEach(service -> principals.add(principalOf(service)));
        assertThat(principals).as("spring.application.name of the services with the events kit").isEqualTo(PRINCIPALS);
        List<String> problems = new ArrayList<>();
        for (String service : Project.SERVICES) {
            if (kafkaServices().contains(service)) {
                continue;
            }
            composeEnv(service).keySet().stream().filter(n -> n.startsWith("SPRING_KAFKA_"))
                    .forEach(n -> problems.add("compose.yaml gives " + service + ", which has no Kafka client, " + n));
            for (String build : List.of("base", "dev", "production")) {
                Deployments.env(Deployments.container(Deployments.build(build), service)).keySet().stream()
                        .filter(n -> n.startsWith("SPRING_KAFKA_"))
                        .forEach(n -> problems.add(build + " gives " + service + ", which has no Kafka client, " + n));
            }
        }
        assertThat(problems).isEmpty();
    }

    // ---- production -------------------------------------------------------------------------------------------

    @Test
    void productionKafkaUsersGrantExactlyKafkaAccessAcls() {
        Kustomize.Build production = Deployments.build("production");
        String cluster = production.ofKind("Kafka").get(0).name();
        List<AclBinding> granted = new ArrayList<>();
        Set<String> users = new TreeSet<>();
        for (Kustomize.Resource user : production.ofKind("KafkaUser")) {
            JsonNode spec = user.document().path("spec");
            String name = spec.path("userName").asText(user.name());
            users.add(name);
            assertThat(user.document().path("metadata").path("labels").path("strimzi.io/cluster").asText())
                    .as(user + " belongs to the cluster").isEqualTo(cluster);
            assertThat(spec.path("authentication").path("type").asText()).as(user + " authentication").isEqualTo("scram-sha-512");
            assertThat(spec.path("authorization").path("type").asText()).as(user + " authorization").isEqualTo("simple");
            granted.addAll(strimziAcls(name, spec.path("authorization").path("acls"), user.toString()));
        }
        assertThat(users).as("a KafkaUser per service principal, no other").isEqualTo(PRINCIPALS);
        assertSameAcls(granted, PRODUCTION_ACLS, "production's KafkaUsers");
    }

    /** A Strimzi AclRule as the broker's binding: Strimzi's defaults are allow, literal and any host. */
    static List<AclBinding> strimziAcls(String user, JsonNode acls, String where) {
        List<AclBinding> bindings = new ArrayList<>();
        for (JsonNode rule : acls) {
            JsonNode resource = rule.path("resource");
            ResourceType type = switch (resource.path("type").asText()) {
                case "topic" -> ResourceType.TOPIC;
                case "group" -> ResourceType.GROUP;
                case "cluster" -> ResourceType.CLUSTER;
                case "transactionalId" -> ResourceType.TRANSACTIONAL_ID;
                default -> throw new AssertionError(where + ": resource type " + resource.path("type"));
            };
            PatternType pattern = switch (resource.path("patternType").asText("literal")) {
                case "literal" -> PatternType.LITERAL;
                case "prefix" -> PatternType.PREFIXED;
                default -> throw new AssertionError(where + ": patternType " + resource.path("patternType"));
            };
            String name = type == ResourceType.CLUSTER ? "kafka-cluster" : resource.path("name").asText();
            AclPermissionType permission = rule.path("type").asText("allow").equals("deny") ? AclPermissionType.DENY : AclPermissionType.ALLOW;
            for (JsonNode operation : rule.path("operations")) {
                bindings.add(new AclBinding(new ResourcePattern(type, name, pattern), new AccessControlEntry("User:" + user,
                        rule.path("host").asText("*"), operation(operation.asText(), where), permission)));
            }
        }
        return bindings;
    }

    /** Strimzi's and the CLI's operation names (Read, IdempotentWrite) as Kafka's enum. */
    static AclOperation operation(String name, String where) {
        String constant = name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        try {
            return AclOperation.valueOf(constant);
        } catch (IllegalArgumentException e) {
            throw new AssertionError(where + ": no ACL operation " + name);
        }
    }

    /** The same bindings, each once; the message lists what is missing and what is extra. */
    static void assertSameAcls(Collection<AclBinding> actual, Collection<AclBinding> expected, String where) {
        Set<String> actualText = new TreeSet<>();
        List<String> duplicates = new ArrayList<>();
        actual.forEach(b -> {
            if (!actualText.add(text(b))) {
                duplicates.add(text(b));
            }
        });
        Set<String> expectedText = expected.stream().map(KafkaIdentitiesTest::text).collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(expectedText);
        missing.removeAll(actualText);
        Set<String> extra = new TreeSet<>(actualText);
        extra.removeAll(expectedText);
        assertThat(missing).as(where + ": ACLs of KafkaAccess.aclBindings(false) that are not granted").isEmpty();
        assertThat(extra).as(where + ": ACLs granted beyond KafkaAccess.aclBindings(false)").isEmpty();
        assertThat(duplicates).as(where + ": ACLs granted twice").isEmpty();
    }

    private static String text(AclBinding binding) {
        return binding.entry().principal() + " " + binding.entry().permissionType() + " " + binding.entry().operation()
                + " " + binding.pattern().resourceType() + ":" + binding.pattern().patternType() + ":" + binding.pattern().name()
                + " from " + binding.entry().host();
    }

    @Test
    void productionHasAKafkaTopicForEveryProvisionedTopic() {
        Kustomize.Build production = Deployments.build("production");
        int replicas = 3;
        Map<String, JsonNode> topics = new TreeMap<>();
        for (Kustomize.Resource topic : production.ofKind("KafkaTopic")) {
            JsonNode spec = topic.document().path("spec");
            assertThat(topics.put(spec.path("topicName").asText(topic.name()), spec)).as("topic declared twice: " + topic).isNull();
        }
        int eventPartitions = topics.get(Topics.ACCOUNTS).path("partitions").asInt();
        assertThat(eventPartitions).as("partitions of the event topics").isGreaterThanOrEqualTo(3);
        List<NewTopic> provisioned = KafkaAccess.provisionedTopics(eventPartitions, (short) replicas);
        assertThat(topics.keySet()).as("KafkaTopics = KafkaAccess.provisionedTopics")
                .isEqualTo(provisioned.stream().map(NewTopic::name).collect(Collectors.toCollection(TreeSet::new)));
        List<String> problems = new ArrayList<>();
        for (NewTopic expected : provisioned) {
            JsonNode spec = topics.get(expected.name());
            if (spec.path("partitions").asInt() != expected.numPartitions()) {
                problems.add(expected.name() + ": " + spec.path("partitions").asInt() + " partitions, KafkaAccess says " + expected.numPartitions());
            }
            if (spec.path("replicas").asInt() != expected.replicationFactor()) {
                problems.add(expected.name() + ": replicas " + spec.path("replicas").asInt());
            }
            String policy = spec.path("config").path(TopicConfig.CLEANUP_POLICY_CONFIG).asText(TopicConfig.CLEANUP_POLICY_DELETE);
            if (!policy.equals(cleanupPolicy(expected))) {
                problems.add(expected.name() + ": cleanup.policy " + policy + ", KafkaAccess says " + cleanupPolicy(expected));
            }
            long retention = spec.path("config").path(TopicConfig.RETENTION_MS_CONFIG).asLong(Long.MIN_VALUE);
            long expectedRetention = expectedRetention(expected);
            if (retention != expectedRetention) {
                problems.add(expected.name() + ": retention.ms " + retention + ", expected " + expectedRetention);
            }
        }
        assertThat(problems).isEmpty();
    }

    private static String cleanupPolicy(NewTopic topic) {
        Map<String, String> configs = topic.configs() == null ? Map.of() : topic.configs();
        return configs.getOrDefault(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
    }

    /**
     * What every deployment keeps: event topics that delete nothing keep every event (a fresh database rebuilds
     * from the start), compacted ones leave it to compaction (no retention.ms), dead-letter topics 90 days.
     */
    private static long expectedRetention(NewTopic topic) {
        if (topic.name().endsWith(Topics.DEAD_LETTER_SUFFIX)) {
            return DEAD_LETTER_RETENTION_MS;
        }
        return cleanupPolicy(topic).equals(TopicConfig.CLEANUP_POLICY_COMPACT) ? Long.MIN_VALUE : -1L;
    }

    @Test
    void productionBrokersAuthenticateWithScramOverTlsAndAuthorizeEveryRequest() {
        Kustomize.Build production = Deployments.build("production");
        JsonNode kafka = production.ofKind("Kafka").get(0).document().path("spec");
        JsonNode listeners = kafka.path("kafka").path("listeners");
        assertThat(listeners.size()).as("one listener: no unauthenticated way in").isEqualTo(1);
        JsonNode listener = listeners.get(0);
        assertThat(listener.path("tls").asBoolean()).as("TLS listener").isTrue();
        assertThat(listener.path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
        assertThat(kafka.path("kafka").path("authorization").path("type").asText()).as("the simple authorizer").isEqualTo("simple");
        assertThat(kafka.path("kafka").path("authorization").path("superUsers").isEmpty())
                .as("no super user besides Strimzi's own components").isTrue();
        assertThat(kafka.path("kafka").path("config").path("allow.everyone.if.no.acl.found").asBoolean(false)).isFalse();
        assertThat(kafka.path("kafka").path("config").path("auto.create.topics.enable").asBoolean(true)).isFalse();
        assertThat(kafka.path("entityOperator").has("userOperator")).as("the User Operator creates the KafkaUsers").isTrue();
        assertThat(kafka.path("entityOperator").has("topicOperator")).as("the Topic Operator creates the KafkaTopics").isTrue();
    }

    /** Base and production run the same client settings; the dev overlay only drops TLS (checked below). */
    @Test
    void productionServicesLogInAsTheirKafkaUserOverTlsTrustingTheClusterCa() {
        Kustomize.Build production = Deployments.build("production");
        String cluster = production.ofKind("Kafka").get(0).name();
        int port = production.ofKind("Kafka").get(0).document().path("spec").path("kafka").path("listeners").get(0).path("port").asInt();
        String caSecret = cluster + "-cluster-ca-cert";
        List<String> problems = new ArrayList<>();
        for (String build : List.of("base", "production")) {
            Kustomize.Build rendered = Deployments.build(build);
            for (String service : kafkaServices()) {
                String where = build + " " + service + ": ";
                String principal = principalOf(service);
                JsonNode container = Deployments.container(rendered, service);
                Map<String, JsonNode> env = Deployments.env(container);
                expectValue(env, "SPRING_KAFKA_BOOTSTRAP_SERVERS", cluster + "-kafka-bootstrap:" + port, where, problems);
                expectValue(env, "SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL", where, problems);
                expectValue(env, "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512", where, problems);
                expectValue(env, "SPRING_KAFKA_ADMIN_AUTOCREATE", "false", where, problems);
                expectSecret(env, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", principal, "sasl.jaas.config", where, problems);
                expectSecret(env, "SPRING_KAFKA_SSL_TRUST_STORE_PASSWORD", caSecret, "ca.password", where, problems);
                expectValue(env, "SPRING_KAFKA_SSL_TRUST_STORE_TYPE", "PKCS12", where, problems);
                String location = env.containsKey("SPRING_KAFKA_SSL_TRUST_STORE_LOCATION")
                        ? env.get("SPRING_KAFKA_SSL_TRUST_STORE_LOCATION").path("value").asText() : "";
                if (!location.startsWith("file:")) {
                    problems.add(where + "SPRING_KAFKA_SSL_TRUST_STORE_LOCATION is not a file: URL: '" + location + "'");
                } else {
                    String source = Volumes.secretFileAt(rendered.get("Deployment", service).document(), container,
                            location.substring("file:".length()));
                    if (!(caSecret + "/ca.p12").equals(source)) {
                        problems.add(where + "the trust store " + location + " is " + source + ", not " + caSecret + "/ca.p12 on a read-only mount");
                    }
                }
                if (build.equals("production") && production.ofKind("KafkaUser").stream().noneMatch(u -> u.name().equals(principal))) {
                    problems.add(where + "reads the Secret of KafkaUser " + principal + ", which production does not declare");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theServicesMayReachTheListener() {
        Kustomize.Build production = Deployments.build("production");
        int port = production.ofKind("Kafka").get(0).document().path("spec").path("kafka").path("listeners").get(0).path("port").asInt();
        for (String overlay : List.of("dev", "production")) {
            Kustomize.Build build = Deployments.build(overlay);
            for (String service : kafkaServices()) {
                Set<Integer> ports = new TreeSet<>();
                build.ofKind("NetworkPolicy").stream().map(Kustomize.Resource::document)
                        .filter(p -> p.path("spec").path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText().equals(service))
                        .forEach(p -> p.path("spec").path("egress").forEach(rule -> {
                            boolean toKafka = false;
                            for (JsonNode peer : rule.path("to")) {
                                toKafka |= peer.path("podSelector").path("matchLabels").has("securebase.org/kafka");
                            }
                            if (toKafka) {
                                rule.path("ports").forEach(p2 -> ports.add(p2.path("port").asInt()));
                            }
                        }));
                assertThat(ports).as(overlay + ": " + service + "'s egress to Kafka").containsExactly(port);
            }
        }
    }

    // ---- dev overlay ------------------------------------------------------------------------------------------

    @Test
    void theDevOverlayRunsComposesBrokerSettingsAndSetupWithoutTls() {
        Kustomize.Build dev = Deployments.build("dev");
        Map<String, String> broker = brokerProperties(Deployments.env(Deployments.container(dev, "kafka")).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().path("value").asText(), (a, b) -> a, LinkedHashMap::new)));
        String advertised = assertSecureBroker(broker, "dev kafka");
        JsonNode job = dev.get("Job", "kafka-setup").document();
        JsonNode setup = Kustomize.containers(job).get(0);
        assertThat(setup.path("image").asText()).isEqualTo(Deployments.container(dev, "kafka").path("image").asText());
        JsonNode configMapVolume = job.path("spec").path("template").path("spec").path("volumes").get(0).path("configMap");
        String script = dev.get("ConfigMap", configMapVolume.path("name").asText()).document().path("data").path("kafka-setup.sh").asText();
        assertThat(script).as("the dev Job runs Compose's kafka-setup.sh unchanged").isEqualTo(Project.read(SETUP_SCRIPT));
        assertThat(setup.path("command").toString()).contains("/opt/securebase/kafka-setup.sh");
        Map<String, JsonNode> setupEnv = Deployments.env(setup);
        assertThat(setupEnv.get("SECUREBASE_KAFKA_BOOTSTRAP_SERVERS").path("value").asText()).isEqualTo(advertised);
        List<String> problems = new ArrayList<>();
        for (String service : kafkaServices()) {
            String where = "dev " + service + ": ";
            String principal = principalOf(service);
            Map<String, JsonNode> env = Deployments.env(Deployments.container(dev, service));
            expectValue(env, "SPRING_KAFKA_BOOTSTRAP_SERVERS", advertised, where, problems);
            expectValue(env, "SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT", where, problems);
            expectValue(env, "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512", where, problems);
            expectSecret(env, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", principal, "sasl.jaas.config", where, problems);
            env.keySet().stream().filter(n -> n.startsWith("SPRING_KAFKA_SSL_"))
                    .forEach(n -> problems.add(where + n + " is left from the base, but the dev broker has no TLS"));
            expectSecret(setupEnv, passwordVariable(principal), principal, "password", "dev kafka-setup: ", problems);
        }
        expectSecret(setupEnv, "SECUREBASE_KAFKA_OPERATOR_PASSWORD", "kafka-operator", "password", "dev kafka-setup: ", problems);
        assertThat(problems).isEmpty();
        String brokerJaas = broker.get("listener.name." + listenerName(advertised, broker).toLowerCase(Locale.ROOT) + ".plain.sasl.jaas.config");
        assertThat(brokerJaas).as("the operator's password from its Secret")
                .contains("password=\"$(SECUREBASE_KAFKA_OPERATOR_PASSWORD)\"", "user_operator=\"$(SECUREBASE_KAFKA_OPERATOR_PASSWORD)\"");
        expectSecret(Deployments.env(Deployments.container(dev, "kafka")), "SECUREBASE_KAFKA_OPERATOR_PASSWORD", "kafka-operator", "password",
                "dev kafka: ", problems);
        assertThat(problems).isEmpty();
    }

    // ---- Compose ----------------------------------------------------------------------------------------------

    static final Path SETUP_SCRIPT = Deployments.COMPOSE_DIR.resolve("kafka/kafka-setup.sh");

    @Test
    void composesBrokerAuthenticatesEveryClientAndAllowsNothingWithoutAnAcl() {
        Map<String, String> broker = brokerProperties(composeEnv("kafka"));
        String advertised = assertSecureBroker(broker, "compose kafka");
        String listener = listenerName(advertised, broker).toLowerCase(Locale.ROOT);
        String operatorVariable = placeholderIn(composeEnv("kafka-setup").get("SECUREBASE_KAFKA_OPERATOR_PASSWORD"));
        assertThat(broker.get("listener.name." + listener + ".plain.sasl.jaas.config")).as("the operator's PLAIN login")
                .contains("username=\"operator\"", "password=\"${" + operatorVariable + ":?", "user_operator=\"${" + operatorVariable + ":?");
        assertThat(composeEnv("kafka-setup").get("SECUREBASE_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo(advertised);
        List<String> problems = new ArrayList<>();
        for (String service : kafkaServices()) {
            String where = "compose " + service + ": ";
            String principal = principalOf(service);
            Map<String, String> env = composeEnv(service);
            if (!advertised.equals(env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS"))) {
                problems.add(where + "SPRING_KAFKA_BOOTSTRAP_SERVERS is " + env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS") + ", the broker advertises " + advertised);
            }
            for (Map.Entry<String, String> expected : Map.of("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                    "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512", "SPRING_KAFKA_ADMIN_AUTOCREATE", "false").entrySet()) {
                if (!expected.getValue().equals(env.get(expected.getKey()))) {
                    problems.add(where + expected.getKey() + " is " + env.get(expected.getKey()) + ", not " + expected.getValue());
                }
            }
            Matcher login = SCRAM_LOGIN.matcher(env.getOrDefault("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", ""));
            if (!login.matches()) {
                problems.add(where + "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG is not a SCRAM login with a password from .env: "
                        + env.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"));
                continue;
            }
            if (!login.group(1).equals(principal)) {
                problems.add(where + "logs in as " + login.group(1) + ", its principal is " + principal);
            }
            String setupVariable = placeholderIn(composeEnv("kafka-setup").get(passwordVariable(principal)));
            if (!login.group(2).equals(setupVariable)) {
                problems.add(where + "logs in with ${" + login.group(2) + "}, kafka-setup gives " + principal + " ${" + setupVariable + "}");
            }
            if (!composeDependsOn(service).contains("kafka-setup")) {
                problems.add(where + "starts before kafka-setup has created its user");
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * Runs kafka-setup.sh as the one-shot service does (its environment from compose.yaml, passwords made up here),
     * with kafka-configs.sh, kafka-topics.sh and kafka-acls.sh replaced by stand-ins that record their arguments,
     * and reads back what the real tools would have been asked to create.
     */
    @Test
    void composesKafkaSetupCreatesExactlyTheUsersTopicsAndAclsOfKafkaAccess(@TempDir Path directory) throws Exception {
        Map<String, String> setupEnv = composeEnv("kafka-setup");
        Map<String, String> environment = new LinkedHashMap<>();
        Map<String, String> passwords = new TreeMap<>();
        setupEnv.forEach((name, value) -> {
            if (PLACEHOLDER.matcher(value).matches()) {
                String password = "Pw" + Integer.toHexString(name.hashCode()) + "x" + name.length();
                passwords.put(name, password);
                environment.put(name, password);
            } else {
                environment.put(name, value);
            }
        });
        Recorded recorded = runSetup(directory, environment);

        String bootstrap = setupEnv.get("SECUREBASE_KAFKA_BOOTSTRAP_SERVERS");
        assertThat(recorded.commandConfig()).as("every tool logs in as the operator")
                .contains("security.protocol=SASL_PLAINTEXT", "sasl.mechanism=PLAIN",
                        "username=\"operator\" password=\"" + passwords.get("SECUREBASE_KAFKA_OPERATOR_PASSWORD") + "\"");
        for (List<String> call : recorded.calls()) {
            assertThat(option(call, "--bootstrap-server")).as(call.toString()).isEqualTo(bootstrap);
        }

        Map<String, String> users = new TreeMap<>();
        List<AclBinding> acls = new ArrayList<>();
        Map<String, List<String>> topics = new TreeMap<>();
        for (List<String> call : recorded.calls()) {
            switch (call.get(0)) {
                case "kafka-configs.sh" -> {
                    assertThat(call).contains("--alter").containsSubsequence("--entity-type", "users");
                    Matcher scram = Pattern.compile("SCRAM-SHA-512=\\[iterations=(\\d+),password=(\\w+)]").matcher(option(call, "--add-config"));
                    assertThat(scram.matches()).as(call.toString()).isTrue();
                    assertThat(Integer.parseInt(scram.group(1))).as("SCRAM iterations").isGreaterThanOrEqualTo(4096);
                    users.put(option(call, "--entity-name"), scram.group(2));
                }
                case "kafka-topics.sh" -> {
                    assertThat(call).contains("--create", "--if-not-exists");
                    List<String> spec = new ArrayList<>(List.of(option(call, "--partitions"), option(call, "--replication-factor")));
                    spec.addAll(options(call, "--config"));
                    assertThat(topics.put(option(call, "--topic"), spec)).as("topic created twice").isNull();
                }
                case "kafka-acls.sh" -> acls.addAll(cliAcls(call));
                default -> throw new AssertionError("unexpected tool " + call);
            }
        }

        Map<String, String> expectedUsers = new TreeMap<>();
        for (String principal : PRINCIPALS) {
            expectedUsers.put(principal, passwords.get(passwordVariable(principal)));
        }
        assertThat(users).as("a SCRAM user per principal, with the password compose.yaml gives it").isEqualTo(expectedUsers);

        assertSameAcls(acls, PRODUCTION_ACLS, "kafka-setup.sh");

        int partitions = Integer.parseInt(setupEnv.get("SECUREBASE_TOPIC_PARTITIONS"));
        short replicas = Short.parseShort(setupEnv.get("SECUREBASE_TOPIC_REPLICAS"));
        Map<String, List<String>> expectedTopics = new TreeMap<>();
        for (NewTopic topic : KafkaAccess.provisionedTopics(partitions, replicas)) {
            List<String> spec = new ArrayList<>(List.of(String.valueOf(topic.numPartitions()), String.valueOf(topic.replicationFactor()),
                    TopicConfig.CLEANUP_POLICY_CONFIG + "=" + cleanupPolicy(topic)));
            if (expectedRetention(topic) != Long.MIN_VALUE) {
                spec.add(TopicConfig.RETENTION_MS_CONFIG + "=" + expectedRetention(topic));
            }
            expectedTopics.put(topic.name(), spec);
        }
        assertThat(topics).as("topics (partitions, replication, configs) = KafkaAccess.provisionedTopics").isEqualTo(expectedTopics);
    }

    @Test
    void kafkaSetupRefusesAMissingPassword(@TempDir Path directory) throws Exception {
        Map<String, String> environment = new LinkedHashMap<>();
        composeEnv("kafka-setup").forEach((name, value) -> environment.put(name, PLACEHOLDER.matcher(value).matches() ? "secret1" : value));
        environment.remove(passwordVariable("journal-service"));
        Recorded recorded = runSetup(directory, environment);
        assertThat(recorded.exitCode()).isNotZero();
        assertThat(recorded.errors()).contains(passwordVariable("journal-service") + " is not set");
    }

    /** The variable kafka-setup.sh reads the password of {@code principal} from. */
    static String passwordVariable(String principal) {
        return "SECUREBASE_KAFKA_" + principal.toUpperCase(Locale.ROOT).replace('-', '_') + "_PASSWORD";
    }

    record Recorded(int exitCode, List<List<String>> calls, String commandConfig, String errors) {
    }

    private static Recorded runSetup(Path directory, Map<String, String> environment) throws IOException, InterruptedException {
        Path tools = Files.createDirectories(directory.resolve("bin"));
        Path log = directory.resolve("calls.log");
        String standIn = """
                #!/bin/bash
                # records one call per line: the tool's name and its arguments, separated by tabs
                { printf '%s' "${0##*/}"; printf '\\t%s' "$@"; printf '\\n'; } >> "$SECUREBASE_TEST_LOG"
                previous=""
                for argument in "$@"; do
                  [[ $previous == --command-config ]] && cp "$argument" "$SECUREBASE_TEST_LOG.command-config"
                  previous="$argument"
                done
                """;
        for (String tool : List.of("kafka-configs.sh", "kafka-topics.sh", "kafka-acls.sh")) {
            Path file = tools.resolve(tool);
            Files.writeString(file, standIn);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        }
        ProcessBuilder builder = new ProcessBuilder("bash", SETUP_SCRIPT.toString())
                .redirectOutput(directory.resolve("out.txt").toFile()).redirectError(directory.resolve("err.txt").toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().put("TMPDIR", directory.toString());
        builder.environment().putAll(environment);
        builder.environment().put("SECUREBASE_KAFKA_TOOLS", tools.toString());
        builder.environment().put("SECUREBASE_TEST_LOG", log.toString());
        Process process = builder.start();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("kafka-setup.sh did not finish within a minute");
        }
        String errors = Files.readString(directory.resolve("err.txt"));
        List<List<String>> calls = new ArrayList<>();
        if (Files.exists(log)) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                calls.add(List.of(line.split("\t", -1)));
            }
        }
        if (process.exitValue() == 0) {
            assertThat(calls).as("kafka-setup.sh ran no tool; stderr: " + errors).isNotEmpty();
            try (var leftovers = Files.list(directory)) {
                assertThat(leftovers.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("tmp")))
                        .as("the operator's login file is removed").isEmpty();
            }
        }
        Path commandConfig = Path.of(log + ".command-config");
        return new Recorded(process.exitValue(), calls, Files.exists(commandConfig) ? Files.readString(commandConfig) : "", errors);
    }

    /** One kafka-acls.sh call as bindings; any option this test does not know fails it rather than being ignored. */
    static List<AclBinding> cliAcls(List<String> call) {
        Set<String> known = Set.of("--bootstrap-server", "--command-config", "--add", "--allow-principal", "--allow-host",
                "--resource-pattern-type", "--topic", "--group", "--operation");
        for (String argument : call) {
            if (argument.startsWith("--") && !known.contains(argument)) {
                throw new AssertionError("kafka-acls.sh called with " + argument + ", which this test does not understand: " + call);
            }
        }
        assertThat(call).as("kafka-acls.sh only adds").contains("--add");
        String principal = option(call, "--allow-principal");
        String host = call.contains("--allow-host") ? option(call, "--allow-host") : "*";
        PatternType pattern = PatternType.fromString(option(call, "--resource-pattern-type").toUpperCase(Locale.ROOT));
        List<ResourcePattern> resources = new ArrayList<>();
        options(call, "--topic").forEach(name -> resources.add(new ResourcePattern(ResourceType.TOPIC, name, pattern)));
        options(call, "--group").forEach(name -> resources.add(new ResourcePattern(ResourceType.GROUP, name, pattern)));
        List<AclBinding> bindings = new ArrayList<>();
        for (ResourcePattern resource : resources) {
            for (String operation : options(call, "--operation")) {
                bindings.add(new AclBinding(resource, new AccessControlEntry(principal, host, operation(operation, call.toString()),
                        AclPermissionType.ALLOW)));
            }
        }
        assertThat(bindings).as("an ACL call that grants nothing: " + call).isNotEmpty();
        return bindings;
    }

    private static String option(List<String> call, String name) {
        List<String> values = options(call, name);
        assertThat(values).as(name + " once in " + call).hasSize(1);
        return values.get(0);
    }

    private static List<String> options(List<String> call, String name) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i < call.size() - 1; i++) {
            if (call.get(i).equals(name)) {
                values.add(call.get(i + 1));
            }
        }
        return values;
    }

    // ---- shared -----------------------------------------------------------------------------------------------

    /**
     * A broker's properties from the apache/kafka image's environment variables, decoded as its start script does:
     * {@code KAFKA_} dropped, {@code ___} is a dash, {@code __} an underscore, {@code _} a dot.
     */
    static Map<String, String> brokerProperties(Map<String, String> environment) {
        Map<String, String> properties = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("KAFKA_")) {
                String property = name.substring("KAFKA_".length()).replace("___", "\u0001").replace("__", "\u0002")
                        .replace('_', '.').replace('\u0001', '-').replace('\u0002', '_').toLowerCase(Locale.ROOT);
                properties.put(property, value);
            }
        });
        return properties;
    }

    /** Checks what every broker of ours must say about security; returns the advertised client address. */
    private static String assertSecureBroker(Map<String, String> broker, String where) {
        assertThat(broker.get("authorizer.class.name")).as(where + " authorizer").isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        assertThat(broker.get("allow.everyone.if.no.acl.found")).as(where + ": nothing without an ACL").isEqualTo("false");
        assertThat(broker.get("auto.create.topics.enable")).as(where + ": topics are provisioned").isEqualTo("false");
        assertThat(broker.get("super.users")).as(where + ": the operator is the one super user").isEqualTo("User:operator");
        assertThat(broker.get("sasl.enabled.mechanisms")).as(where).contains("SCRAM-SHA-512");
        String advertisedListeners = broker.get("advertised.listeners");
        assertThat(advertisedListeners).as(where + ": one advertised listener").doesNotContain(",");
        String listener = advertisedListeners.substring(0, advertisedListeners.indexOf("://"));
        Map<String, String> protocols = new TreeMap<>();
        for (String entry : broker.get("listener.security.protocol.map").split(",")) {
            protocols.put(entry.split(":")[0], entry.split(":")[1]);
        }
        assertThat(protocols.values()).as(where + ": every listener authenticates").allMatch(p -> p.startsWith("SASL_"));
        assertThat(protocols.get(listener)).as(where + " client listener").isEqualTo("SASL_PLAINTEXT");
        String lower = listener.toLowerCase(Locale.ROOT);
        assertThat(broker.get("listener.name." + lower + ".scram-sha-512.sasl.jaas.config")).as(where + ": SCRAM on the client listener")
                .isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule required;");
        for (String controllerListener : broker.get("controller.listener.names").split(",")) {
            assertThat(broker.get("listeners")).as(where + ": the controller listens on the loopback only")
                    .contains(controllerListener + "://localhost:");
        }
        String address = advertisedListeners.substring(advertisedListeners.indexOf("://") + 3);
        assertThat(broker.get("listeners")).as(where + ": the advertised port is the one it listens on")
                .contains(listener + "://:" + address.substring(address.lastIndexOf(':') + 1));
        return address;
    }

    private static String listenerName(String advertised, Map<String, String> broker) {
        String listeners = broker.get("advertised.listeners");
        assertThat(listeners).endsWith("://" + advertised);
        return listeners.substring(0, listeners.indexOf("://"));
    }

    private static String placeholderIn(String value) {
        Matcher m = PLACEHOLDER.matcher(value == null ? "" : value);
        assertThat(m.matches()).as("a ${VAR:?message} from .env: " + value).isTrue();
        return m.group(1);
    }

    static Map<String, String> composeEnv(String service) {
        JsonNode environment = Deployments.compose().path("services").path(service).path("environment");
        assertThat(environment.isObject()).as("compose.yaml " + service + " has an environment mapping").isTrue();
        Map<String, String> env = new LinkedHashMap<>();
        environment.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    private static Set<String> composeDependsOn(String service) {
        Set<String> names = new TreeSet<>();
        Deployments.compose().path("services").path(service).path("depends_on").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void expectValue(Map<String, JsonNode> env, String name, String value, String where, List<String> problems) {
        JsonNode variable = env.get(name);
        if (variable == null || !variable.path("value").asText().equals(value)) {
            problems.add(where + name + " should be " + value + ", is " + (variable == null ? "not set" : variable));
        }
    }

    private static void expectSecret(Map<String, JsonNode> env, String name, String secret, String key, String where, List<String> problems) {
        JsonNode reference = env.containsKey(name) ? env.get(name).path("valueFrom").path("secretKeyRef") : null;
        if (reference == null || !reference.path("name").asText().equals(secret) || !reference.path("key").asText().equals(key)) {
            problems.add(where + name + " should come from Secret " + secret + " key " + key + ", is " + env.get(name));
        }
    }
}
