#!/usr/bin/env bash
# Platform benchmark (not part of ./mvnw verify). In one run it starts the whole local stack exactly as
# ./run.sh --reset does (embedded PostgreSQL, KRaft Kafka, Keycloak, the five services) in a fresh data folder
# under /tmp, loads data through the public APIs, and measures:
#   1. API writes: answer autosave (PUT /api/journal/assignments/{id}/answers/{promptId}) and journal entry
#      creation (POST /api/journal/entries) as the demo client, through the gateway and directly to
#      journal-service, closed loop at each of BENCH_CONNECTIONS: requests/s, p50/p95/p99, errors;
#   2. event propagation: article published -> found by the catalog search and assignable in journal-service;
#      admin (re)assigns a client -> the new therapist may assign homework: p50/p99 over BENCH_EVENTS each;
#      assignment 201 -> the client's "new homework" mail received by the local SMTP server: p50/p99 over
#      BENCH_NOTIFICATIONS assignments, one at a time;
#   3. portal pages: the client's assignment page and the therapist's home (the caseload page) with
#      BENCH_PORTAL_SESSIONS logged-in sessions (real OIDC logins through the gateway), each opening its next page
#      at once (the stack's capacity) and, again, after a pause (BENCH_PORTAL_THINK_TIME, as people do);
#   4. growth: a therapist's caseload (account-service's list, journal-service's adherence) and a client's journal
#      list, each 50 rows made through the API, with BENCH_GROWTH_SIZES rows of other people's COPYed straight into
#      the services' databases (their Flyway table layout; the API would take hours for a million), then VACUUM ANALYZE;
#   5. footprint: each service's own start-up (Spring Boot's "Started ... (process running for M)" in its log), RSS
#      after the load (and Keycloak's, PostgreSQL's), CPU per case;
#   with BENCH_JFR=true, JFR recordings of journal-service, content-service, client-portal and api-gateway over parts 1-3 (jcmd).
# Prints one table and writes it into the "Platform" section of docs/benchmarks.md (between the
# platform-bench markers). Everything it started is stopped on exit (Ctrl-C included).
#
# Usage: benchmarks/platform-bench.sh      (needs only the JDK; the stack's ports 8080-8084, 8180, 9080-9084, 9180,
#                                           15432, 3025, 8025 must be free)
# Knobs: BENCH_WARMUP (10s per case) BENCH_DURATION (15s per case) BENCH_CONNECTIONS (16,64)
#        BENCH_ASSIGNMENTS (64: assignments the autosave load spreads over, one per connection)
#        BENCH_EVENTS (1000 of each kind) BENCH_EVENT_POLL_MS (5) BENCH_NOTIFICATIONS (200; 0 = skip)
#        BENCH_DIRECT (true: also measure the writes directly against journal-service)
#        BENCH_PORTAL_SESSIONS (10,50,200; 0 = skip the portal) BENCH_WRITE_DOCS (true)
#        BENCH_PORTAL_THINK_TIME (1s: each portal case runs again with sessions that pause between pages,
#                                 exponentially with this mean, as people reading do; 0 = only without pauses)
#        BENCH_GROWTH_SIZES (1000,100000,1000000; 0 = skip) BENCH_GROWTH_CONNECTIONS (16) BENCH_GROWTH_OWN_ROWS (50)
#        BENCH_JFR (false: true writes <work folder>/<service>.jfr; the work folder is printed at the start)
#        BENCH_USER_RATE_LIMIT (1000000000 requests/min per user at the gateway; "default" keeps 600)
#        BENCH_ANONYMOUS_RATE_LIMIT (1000000000 per client address; "default" keeps 600)
#        BENCH_INVITATION_RATE_LIMIT (1000000 invitations/hour per admin; "default" keeps 20)
#        BENCH_JAVA_HOME (the JDK the launcher, and so every service, runs on; default: java on the PATH)
#        BENCH_NMT (false: true starts the services with -XX:NativeMemoryTracking=summary and writes
#                   <work folder>/<service>.nmt.txt after the portal part: where each service's memory goes)
#        BENCH_JAVA_OPTS (-Xms256m -Xmx1g: the launcher JVM, which also hosts Kafka and the load generator)
#        BENCH_SKIP_BUILD=true (reuse built jars) SECUREBASE_SERVICE_JAVA_OPTS (as for ./run.sh)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xms256m -Xmx1g}

for port in 8080 8081 8082 8083 8084 8180 9180 15432 3025 8025; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "port $port is in use: is another stack running? (pgrep -af 'keycloak|securebase')" >&2; exit 1
    fi
done

# The gateway's per-user budget (600 requests a minute) would turn a load test into a rate-limit test. The
# launcher passes its own environment on to every service it starts, so these reach the gateway; the report
# states the values used.
if [ "${BENCH_USER_RATE_LIMIT:-}" != default ]; then
    export SECUREBASE_RATE_LIMITS_USER_REQUESTS=${BENCH_USER_RATE_LIMIT:-1000000000}
fi
if [ "${BENCH_ANONYMOUS_RATE_LIMIT:-}" != default ]; then
    export SECUREBASE_RATE_LIMITS_ANONYMOUS_REQUESTS=${BENCH_ANONYMOUS_RATE_LIMIT:-1000000000}
fi
# The growth part invites its 49 clients as the demo admin; the gateway allows an admin 20 invitations an hour.
if [ "${BENCH_INVITATION_RATE_LIMIT:-}" != default ]; then
    export SECUREBASE_RATE_LIMITS_INVITATIONS_REQUESTS=${BENCH_INVITATION_RATE_LIMIT:-1000000}
    # account-service keeps the same limit itself (the portal's invitations do not pass the gateway)
    export SECUREBASE_ACCOUNTS_INVITATION_QUOTA_REQUESTS=${BENCH_INVITATION_RATE_LIMIT:-1000000}
fi
JAVA=java
if [ -n "${BENCH_JAVA_HOME:-}" ]; then
    JAVA=$BENCH_JAVA_HOME/bin/java
fi

# account-service's reconciliation compares every live account with Keycloak every 5 minutes; the growth part's
# filler accounts exist only in its database and would be looked up one by one (a million Keycloak calls). The run
# after start-up is shorter than this interval's first tick.
export SECUREBASE_ACCOUNTS_RECONCILIATION_INTERVAL=${SECUREBASE_ACCOUNTS_RECONCILIATION_INTERVAL:-PT12H}

WORK=$(mktemp -d /tmp/platform-bench.XXXXXX)
export BENCH_WORK_DIR=$WORK
export SECUREBASE_DATA_DIR=${SECUREBASE_DATA_DIR:-$WORK/stack-data}
export SECUREBASE_PROJECT_ROOT=$ROOT

echo "== building (work folder $WORK; stack data and logs in $SECUREBASE_DATA_DIR)"
if [ "${BENCH_SKIP_BUILD:-false}" != true ]; then
    # Everything the stack runs; system-tests is not needed (and may be mid-change in a shared checkout). Online:
    # on a fresh machine Maven still has to fetch plugins (the dependency plugin's own dependencies among them).
    (cd "$ROOT" && ./mvnw -B -q install -DskipTests -pl '!system-tests,!deploy/validation')
    (cd "$ROOT" && ./mvnw -B -q -f benchmarks/platform-bench/pom.xml package)
fi
(cd "$ROOT" && ./mvnw -B -q -f benchmarks/platform-bench/pom.xml dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null)
BENCH_CP="$ROOT/benchmarks/platform-bench/target/classes:$(cat "$WORK/cp.txt")"

# The launcher stops the stack itself (on exit, and from its shutdown hook on Ctrl-C/TERM); the trap makes sure.
BENCH_PID=
cleanup() {
    if [ -n "$BENCH_PID" ] && kill -0 "$BENCH_PID" 2>/dev/null; then
        kill "$BENCH_PID" 2>/dev/null || true
        wait "$BENCH_PID" 2>/dev/null || true
    fi
}
trap cleanup EXIT INT TERM

echo "== running (about 28 minutes with the default knobs, plus the stack's start-up)"
# shellcheck disable=SC2086
# The services run on the launcher's own JDK (JavaRuntime), so BENCH_JAVA_HOME chooses it for all of them.
"$JAVA" $JAVA_OPTS -cp "$BENCH_CP" org.securebase.bench.platform.PlatformBench &
BENCH_PID=$!
wait "$BENCH_PID"
