package org.securebase.deploy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.gson.JsonParser;
import com.google.protobuf.MessageLite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/compose/journal-keyset.sh's program, run as the script runs it (the JDK's single-file launcher with Tink's
 * jars), and its classpath pom: keysets journal-service can read, rotated the way its Keysets rotates.
 */
class JournalKeysetTest {

    private static final Path PROGRAM = Deployments.COMPOSE_DIR.resolve("keyset/JournalKeyset.java");

    @BeforeAll
    static void register() throws Exception {
        AeadConfig.register();
    }

    private static String run(String command, String input) throws IOException, InterruptedException, URISyntaxException {
        String classpath = String.join(File.pathSeparator, jarOf(KeysetHandle.class), jarOf(JsonParser.class), jarOf(MessageLite.class));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, PROGRAM.toString(), command).redirectErrorStream(true).start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(command + ": " + output).isZero();
        return output;
    }

    private static String jarOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static KeysetHandle parse(String json) throws Exception {
        return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    }

    @Test
    void newRotateAndInfo() throws Exception {
        String created = run("new", "");
        assertThat(created.lines().count()).as("one line, for .env and Secret literals").isEqualTo(1);
        KeysetHandle first = parse(created);
        assertThat(first.size()).isEqualTo(1);
        assertThat(first.getPrimary().getKey().getParameters()).isInstanceOf(AesGcmParameters.class);
        assertThat(((AesGcmParameters) first.getPrimary().getKey().getParameters()).getKeySizeBytes()).isEqualTo(32);

        KeysetHandle rotated = parse(run("rotate", created));
        assertThat(rotated.size()).isEqualTo(2);
        assertThat(rotated.getPrimary().getId()).isNotEqualTo(first.getPrimary().getId());
        assertThat(Stream.of(rotated.getAt(0), rotated.getAt(1)).map(KeysetHandle.Entry::getId))
                .as("the old key stays, for the rows it encrypted").contains(first.getPrimary().getId());

        List<String> info = run("info", TinkJsonProtoKeysetFormat.serializeKeyset(rotated, InsecureSecretKeyAccess.get())).lines().toList();
        assertThat(info).hasSize(2).allMatch(line -> line.matches("key \\d+ ENABLED( PRIMARY)?"));
        assertThat(info).filteredOn(line -> line.endsWith(" PRIMARY")).containsExactly("key " + Integer.toUnsignedString(rotated.getPrimary().getId()) + " ENABLED PRIMARY");
    }

    @Test
    void theScriptUsesJournalServicesTinkVersion() {
        String keysetPom = Project.read(Deployments.COMPOSE_DIR.resolve("keyset/pom.xml"));
        assertThat(keysetPom).contains("<artifactId>securebase</artifactId>", "<relativePath>../../../pom.xml</relativePath>");
        assertThat(keysetPom).as("Tink without a version of its own: the root's dependencyManagement decides it, as for journal-service")
                .containsPattern("<artifactId>tink</artifactId>\\s*</dependency>");
        assertThat(Project.read(Deployments.COMPOSE_DIR.resolve("journal-keyset.sh")))
                .contains("keyset/pom.xml", "keyset/JournalKeyset.java");
    }
}
