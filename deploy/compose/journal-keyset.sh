#!/bin/bash
# The journal-service's encryption keyset (Google Tink, AES-256-GCM), as one line of Tink JSON.
#
#   deploy/compose/journal-keyset.sh new                 > keyset.json   # a fresh keyset with one key
#   deploy/compose/journal-keyset.sh rotate < old.json   > new.json      # adds a new primary key, keeps the old
#   deploy/compose/journal-keyset.sh info   < keyset.json                # key ids and which is primary (no key material)
#
# The output is cleartext key material: write it only into .env (mode 600) or straight into a Kubernetes
# Secret, never into a log, a ticket or git. Needs a JDK 17+ (it runs keyset/JournalKeyset.java as a single-file
# program) and Tink's jars, which the project's Maven wrapper fetches once (keyset/pom.xml: the same Tink version
# as journal-service) and finds in the local Maven repository, offline, after that.
set -euo pipefail
command="${1:-}"
case "$command" in new|rotate|info) ;; *) echo "usage: $0 new | rotate < keyset.json | info < keyset.json" >&2; exit 2 ;; esac
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
classpath() {
  (cd "$root" && ./mvnw -q -B "$@" -f deploy/compose/keyset/pom.xml dependency:build-classpath \
      -Dmdep.includeScope=runtime -Dmdep.outputFile=/dev/stdout)
}
cp="$(classpath -o 2> /dev/null || classpath)"
exec java -cp "$cp" "$here/keyset/JournalKeyset.java" "$command"
