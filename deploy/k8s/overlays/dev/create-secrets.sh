#!/bin/bash
# Creates (or replaces) the Secrets the dev overlay references, with random values and a fresh journal master
# key, in namespace securebase-dev (or $1). Prints the demo password. Needs kubectl, a JDK and the repo.
# deploy/validation checks that every Secret name and key the dev overlay references is created here.
# The Kafka users' Secrets have the names and keys Strimzi's User Operator gives them in production (password,
# sasl.jaas.config), so the base's Deployments read them unchanged.
set -euo pipefail
ns="${1:-securebase-dev}"
here="$(cd "$(dirname "$0")" && pwd)"
# letters and digits only: the values go into JAAS and SCRAM syntax, which cannot quote
secret() { head -c 32 /dev/urandom | base64 | tr -d '/+=\n' | head -c 32; }
apply() { kubectl -n "$ns" create secret generic "$@" --dry-run=client -o yaml | kubectl apply -f -; }
kubectl create namespace "$ns" --dry-run=client -o yaml | kubectl apply -f -
apply postgres-superuser --from-literal=password="$(secret)"
for db in portal content journal account keycloak; do
  apply "$db-db-app" --from-literal=username="$db" --from-literal=password="$(secret)"
done
# journal-service's key vault (the journal_keys database): its owner, as CloudNativePG names the Secret in production
apply journal-keys-db-app --from-literal=username=journal_keys --from-literal=password="$(secret)"
for db in content journal account; do
  apply "$db-db-application" --from-literal=username="${db}_app" --from-literal=password="$(secret)" --type=kubernetes.io/basic-auth
done
apply kafka-operator --from-literal=password="$(secret)"
for user in account-service journal-service content-service; do
  password="$(secret)"
  jaas="org.apache.kafka.common.security.scram.ScramLoginModule required username=\"$user\" password=\"$password\";"
  apply "$user" --from-literal=password="$password" --from-literal=sasl.jaas.config="$jaas"
done
apply securebase-keycloak-clients --from-literal=portal="$(secret)" --from-literal=account-service="$(secret)"
apply securebase-portal-session --from-literal=secret="$(secret)$(secret)" --from-literal=previous-secret=""
apply keycloak-bootstrap-admin --from-literal=password="$(secret)"
apply securebase-notifications --from-literal=smtp-host=mail --from-literal=smtp-port=1025 --from-literal=smtp-auth=false --from-literal=smtp-user="" --from-literal=smtp-password="" --from-literal=smtp-starttls=false --from-literal=from-address=no-reply@securebase.test --from-literal=link-secret="$(secret)$(secret)"
# only if there is none yet: a new master key would make the keysets (the key vault's, the journal's) unreadable
if ! kubectl -n "$ns" get secret journal-crypto > /dev/null 2>&1; then
  apply journal-crypto --from-literal=master-key.json="$("$here/../../../compose/journal-keyset.sh" new)"
fi
demo="$(secret)"
apply securebase-demo --from-literal=password="$demo"
echo "demo password (admin@, therapist@, client@securebase.test): $demo"
