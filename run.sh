#!/usr/bin/env bash
# Starts the whole Secure Base platform on embedded defaults: PostgreSQL, Kafka, Keycloak, a local mail
# server and the five services. Needs only a JDK 17 or newer. Ctrl-C stops everything it started.
#   ./run.sh            build what is needed, start, print the URL and demo logins
#   ./run.sh --reset    start afresh (deletes the data folder, .securebase/ by default)
set -euo pipefail
cd "$(dirname "$0")"
echo "Building Secure Base (first time: a few minutes; Maven downloads dependencies)..."
./mvnw -B -q -DskipTests package \
  -pl api-gateway,client-portal,content-service,journal-service,account-service,deploy/local-stack -am
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -jar deploy/local-stack/target/local-stack-*-exec.jar "$@"
