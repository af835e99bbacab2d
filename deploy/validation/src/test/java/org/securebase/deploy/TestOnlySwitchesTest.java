package org.securebase.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The switches the system tests use to move a service's clock exist only on the local stack's command line: no
 * deployment file and no service configuration can turn them on.
 */
class TestOnlySwitchesTest {

    private static final List<String> SWITCHES = List.of("clock.adjustable", "clock_adjustable", "CLOCK_ADJUSTABLE");

    @Test
    void noDeploymentOrServiceConfigurationMakesTheClockAdjustable() {
        List<Path> files = Stream.of(
                        everyFileUnder(Project.path("deploy/compose")),
                        everyFileUnder(Project.path("deploy/k8s")),
                        Stream.of("account-service", "content-service", "journal-service", "client-portal", "api-gateway")
                                .flatMap(service -> Project.applicationYamls(service).stream()))
                .flatMap(s -> s)
                .toList();
        assertThat(files).hasSizeGreaterThan(10);
        for (Path file : files) {
            String text = Project.read(file);
            for (String name : SWITCHES) {
                assertThat(text).as(Project.relative(file)).doesNotContainIgnoringCase(name);
            }
        }
    }

    private static Stream<Path> everyFileUnder(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
