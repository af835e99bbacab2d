package org.securebase.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Keycloak imports the local stack's realm file everywhere; Kafka has the shared topics everywhere. */
class RealmAndTopicsTest {

    /**
     * Sign-ins, failed sign-ins, password resets, second-factor and role changes leave a trace: Keycloak's login events
     * and admin events are on everywhere the realm is imported, kept a year (a takeover is often noticed weeks later,
     * and a year covers the yearly risk review), admin events without the changed representation (no copies of people's
     * profiles in the event table).
     */
    @Test
    void theRealmKeepsLoginAndAdminEventsForAYear() throws Exception {
        JsonNode realm = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Project.read(Deployments.REALM));
        assertThat(realm.path("eventsEnabled").asBoolean()).as("eventsEnabled").isTrue();
        assertThat(realm.path("eventsExpiration").asLong()).as("eventsExpiration, seconds").isEqualTo(365L * 24 * 3600);
        assertThat(realm.path("enabledEventTypes").isMissingNode() || realm.path("enabledEventTypes").isEmpty())
                .as("every event type kept (an explicit list would silently miss new ones)").isTrue();
        assertThat(realm.path("adminEventsEnabled").asBoolean()).as("adminEventsEnabled").isTrue();
        assertThat(realm.path("adminEventsDetailsEnabled").asBoolean()).as("adminEventsDetailsEnabled").isFalse();
        assertThat(realm.path("attributes").path("adminEventsExpiration").asText()).isEqualTo(String.valueOf(365L * 24 * 3600));
    }

    @Test
    void theLocalStackImportsTheRealmFileTheDeploymentsUse() {
        Matcher realm = Pattern.compile("realmImport\\(config\\.projectRoot\\(\\)\\.resolve\\(\"([^\"]+)\"\\)")
                .matcher(Project.read(Project.path(ServiceContract.LauncherEnv.SOURCE)));
        assertThat(realm.find()).as("SecureBaseStack imports a realm file via realmImport(projectRoot.resolve(...))").isTrue();
        assertThat(Project.path(realm.group(1))).as("the local stack imports the dev realm").isEqualTo(Deployments.DEV_REALM);
    }

    @Test
    void composeMountsTheRealmFileAndSetsEveryPlaceholder() {
        JsonNode keycloak = Deployments.compose().path("services").path("keycloak");
        assertThat(mounts(keycloak, Deployments.COMPOSE_DIR)).containsEntry("/opt/keycloak/data/import/securebase-realm.json", Deployments.REALM);
        assertThat(mounts(keycloak, Deployments.COMPOSE_DIR).values()).as("compose.yaml must not import the dev users").doesNotContain(Deployments.DEV_USERS);
        assertThat(mounts(keycloak, Deployments.COMPOSE_DIR)).containsEntry(
                DENY_LIST_FOLDER + "/" + ProductionRealmTest.DENY_LIST.getFileName(), ProductionRealmTest.DENY_LIST);
        assertThat(keycloak.path("command").toString()).contains("--import-realm");
        Set<String> env = new TreeSet<>();
        keycloak.path("environment").fieldNames().forEachRemaining(env::add);
        assertThat(env).as("compose keycloak env covers the realm's placeholders").containsAll(Deployments.placeholders(Deployments.REALM));
        assertThat(env).contains("KC_HTTP_RELATIVE_PATH");
        assertThat(keycloak.path("environment").path("KC_HTTP_RELATIVE_PATH").asText()).isEqualTo("/auth");

        JsonNode demo = Project.yaml(Deployments.COMPOSE_DIR.resolve("compose.demo.yaml")).path("services").path("keycloak");
        assertThat(mounts(demo, Deployments.COMPOSE_DIR)).containsValue(Deployments.DEV_USERS)
                .as("the demo replaces the realm with the dev realm").containsEntry("/opt/keycloak/data/import/securebase-realm.json", Deployments.DEV_REALM);
        Set<String> demoEnv = new TreeSet<>(env);
        demo.path("environment").fieldNames().forEachRemaining(demoEnv::add);
        assertThat(demoEnv).containsAll(Deployments.placeholders(Deployments.DEV_USERS));
    }

    private static Map<String, Path> mounts(JsonNode service, Path base) {
        Map<String, Path> mounts = new LinkedHashMap<>();
        for (JsonNode volume : service.path("volumes")) {
            String[] parts = volume.asText().split(":");
            if (parts[0].startsWith(".")) {
                mounts.put(parts[1], base.resolve(parts[0]).normalize());
            }
        }
        return mounts;
    }

    @Test
    void theDevOverlayImportsTheDevRealmAndDevUsersFiles() {
        Kustomize.Build dev = Deployments.build("dev");
        JsonNode realmFiles = dev.get("ConfigMap", "keycloak-realm").document().path("data");
        assertThat(realmFiles.path("securebase-realm.json").asText()).isEqualTo(Project.read(Deployments.DEV_REALM));
        assertThat(realmFiles.path("securebase-users-0.json").asText()).isEqualTo(Project.read(Deployments.DEV_USERS));
        JsonNode keycloak = Deployments.container(dev, "keycloak");
        assertThat(keycloak.path("args").toString()).contains("--import-realm");
        Set<String> env = Deployments.env(keycloak).keySet();
        assertThat(env).containsAll(Deployments.placeholders(Deployments.DEV_REALM)).containsAll(Deployments.placeholders(Deployments.DEV_USERS));
        assertThat(Deployments.env(keycloak).get("KC_HTTP_RELATIVE_PATH").path("value").asText()).isEqualTo("/auth");
        String publicUrl = dev.get("ConfigMap", "securebase-config").document().path("data").path("public-url").asText();
        assertThat(Deployments.env(keycloak).get("KC_HOSTNAME").path("value").asText()).isEqualTo(publicUrl + "/auth");
    }

    @Test
    void productionImportsExactlyTheRealmFileWithEveryPlaceholderAndNoUsers() {
        Kustomize.Build production = Deployments.build("production");
        String rendered = production.resources().stream().map(r -> r.document().toString()).reduce("", String::concat);
        for (JsonNode devUser : Project.json(Deployments.DEV_USERS).path("users")) {
            assertThat(rendered).as("production must not carry the dev users").doesNotContain(devUser.path("username").asText());
        }
        JsonNode realmImport = production.get("KeycloakRealmImport", "securebase-realm").document();
        assertThat(realmImport.path("spec").path("realm"))
                .as("the KeycloakRealmImport carries deploy/keycloak/securebase-realm.json unchanged; run "
                        + "deploy/k8s/overlays/production/sync-realm-import.sh after changing the realm")
                .isEqualTo(Project.json(Deployments.REALM));
        Set<String> placeholders = new TreeSet<>();
        realmImport.path("spec").path("placeholders").fieldNames().forEachRemaining(placeholders::add);
        assertThat(placeholders).isEqualTo(Deployments.placeholders(Deployments.REALM));
        for (JsonNode user : realmImport.path("spec").path("realm").path("users")) {
            assertThat(user.has("serviceAccountClientId")).as("the production realm has service-account users only: " + user.path("username")).isTrue();
        }

        JsonNode keycloak = production.get("Keycloak", realmImport.path("spec").path("keycloakCRName").asText()).document().path("spec");
        Map<String, String> options = new LinkedHashMap<>();
        keycloak.path("additionalOptions").forEach(o -> options.put(o.path("name").asText(), o.path("value").asText()));
        assertThat(options).containsEntry("http-relative-path", "/auth");
        String publicUrl = production.get("ConfigMap", "securebase-config").document().path("data").path("public-url").asText();
        assertThat(keycloak.path("hostname").path("hostname").asText()).isEqualTo(publicUrl + "/auth");
        assertThat(keycloak.path("hostname").path("backchannelDynamic").asBoolean()).isTrue();
        assertThat(keycloak.path("instances").asInt()).as("Keycloak clustered").isGreaterThanOrEqualTo(2);
        assertThat(production.get("ConfigMap", "securebase-config").document().path("data").path("issuer-uri").asText())
                .isEqualTo(publicUrl + "/auth/realms/securebase");
    }

    /** Where Keycloak looks for the files a passwordBlacklist policy names. */
    private static final String DENY_LIST_FOLDER = "/opt/keycloak/data/password-blacklists";

    @Test
    void everyKubernetesKeycloakMountsTheDenyListTheRealmNames() {
        String expected = Project.read(ProductionRealmTest.DENY_LIST);
        String file = ProductionRealmTest.DENY_LIST.getFileName().toString();

        Kustomize.Build dev = Deployments.build("dev");
        JsonNode devPod = dev.resources().stream()
                .filter(r -> (r.kind().equals("Deployment") || r.kind().equals("StatefulSet")) && r.name().equals("keycloak"))
                .findFirst().orElseThrow().document().path("spec").path("template").path("spec");
        assertThat(mountedConfigMap(dev, devPod, Deployments.container(dev, "keycloak")).path(file).asText()).isEqualTo(expected);

        Kustomize.Build production = Deployments.build("production");
        JsonNode keycloak = production.ofKind("Keycloak").get(0).document();
        JsonNode productionPod = keycloak.path("spec").path("unsupported").path("podTemplate").path("spec");
        assertThat(mountedConfigMap(production, productionPod, productionPod.path("containers").get(0)).path(file).asText())
                .as("production carries a copy of deploy/keycloak/password-deny-list.txt; run "
                        + "deploy/k8s/overlays/production/sync-realm-import.sh after changing it")
                .isEqualTo(expected);
    }

    /** The data of the ConfigMap the container mounts at Keycloak's deny-list folder. */
    private static JsonNode mountedConfigMap(Kustomize.Build build, JsonNode pod, JsonNode container) {
        JsonNode volume = mountedVolume(pod, container, DENY_LIST_FOLDER);
        return build.get("ConfigMap", volume.path("configMap").path("name").asText()).document().path("data");
    }

    private static JsonNode mountedVolume(JsonNode pod, JsonNode container, String folder) {
        String volume = null;
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals(folder)) {
                volume = mount.path("name").asText();
            }
        }
        assertThat(volume).as("a volume mounted at " + folder).isNotNull();
        for (JsonNode candidate : pod.path("volumes")) {
            if (candidate.path("name").asText().equals(volume)) {
                return candidate;
            }
        }
        throw new AssertionError("no volume " + volume + " in the pod");
    }

    /** The realm's own theme, which every Keycloak serves from this folder. */
    private static final Path THEME = Project.path("deploy/keycloak/themes/securebase");
    private static final String THEME_FOLDER = "/opt/keycloak/themes/securebase";

    @Test
    void everyKeycloakServesTheThemeTheRealmNamesFileForFile() throws java.io.IOException {
        JsonNode realm = Project.json(Deployments.REALM);
        assertThat(realm.path("loginTheme").asText()).isEqualTo(THEME.getFileName().toString());
        assertThat(realm.path("emailTheme").asText()).isEqualTo(THEME.getFileName().toString());
        Map<String, String> files = new TreeMap<>();
        try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(THEME)) {
            for (Path file : walk.filter(java.nio.file.Files::isRegularFile).toList()) {
                files.put(THEME.relativize(file).toString().replace('\\', '/'), Project.read(file));
            }
        }
        assertThat(files).containsKeys("login/theme.properties", "email/theme.properties");

        assertThat(mounts(Deployments.compose().path("services").path("keycloak"), Deployments.COMPOSE_DIR))
                .containsEntry(THEME_FOLDER, THEME);

        Kustomize.Build dev = Deployments.build("dev");
        JsonNode devPod = dev.resources().stream()
                .filter(r -> (r.kind().equals("Deployment") || r.kind().equals("StatefulSet")) && r.name().equals("keycloak"))
                .findFirst().orElseThrow().document().path("spec").path("template").path("spec");
        assertThat(mountedTheme(dev, devPod, Deployments.container(dev, "keycloak"))).as("dev").isEqualTo(files);

        Kustomize.Build production = Deployments.build("production");
        JsonNode productionPod = production.ofKind("Keycloak").get(0).document()
                .path("spec").path("unsupported").path("podTemplate").path("spec");
        assertThat(mountedTheme(production, productionPod, productionPod.path("containers").get(0)))
                .as("production carries a copy of deploy/keycloak/themes/securebase, and keycloak.yaml mounts every file; "
                        + "run deploy/k8s/overlays/production/sync-realm-import.sh after changing the theme")
                .isEqualTo(files);
    }

    /** The files a container sees in the theme folder: each item's path, with its key's text. */
    private static Map<String, String> mountedTheme(Kustomize.Build build, JsonNode pod, JsonNode container) {
        JsonNode volume = mountedVolume(pod, container, THEME_FOLDER);
        JsonNode data = build.get("ConfigMap", volume.path("configMap").path("name").asText()).document().path("data");
        Map<String, String> seen = new TreeMap<>();
        for (JsonNode item : volume.path("configMap").path("items")) {
            seen.put(item.path("path").asText(), data.path(item.path("key").asText()).asText());
        }
        return seen;
    }

    @Test
    void productionTopicsAreTheSharedTopicsReplicatedThreeTimesWithTwoInSync() {
        Kustomize.Build production = Deployments.build("production");
        JsonNode kafka = production.ofKind("Kafka").get(0).document();
        String cluster = kafka.path("metadata").path("name").asText();
        assertThat(kafka.path("spec").path("kafka").path("config").path("min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(kafka.path("spec").path("kafka").path("config").path("default.replication.factor").asInt()).isEqualTo(3);
        assertThat(kafka.path("spec").path("kafka").path("config").path("auto.create.topics.enable").asBoolean(true)).isFalse();
        int brokers = production.ofKind("KafkaNodePool").stream()
                .filter(p -> p.document().path("spec").path("roles").toString().contains("broker"))
                .mapToInt(p -> p.document().path("spec").path("replicas").asInt()).sum();
        assertThat(brokers).as("brokers for replication factor 3").isGreaterThanOrEqualTo(3);
        Set<String> topics = new TreeSet<>();
        for (Kustomize.Resource topic : production.ofKind("KafkaTopic")) {
            JsonNode spec = topic.document().path("spec");
            topics.add(spec.path("topicName").asText(topic.name()));
            assertThat(topic.document().path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo(cluster);
            assertThat(spec.path("replicas").asInt()).as(topic + " replicas").isEqualTo(3);
            assertThat(spec.path("config").path("min.insync.replicas").asInt()).as(topic + " min.insync.replicas").isEqualTo(2);
        }
        // partitions, compaction and retention per topic, and the services' addresses: KafkaIdentitiesTest
        assertThat(topics).isEqualTo(Deployments.topicsWithDeadLetters());
    }

    @Test
    void oneKafkaVersionEverywhere() {
        String production = Deployments.build("production").ofKind("Kafka").get(0).document().path("spec").path("kafka").path("version").asText();
        List<String> images = new ArrayList<>();
        Deployments.compose().path("services").forEach(service -> images.add(service.path("image").asText()));
        Deployments.build("dev").resources().stream().flatMap(r -> Kustomize.containers(r.document()).stream())
                .forEach(container -> images.add(container.path("image").asText()));
        List<String> kafka = images.stream().filter(i -> i.startsWith("apache/kafka:")).toList();
        assertThat(kafka).as("Compose's broker and kafka-setup, the dev overlay's broker and kafka-setup Job").hasSize(4);
        assertThat(kafka).as("the same Kafka as production's spec.kafka.version").allMatch(i -> i.equals("apache/kafka:" + production));
    }

    @Test
    void productionHasAPostgresClusterWithBackupsForEveryDatabase() {
        Kustomize.Build production = Deployments.build("production");
        Set<String> databases = new TreeSet<>();
        for (String service : Project.SERVICES) {
            JsonNode url = Deployments.env(Deployments.container(production, service)).get("SPRING_DATASOURCE_URL");
            if (url != null) {
                Matcher m = Pattern.compile("jdbc:postgresql://([a-z]+)-db-rw:5432/([a-z]+)").matcher(url.path("value").asText());
                assertThat(m.find()).as(service + " JDBC URL").isTrue();
                assertThat(m.group(2)).isEqualTo(m.group(1));
                databases.add(m.group(1));
            }
        }
        JsonNode keycloakDb = production.ofKind("Keycloak").get(0).document().path("spec").path("db");
        assertThat(keycloakDb.path("host").asText()).isEqualTo(keycloakDb.path("database").asText() + "-db-rw");
        databases.add(keycloakDb.path("database").asText());
        assertThat(databases).containsExactlyInAnyOrder("portal", "content", "journal", "account", "keycloak");
        for (String database : databases) {
            JsonNode cluster = production.get("Cluster", database + "-db").document().path("spec");
            assertThat(cluster.path("bootstrap").path("initdb").path("database").asText()).isEqualTo(database);
            assertThat(cluster.path("bootstrap").path("initdb").path("owner").asText()).isEqualTo(database);
            assertThat(cluster.path("instances").asInt()).as(database + " has a standby").isGreaterThanOrEqualTo(2);
            assertThat(cluster.path("plugins").toString()).as(database + " archives WAL").contains("\"isWALArchiver\":true");
            String store = cluster.path("plugins").get(0).path("parameters").path("barmanObjectName").asText();
            production.get("ObjectStore", store);
            assertThat(production.ofKind("ScheduledBackup").stream()
                    .anyMatch(b -> b.document().path("spec").path("cluster").path("name").asText().equals(database + "-db")))
                    .as(database + " scheduled backup").isTrue();
        }
    }
}
