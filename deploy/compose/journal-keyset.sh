#!/bin/bash
# Tink AEAD keysets (AES-256-GCM) as one line of Tink JSON, for journal-service:
#
#   deploy/compose/journal-keyset.sh new                 > master-key.json   # a master key file: the key-encryption
#                                                                            # key named by file:/.../master-key.json
#   deploy/compose/journal-keyset.sh info   < keyset.json                    # key ids and which is primary (no key material)
#   deploy/compose/journal-keyset.sh rotate < old.json   > new.json          # adds a new primary key, keeps the old
#
# journal-service keeps the keyset that encrypts clinical text in its own database, encrypted under the
# key-encryption key (SECUREBASE_JOURNAL_CRYPTO_KEK_URI: a KMS key, or a master key file made with `new`); it is
# rotated by the service itself (POST /actuator/cryptokeys, docs/operations.md "Keys"), not with this script.
# `info` and `rotate` are for keyset files: a cleartext keyset from before keysets were stored (imported once with
# SECUREBASE_JOURNAL_CRYPTO_KEYSET_FILE), or a master key file.
#
# The output is cleartext key material: write it only into a file on a secret mount (mode 600 or in a 700
# directory) or straight into a Kubernetes Secret, never into an environment variable, a log, a ticket or git.
# Needs a JDK 17+ (it runs keyset/JournalKeyset.java as a single-file program) and Tink's jars, which the
# project's Maven wrapper fetches once (keyset/pom.xml: the same Tink version as journal-service) and finds in the
# local Maven repository, offline, after that.
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
