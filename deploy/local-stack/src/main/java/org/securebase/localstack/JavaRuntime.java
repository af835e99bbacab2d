package org.securebase.localstack;

import java.nio.file.Path;

/** The JDK this launcher runs on is the one the services run on, so one JAVA_HOME choice covers all. */
final class JavaRuntime {

    private JavaRuntime() {
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
