#!/bin/bash
# Runs once, when the PostgreSQL data directory is empty (docker-entrypoint-initdb.d; the dev Kubernetes
# overlay mounts the same file). One database and one owning role per service, each role with its own
# password from the environment: <NAME>_DB_PASSWORD. A role owns only its database and cannot connect to the
# others (CONNECT is revoked from PUBLIC).
set -euo pipefail
for name in keycloak portal content journal account; do
  var="$(echo "$name" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD"
  password="${!var:?$var is not set}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       --set=role="$name" --set=password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"role" OWNER :"role";
REVOKE CONNECT ON DATABASE :"role" FROM PUBLIC;
SQL
done
