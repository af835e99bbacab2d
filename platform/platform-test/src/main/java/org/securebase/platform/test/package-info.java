/**
 * Real backends for integration tests, started once per test JVM and shared: Testcontainers when a
 * Docker engine is reachable, otherwise the embedded servers of platform-embedded. Tests never choose;
 * {@code -Dsecurebase.test.backend=embedded|docker} overrides the detection.
 */
package org.securebase.platform.test;
