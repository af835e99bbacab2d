#!/bin/bash
# Runs once, when the PostgreSQL data directory is empty (docker-entrypoint-initdb.d; the dev Kubernetes
# overlay mounts the same file). One database and one owning role per owner, each role with its own password from
# the environment: <NAME>_DB_PASSWORD. A role owns only its database and cannot connect to the others (CONNECT is
# revoked from PUBLIC).
#
# journal_keys is journal-service's key vault (ADR 0036): each client's keyset, apart from the journal database so
# that no dump of that one holds a key (JOURNAL_KEYS_DB_PASSWORD). journal-service connects to it as its owner, which
# migrates it; no other role may connect.
#
# The services content, journal and account also get an application role, <name>_app (<NAME>_APP_DB_PASSWORD), that
# they run as: it may connect to its database and owns nothing; the service's migrations, run as the owner, grant it
# read and write on the tables and only SELECT and INSERT on the append-only ones (platform-web's
# ApplicationRoleGrants). The portal and Keycloak run as their owner.
set -euo pipefail
for name in keycloak portal content journal account journal_keys; do
  var="$(echo "$name" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD"
  password="${!var:?$var is not set}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       --set=role="$name" --set=password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"role" OWNER :"role";
REVOKE CONNECT ON DATABASE :"role" FROM PUBLIC;
SQL
done
for name in content journal account; do
  var="$(echo "$name" | tr '[:lower:]' '[:upper:]')_APP_DB_PASSWORD"
  password="${!var:?$var is not set}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       --set=database="$name" --set=role="${name}_app" --set=password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD :'password';
GRANT CONNECT ON DATABASE :"database" TO :"role";
SQL
done
