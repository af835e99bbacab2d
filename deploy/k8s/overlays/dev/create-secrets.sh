#!/bin/bash
# Creates (or replaces) the Secrets the dev overlay references, with random values and a fresh journal
# keyset, in namespace securebase-dev (or $1). Prints the demo password. Needs kubectl, a JDK and the repo.
# deploy/validation checks that every Secret name and key the dev overlay references is created here.
set -euo pipefail
ns="${1:-securebase-dev}"
here="$(cd "$(dirname "$0")" && pwd)"
secret() { head -c 32 /dev/urandom | base64 | tr -d '/+=\n' | head -c 32; }
apply() { kubectl -n "$ns" create secret generic "$@" --dry-run=client -o yaml | kubectl apply -f -; }
kubectl create namespace "$ns" --dry-run=client -o yaml | kubectl apply -f -
apply postgres-superuser --from-literal=password="$(secret)"
for db in portal content journal account keycloak; do
  apply "$db-db-app" --from-literal=username="$db" --from-literal=password="$(secret)"
done
apply securebase-keycloak-clients --from-literal=portal="$(secret)" --from-literal=account-service="$(secret)"
apply keycloak-bootstrap-admin --from-literal=password="$(secret)"
apply journal-crypto --from-literal=keyset.json="$("$here/../../../compose/journal-keyset.sh" new)"
demo="$(secret)"
apply securebase-demo --from-literal=password="$demo"
echo "demo password (admin@, therapist@, client@securebase.test): $demo"
