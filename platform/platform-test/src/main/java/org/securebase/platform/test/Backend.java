package org.securebase.platform.test;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/** Which kind of real servers this test JVM uses; decided once and logged once. */
public enum Backend {
    DOCKER, EMBEDDED;

    private static final Logger log = LoggerFactory.getLogger(Backend.class);
    private static volatile Backend chosen;

    public static Backend current() {
        Backend backend = chosen;
        if (backend == null) {
            synchronized (Backend.class) {
                if (chosen == null) {
                    chosen = detect();
                    log.info("Integration tests use {} backends ({})", chosen == DOCKER ? "Testcontainers" : "embedded",
                            chosen == DOCKER ? "a Docker engine is reachable" : "no Docker engine is reachable");
                }
                backend = chosen;
            }
        }
        return backend;
    }

    private static Backend detect() {
        String forced = System.getProperty("securebase.test.backend", "").trim();
        if (forced.equalsIgnoreCase("embedded")) {
            return EMBEDDED;
        }
        if (forced.equalsIgnoreCase("docker")) {
            return DOCKER;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable() ? DOCKER : EMBEDDED;
        } catch (RuntimeException | LinkageError noDocker) {
            return EMBEDDED;
        }
    }
}
