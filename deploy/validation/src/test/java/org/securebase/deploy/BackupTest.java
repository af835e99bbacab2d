package org.securebase.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backups cover every database: Compose's backup service dumps each database PostgreSQL holds, and the Kubernetes
 * restore recovers from what production archives. (The scripts themselves were run against a real PostgreSQL and
 * age; docs/operations.md says so.)
 */
class BackupTest {

    private static final JsonNode BACKUP = Deployments.compose().path("services").path("backup");

    /** The databases Compose's PostgreSQL holds: one per service that has one, and Keycloak's. */
    private static Set<String> composeDatabases() {
        Set<String> databases = new TreeSet<>();
        Pattern url = Pattern.compile("jdbc:postgresql://postgres:5432/(\\w+)");
        Deployments.compose().path("services").forEach(service -> service.path("environment").forEach(value -> {
            Matcher m = url.matcher(value.asText());
            if (m.matches()) {
                databases.add(m.group(1));
            }
        }));
        return databases;
    }

    private static Set<String> wordsOf(String source, String regex) {
        Matcher m = Pattern.compile(regex).matcher(source);
        assertThat(m.find()).as("pattern " + regex).isTrue();
        return new TreeSet<>(List.of(m.group(1).trim().split("\\s+")));
    }

    @Test
    void composeBacksUpEveryDatabase() {
        Set<String> databases = composeDatabases();
        assertThat(databases).containsExactlyInAnyOrder("keycloak", "portal", "content", "journal", "account");
        String script = Project.read(Deployments.COMPOSE_DIR.resolve("backup/securebase-backup.sh"));
        assertThat(wordsOf(script, "(?m)^DATABASES=\\(([^)]*)\\)")).as("securebase-backup.sh's DATABASES").isEqualTo(databases);
        assertThat(wordsOf(Project.read(Deployments.COMPOSE_DIR.resolve("postgres/init-databases.sh")), "for name in ([^;]*);"))
                .as("the databases init-databases.sh creates").isEqualTo(databases);
    }

    @Test
    void theBackupServiceIsEncryptedScheduledKeptAndWatched() {
        JsonNode environment = BACKUP.path("environment");
        assertThat(environment.path("SECUREBASE_BACKUP_RECIPIENT").asText()).as("no backup without an age recipient").startsWith("${SECUREBASE_BACKUP_RECIPIENT:?");
        assertThat(environment.path("PGHOST").asText()).isEqualTo("postgres");
        assertThat(environment.path("PGUSER").asText())
                .isEqualTo(Deployments.compose().path("services").path("postgres").path("environment").path("POSTGRES_USER").asText());
        assertThat(environment.path("PGPASSWORD").asText()).startsWith("${POSTGRES_PASSWORD:?");
        assertThat(environment.path("SECUREBASE_BACKUP_AT").asText()).isNotEmpty();
        assertThat(environment.path("SECUREBASE_BACKUP_KEEP_DAYS").asText()).isNotEmpty();
        assertThat(BACKUP.path("volumes").toString()).contains(":/backups");
        assertThat(BACKUP.path("healthcheck").path("test").toString()).contains("securebase-backup", "check");
        assertThat(BACKUP.path("depends_on").path("postgres").path("condition").asText()).isEqualTo("service_healthy");
        assertThat(Project.read(Project.path(".gitignore")).lines())
                .as("backups and the private key never go to git").contains("deploy/compose/backups/", "deploy/compose/backup-identity.txt");
    }

    @Test
    void theBackupImageHasTheServersPostgresql() {
        String image = Deployments.compose().path("services").path("postgres").path("image").asText();
        List<String> from = Project.read(Deployments.COMPOSE_DIR.resolve(BACKUP.path("build").path("context").asText()).resolve("Dockerfile"))
                .lines().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(from).as("pg_dump of the same version as the server it reads").containsExactly("FROM " + image);
    }

    @Test
    void theKubernetesRestoreRecoversFromWhatProductionArchives() {
        Kustomize.Build production = Deployments.build("production");
        List<String> problems = new ArrayList<>();
        for (Kustomize.Resource restore : Deployments.build("restore").ofKind("Cluster")) {
            JsonNode spec = restore.document().path("spec");
            JsonNode recovery = spec.path("bootstrap").path("recovery");
            JsonNode source = null;
            for (JsonNode external : spec.path("externalClusters")) {
                if (external.path("name").asText().equals(recovery.path("source").asText())) {
                    source = external.path("plugin");
                }
            }
            assertThat(source).as(restore + ": bootstrap.recovery.source names an externalCluster").isNotNull();
            assertThat(source.path("name").asText()).isEqualTo("barman-cloud.cloudnative-pg.io");
            String serverName = source.path("parameters").path("serverName").asText();
            JsonNode original = production.get("Cluster", serverName).document().path("spec");
            production.get("ObjectStore", source.path("parameters").path("barmanObjectName").asText());
            if (!original.path("plugins").get(0).path("parameters").path("barmanObjectName").equals(source.path("parameters").path("barmanObjectName"))) {
                problems.add(restore + " reads another object store than " + serverName + " archives to");
            }
            if (!spec.path("imageName").equals(original.path("imageName"))) {
                problems.add(restore + " runs another PostgreSQL image than " + serverName);
            }
            if (!recovery.path("database").equals(original.path("bootstrap").path("initdb").path("database"))
                    || !recovery.path("owner").equals(original.path("bootstrap").path("initdb").path("owner"))) {
                problems.add(restore + ": recovery.database and owner must be " + serverName + "'s");
            }
            if (!spec.path("inheritedMetadata").path("labels").isMissingNode()) {
                problems.add(restore + " carries pod labels, which could admit services to it through their NetworkPolicies");
            }
        }
        assertThat(Deployments.build("restore").ofKind("Cluster")).isNotEmpty();
        assertThat(problems).isEmpty();
    }
}
