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
 * restore recovers from what production archives. journal-service's key vault is backed up apart, with a short
 * retention of its own, and never with the journal (ADR 0036). (The scripts themselves were run against a real
 * PostgreSQL and age; docs/operations.md says so.)
 */
class BackupTest {

    private static final JsonNode BACKUP = Deployments.compose().path("services").path("backup");
    private static final String SCRIPT = Project.read(Deployments.COMPOSE_DIR.resolve("backup/securebase-backup.sh"));
    /** The longest the key vault's backups may be kept, in days: it bounds how long an erased client stays readable. */
    private static final int KEY_VAULT_MAX_DAYS = 35;

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

    /** The database journal-service's key vault URL names in Compose. */
    private static String composeKeyVault() {
        Matcher m = Pattern.compile("jdbc:postgresql://postgres:5432/(\\w+)").matcher(Deployments.compose().path("services")
                .path("journal-service").path("environment").path("SECUREBASE_KEY_VAULT_URL").asText());
        assertThat(m.matches()).as("journal-service's SECUREBASE_KEY_VAULT_URL in compose.yaml").isTrue();
        return m.group(1);
    }

    @Test
    void composeBacksUpEveryDatabase() {
        Set<String> databases = composeDatabases();
        assertThat(databases).containsExactlyInAnyOrder("keycloak", "portal", "content", "journal", "account", "journal_keys");
        String vault = composeKeyVault();
        Set<String> others = new TreeSet<>(databases);
        others.remove(vault);
        assertThat(wordsOf(SCRIPT, "(?m)^DATABASES=\\(([^)]*)\\)")).as("securebase-backup.sh's DATABASES: all but the key vault")
                .isEqualTo(others);
        assertThat(wordsOf(SCRIPT, "(?m)^KEY_VAULT=(\\w+)$")).as("securebase-backup.sh's KEY_VAULT").containsExactly(vault);
        assertThat(wordsOf(Project.read(Deployments.COMPOSE_DIR.resolve("postgres/init-databases.sh")), "for name in ([^;]*);"))
                .as("the databases init-databases.sh creates").isEqualTo(databases);
    }

    @Test
    void composeKeepsTheKeyVaultsDumpsApartAndBriefly() {
        // every database is dumped on its own (pg_dump --dbname), and the roles without any database's contents
        Matcher dumpall = Pattern.compile("pg_dumpall[^|\\n]*").matcher(SCRIPT);
        while (dumpall.find()) {
            assertThat(dumpall.group()).as("pg_dumpall dumps every database's contents, the vault's too").contains("--globals-only");
        }
        Matcher dump = Pattern.compile("pg_dump --format=custom --dbname=\"\\$(\\w+)\" \\|[^>]*> \"\\$(\\w+)/").matcher(SCRIPT);
        List<String> dumps = new ArrayList<>();
        while (dump.find()) {
            dumps.add(dump.group(1) + " -> " + dump.group(2));
        }
        assertThat(dumps).as("the databases into the backup, the key vault into a directory of its own")
                .containsExactlyInAnyOrder("db -> work", "KEY_VAULT -> vault_work");
        assertThat(SCRIPT).contains("vault_work=\"$vault_dir/$stamp.partial\"", "work=\"$dir/$stamp.partial\"",
                "vault_dir=\"${SECUREBASE_KEY_VAULT_BACKUP_DIR:-/key-vault-backups}\"",
                "prune \"$vault_dir\" SECUREBASE_KEY_VAULT_BACKUP_KEEP_DAYS " + KEY_VAULT_MAX_DAYS);

        JsonNode environment = BACKUP.path("environment");
        Matcher keep = Pattern.compile("\\$\\{SECUREBASE_KEY_VAULT_BACKUP_KEEP_DAYS:-(\\d+)}")
                .matcher(environment.path("SECUREBASE_KEY_VAULT_BACKUP_KEEP_DAYS").asText());
        assertThat(keep.matches()).as("compose.yaml's SECUREBASE_KEY_VAULT_BACKUP_KEEP_DAYS").isTrue();
        assertThat(Integer.parseInt(keep.group(1))).isBetween(1, KEY_VAULT_MAX_DAYS);
        String mainSource = null;
        String vaultSource = null;
        for (JsonNode volume : BACKUP.path("volumes")) {
            String[] parts = volume.asText().split(":(?=/)");
            if (parts.length == 2 && parts[1].equals("/backups")) {
                mainSource = parts[0];
            } else if (parts.length == 2 && parts[1].equals("/key-vault-backups")) {
                vaultSource = parts[0];
            }
        }
        assertThat(vaultSource).as("the key vault's backup directory is mounted").isNotNull();
        assertThat(vaultSource).as("a directory of its own on the host").isNotEqualTo(mainSource);
        assertThat(Project.read(Project.path(".gitignore")).lines()).contains("deploy/compose/key-vault-backups/");
    }

    @Test
    void productionArchivesTheKeyVaultToAnObjectStoreOfItsOwnWithAShortRetention() {
        Kustomize.Build production = Deployments.build("production");
        String url = Deployments.env(Deployments.container(production, "journal-service")).get("SECUREBASE_KEY_VAULT_URL")
                .path("value").asText();
        Matcher host = Pattern.compile("jdbc:postgresql://([a-z0-9-]+)-rw:5432/\\w+(\\?.*)?").matcher(url);
        assertThat(host.matches()).as("SECUREBASE_KEY_VAULT_URL " + url).isTrue();
        String vault = host.group(1);
        JsonNode spec = production.get("Cluster", vault).document().path("spec");
        String store = spec.path("plugins").get(0).path("parameters").path("barmanObjectName").asText();
        for (Kustomize.Resource cluster : production.ofKind("Cluster")) {
            if (!cluster.name().equals(vault)) {
                assertThat(cluster.document().path("spec").path("plugins").get(0).path("parameters").path("barmanObjectName").asText())
                        .as(cluster + " archives with the key vault").isNotEqualTo(store);
            }
        }
        JsonNode objectStore = production.get("ObjectStore", store).document().path("spec");
        Matcher days = Pattern.compile("(\\d+)d").matcher(objectStore.path("retentionPolicy").asText());
        assertThat(days.matches()).as(store + "'s retentionPolicy in days").isTrue();
        assertThat(Integer.parseInt(days.group(1))).isBetween(1, KEY_VAULT_MAX_DAYS);
        for (Kustomize.Resource other : production.ofKind("ObjectStore")) {
            if (!other.name().equals(store)) {
                JsonNode configuration = other.document().path("spec").path("configuration");
                assertThat(configuration.path("destinationPath").asText()).as(other + " shares the vault's bucket path")
                        .isNotEqualTo(objectStore.path("configuration").path("destinationPath").asText());
                assertThat(configuration.path("s3Credentials").path("accessKeyId").path("name").asText())
                        .as(other + " reads with the vault's credentials")
                        .isNotEqualTo(objectStore.path("configuration").path("s3Credentials").path("accessKeyId").path("name").asText());
            }
        }
        assertThat(production.ofKind("ScheduledBackup").stream()
                .anyMatch(b -> b.document().path("spec").path("cluster").path("name").asText().equals(vault)))
                .as("a daily base backup of " + vault).isTrue();
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
