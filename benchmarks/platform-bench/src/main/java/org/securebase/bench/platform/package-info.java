/**
 * benchmarks/platform-bench.sh (not part of the build or the tests): starts the whole local stack as
 * {@code ./run.sh --reset} does, in a fresh data folder, and measures in one run API writes through the gateway,
 * event propagation between the services, portal pages with logged-in sessions, and each process's start-up time
 * and memory. Prints one table and writes the figures into the "Platform" section of docs/benchmarks.md.
 */
package org.securebase.bench.platform;
