package org.securebase.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The JDK this launcher runs on is the one the services run on, so one JAVA_HOME choice covers all. */
final class JavaRuntime {

    private JavaRuntime() {
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * The options this JDK accepts, each tried on its own ({@code java <option> -version}). An option a JDK does
     * not know stops the JVM from starting, and which update of a release brought an option is not something to
     * guess from a version string (vendors backport).
     */
    static List<String> acceptedOptions(List<String> options) {
        List<String> accepted = new ArrayList<>();
        for (String option : options) {
            if (accepts(option)) {
                accepted.add(option);
            }
        }
        return List.copyOf(accepted);
    }

    private static boolean accepts(String option) {
        try {
            Process probe = new ProcessBuilder(javaExecutable(), option, "-version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!probe.waitFor(30, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return false;
            }
            return probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
