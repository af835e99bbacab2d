#!/bin/bash
# The journal-service's encryption keyset (Google Tink, AES-256-GCM), as one line of Tink JSON.
#
#   deploy/compose/journal-keyset.sh new                 > keyset.json   # a fresh keyset with one key
#   deploy/compose/journal-keyset.sh rotate < old.json   > new.json      # adds a new primary key, keeps the old
#   deploy/compose/journal-keyset.sh info   < keyset.json                # key ids and which is primary (no key material)
#
# The output is cleartext key material: write it only into .env (mode 600) or straight into a Kubernetes
# Secret, never into a log, a ticket or git. Needs a JDK 17+ and the project's Maven wrapper (the Tink jars
# come from journal-service's runtime classpath).
set -euo pipefail
command="${1:-}"
case "$command" in new|rotate|info) ;; *) echo "usage: $0 new | rotate < keyset.json | info < keyset.json" >&2; exit 2 ;; esac
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$root" && ./mvnw -q -B -pl journal-service dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$work/classpath") >&2
cat > "$work/JournalKeyset.java" <<'JAVA'
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

public class JournalKeyset {
    public static void main(String[] args) throws Exception {
        AeadConfig.register();
        KeysetHandle handle = switch (args[0]) {
            case "new" -> KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            case "rotate" -> KeysetHandle.newBuilder(read())
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId().makePrimary())
                    .build();
            default -> read();
        };
        if (args[0].equals("info")) {
            for (int i = 0; i < handle.size(); i++) {
                KeysetHandle.Entry entry = handle.getAt(i);
                System.out.println("key " + Integer.toUnsignedString(entry.getId()) + " " + entry.getStatus()
                        + (entry.isPrimary() ? " PRIMARY" : ""));
            }
            return;
        }
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        System.out.println(JsonParser.parseString(json).toString());   // one line, fit for .env and Secrets
    }

    private static KeysetHandle read() throws IOException, java.security.GeneralSecurityException {
        String json = new String(System.in.readAllBytes(), StandardCharsets.UTF_8).trim();
        return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    }
}
JAVA
java -cp "$(cat "$work/classpath")" "$work/JournalKeyset.java" "$command"
