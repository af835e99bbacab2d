/**
 * Support for benchmarks/gateway-bench.sh (not part of the build or the tests): a minimal Spring MVC resource
 * server protected by platform-security exactly as the APIs are, and a mint for the key set and the token the
 * benchmark sends.
 */
package org.securebase.bench;
