#!/usr/bin/env bash
# Gateway benchmark (not part of ./mvnw verify). In one run on this machine it measures requests/s and p50/p99
# latency of the same small authenticated JSON GET sent
#   (a) directly to the backend,
#   (b) through nginx as a plain reverse proxy (keep-alive upstream, no checks),
#   (c) through api-gateway with its production configuration (edge token check, rate limit, circuit breaker,
#       header hygiene, metrics) - only the backend addresses, issuer and key set differ.
# The backend is a minimal Spring MVC resource server with platform-security (the same token checks as
# content-service, no database): benchmarks/gateway-bench. Keys and the token come from its TokenMint, served
# to both JVMs by nginx as a static JWKS. Everything listens on 127.0.0.1 only and is stopped on exit.
#
# Usage: benchmarks/gateway-bench.sh            (needs java, wrk, nginx, curl: apt-get install -y wrk nginx)
# Each path is measured in BENCH_ROUNDS rounds, the three paths taking turns, and the median round is reported:
# on a machine shared with other work, a burst of background load then hits all three alike.
# Knobs: BENCH_ROUNDS (3) BENCH_DURATION (10s per path and round) BENCH_WARMUP (10s) BENCH_CONNECTIONS (32) BENCH_THREADS (2)
#        BENCH_JAVA_OPTS (the local stack's service options) BENCH_SKIP_BUILD=true (reuse built jars)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROUNDS=${BENCH_ROUNDS:-3}
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xms64m -Xmx384m -XX:+UseSerialGC -XX:MaxMetaspaceSize=192m}
BACKEND_PORT=18082 NGINX_PORT=18090 JWKS_PORT=18099 GATEWAY_PORT=18080 GATEWAY_MANAGEMENT_PORT=19080
ISSUER="http://localhost:${GATEWAY_PORT}/auth/realms/securebase"
PATH_UNDER_TEST=/api/content/bench

for tool in java wrk nginx curl; do
    command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install -y wrk nginx curl)" >&2; exit 1; }
done
for port in $BACKEND_PORT $NGINX_PORT $JWKS_PORT $GATEWAY_PORT $GATEWAY_MANAGEMENT_PORT; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is in use" >&2; exit 1; fi
done

WORK=$(mktemp -d /tmp/gateway-bench.XXXXXX)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

echo "== building (logs and results in $WORK)"
if [ "${BENCH_SKIP_BUILD:-false}" != true ]; then
    # Online, and the gateway and the platform modules the bench uses installed: on a fresh machine neither they nor
    # Maven's plugins (the dependency plugin's own dependencies among them) are in the local repository yet.
    (cd "$ROOT" && ./mvnw -q -B -pl api-gateway,platform/platform-security -am install -DskipTests)
    (cd "$ROOT" && ./mvnw -q -B -f benchmarks/gateway-bench/pom.xml package)
fi
(cd "$ROOT" && ./mvnw -q -B -f benchmarks/gateway-bench/pom.xml dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null)
BENCH_CP="$ROOT/benchmarks/gateway-bench/target/classes:$(cat "$WORK/cp.txt")"
GATEWAY_JAR=$(ls "$ROOT"/api-gateway/target/api-gateway-*-exec.jar | head -1)

mkdir -p "$WORK/keys"
java -cp "$BENCH_CP" org.securebase.bench.TokenMint "$WORK/keys" "$ISSUER"
TOKEN=$(cat "$WORK/keys/token.txt")
# nginx's workers run unprivileged: the key set must be readable by them.
chmod 755 "$WORK" "$WORK/keys" && chmod 644 "$WORK/keys/jwks.json" && chmod 600 "$WORK/keys/token.txt"

mkdir -p "$WORK/nginx/logs" "$WORK/nginx/tmp"
cat > "$WORK/nginx/nginx.conf" <<EOF
# A plain reverse proxy as it would be run in production: keep-alive to the upstream, no access log.
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/tmp/body;
    proxy_temp_path $WORK/nginx/tmp/proxy;
    fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
    scgi_temp_path $WORK/nginx/tmp/scgi;
    upstream backend { server 127.0.0.1:$BACKEND_PORT; keepalive 64; }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location / {
            proxy_pass http://backend;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$remote_addr;
        }
    }
    server {
        listen 127.0.0.1:$JWKS_PORT;
        location = /jwks.json { root $WORK/keys; default_type application/json; }
    }
}
EOF
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
PIDS+=($!)

# shellcheck disable=SC2086
java $JAVA_OPTS -cp "$BENCH_CP" org.securebase.bench.BenchBackendApplication \
    --server.port=$BACKEND_PORT --server.address=127.0.0.1 \
    --securebase.security.issuer-uri="$ISSUER" \
    --securebase.security.jwk-set-uri="http://127.0.0.1:$JWKS_PORT/jwks.json" > "$WORK/backend.log" 2>&1 &
PIDS+=($!)

# The rate limit stays on (its cost is part of the measurement) with a budget the run cannot exhaust.
# shellcheck disable=SC2086
SECUREBASE_ROUTES_CONTENT="http://127.0.0.1:$BACKEND_PORT" \
SECUREBASE_ROUTES_PORTAL="http://127.0.0.1:9" SECUREBASE_ROUTES_KEYCLOAK="http://127.0.0.1:9" \
SECUREBASE_ROUTES_JOURNAL="http://127.0.0.1:9" SECUREBASE_ROUTES_ACCOUNT="http://127.0.0.1:9" \
SECUREBASE_SECURITY_ISSUER_URI="$ISSUER" \
SECUREBASE_SECURITY_JWK_SET_URI="http://127.0.0.1:$JWKS_PORT/jwks.json" \
SECUREBASE_RATE_LIMITS_USER_REQUESTS=2000000000 \
java $JAVA_OPTS -jar "$GATEWAY_JAR" --server.port=$GATEWAY_PORT --server.address=127.0.0.1 \
    --management.server.port=$GATEWAY_MANAGEMENT_PORT --management.server.address=127.0.0.1 > "$WORK/gateway.log" 2>&1 &
PIDS+=($!)

expect_status() { # url, authorization (or empty), expected status; waits up to 120 s for the first answer
    local code=000
    for _ in $(seq 1 120); do
        if [ -n "$2" ]; then
            code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: $2" "$1" || true)
        else
            code=$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)
        fi
        [ "$code" != 000 ] && break
        sleep 1
    done
    if [ "$code" != "$3" ]; then echo "$1 answered $code, expected $3 (see $WORK/*.log)" >&2; exit 1; fi
}
echo "== waiting for backend, nginx and gateway"
for port in $BACKEND_PORT $NGINX_PORT $GATEWAY_PORT; do
    expect_status "http://127.0.0.1:$port$PATH_UNDER_TEST" "Bearer $TOKEN" 200
    # Every path checks the token: without one, 401 (from the backend through nginx, from the edge at the gateway).
    expect_status "http://127.0.0.1:$port$PATH_UNDER_TEST" "" 401
done

run_wrk() { # name, port, duration
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3" --latency -H "Authorization: Bearer $TOKEN" \
        "http://127.0.0.1:$2$PATH_UNDER_TEST" > "$WORK/wrk-$1.txt"
}
for target in direct:$BACKEND_PORT nginx:$NGINX_PORT gateway:$GATEWAY_PORT; do
    echo "== warming up ${target%%:*} ($WARMUP)"
    run_wrk "warmup-${target%%:*}" "${target##*:}" "$WARMUP"
done
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for round in $(seq 1 "$ROUNDS"); do
    for target in direct:$BACKEND_PORT nginx:$NGINX_PORT gateway:$GATEWAY_PORT; do
        echo "== round $round: measuring ${target%%:*} ($DURATION)"
        run_wrk "${target%%:*}-$round" "${target##*:}" "$DURATION"
    done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

to_ms() { # wrk latency (e.g. 812.00us, 1.53ms, 2.01s) -> milliseconds
    awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
rps1() { awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$WORK/wrk-$1.txt"; }
pct1() { to_ms "$(awk -v p="$2" '$1 == p { print $2 }' "$WORK/wrk-$1.txt")"; }
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
rps() { for r in $(seq 1 "$ROUNDS"); do rps1 "$1-$r"; echo; done | median; }
pct() { for r in $(seq 1 "$ROUNDS"); do pct1 "$1-$r" "$2"; echo; done | median; }
rounds() { for r in $(seq 1 "$ROUNDS"); do printf '%s ' "$(rps1 "$1-$r")"; done; }
errors() { cat "$WORK"/wrk-"$1"-*.txt | awk '/Non-2xx|Socket errors/ { print }' | tr '\n' ' '; }

DIRECT_RPS=$(rps direct)
{
    echo "Run $(date -u +%Y-%m-%dT%H:%MZ): $ROUNDS rounds of wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency per path, paths taking turns, after $WARMUP warm-up each; GET $PATH_UNDER_TEST with a bearer token. Medians of the rounds."
    echo "Machine: $(nproc) cores ($(lscpu | awk -F: '/Model name/ { gsub(/^ +/, "", $2); print $2 }')), $(free -g | awk '/^Mem/ { print $2 }') GiB RAM, $(java -version 2>&1 | head -1), nginx $(nginx -v 2>&1 | sed 's/.*nginx\///'), JVM options: $JAVA_OPTS"
    echo "Load average (1/5/15 min) before: $LOAD_BEFORE, after: $LOAD_AFTER"
    echo
    echo "| path | requests/s | p50 ms | p99 ms | vs direct (req/s) | req/s per round | errors |"
    echo "|---|---|---|---|---|---|---|"
    for name in direct nginx gateway; do
        printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$(rps $name)" "$(pct $name 50%)" "$(pct $name 99%)" \
            "$(awk -v a="$(rps $name)" -v b="$DIRECT_RPS" 'BEGIN { printf "%.2f", a / b }')" "$(rounds $name)" "$(errors $name)"
    done
    echo
    echo "gateway p50 / nginx p50: $(awk -v a="$(pct gateway 50%)" -v b="$(pct nginx 50%)" 'BEGIN { printf "%.2f", a / b }')"
} | tee "$WORK/results.md"
