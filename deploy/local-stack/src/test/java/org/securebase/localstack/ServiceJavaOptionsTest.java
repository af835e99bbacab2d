package org.securebase.localstack;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceJavaOptionsTest {

    @Test
    void keepsTheOptionsThisJdkAcceptsAndDropsTheOthers() {
        List<String> accepted = JavaRuntime.acceptedOptions(
                List.of("-Xmx64m", "-XX:+ThisOptionDoesNotExistInAnyJdk", "-XX:+UseSerialGC"));

        assertThat(accepted).containsExactly("-Xmx64m", "-XX:+UseSerialGC");
    }

    @Test
    void theDefaultsAreTheFixedOptionsFollowedByTheAcceptedFootprintOnes() {
        List<String> defaults = StackConfig.fromEnvironment(Map.of()).serviceJavaOptions();

        assertThat(defaults).startsWith(StackConfig.DEFAULT_JAVA_OPTIONS.split(" "));
        assertThat(defaults.subList(StackConfig.DEFAULT_JAVA_OPTIONS.split(" ").length, defaults.size()))
                .isSubsetOf(StackConfig.FOOTPRINT_OPTIONS)
                .containsExactlyElementsOf(JavaRuntime.acceptedOptions(StackConfig.FOOTPRINT_OPTIONS));
    }

    @Test
    void configuredOptionsReplaceTheDefaultsAndABlankValueKeepsThem() {
        assertThat(StackConfig.fromEnvironment(Map.of("SECUREBASE_SERVICE_JAVA_OPTS", " -Xmx256m  -XX:+UseG1GC ")).serviceJavaOptions())
                .containsExactly("-Xmx256m", "-XX:+UseG1GC");
        assertThat(StackConfig.fromEnvironment(Map.of("SECUREBASE_SERVICE_JAVA_OPTS", "  ")).serviceJavaOptions())
                .isEqualTo(StackConfig.defaultJavaOptions());
    }
}
