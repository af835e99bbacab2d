#!/bin/bash
# Writes dev/securebase-realm.json: the realm (../securebase-realm.json) plus dev/realm-overlay.json, which the local
# stack, the tests, compose.demo.yaml and the dev Kubernetes overlay import. Run it after changing either file;
# deploy/validation fails, naming this script, while the copy differs.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
./mvnw -q -B -pl deploy/validation -am test -Dtest=ProductionRealmTest#theDevRealmIsTheRealmPlusTheDevOverlay \
  -Dsurefire.failIfNoSpecifiedTests=false -Dsecurebase.render-dev-realm=true
echo "wrote $root/deploy/keycloak/dev/securebase-realm.json"
