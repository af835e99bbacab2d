package org.securebase.journal.crypto;

import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * The key commands, on the management port (never public; docs/operations.md, "Keys"):
 * {@code curl http://<journal-service>:9083/actuator/cryptokeys} shows the service keyset and how many
 * ciphertexts of each column are under which kind of key (a client's current or earlier key, the service keyset's);
 * {@code curl -X POST -H 'Content-Type: application/json' -d '{"operation":"rotate"}' …} rotates.
 */
@Component
@Endpoint(id = "cryptokeys")
class CryptoKeysEndpoint {

    private final KeyRing keys;
    private final KeyRotation rotation;

    CryptoKeysEndpoint(KeyRing keys, KeyRotation rotation) {
        this.keys = keys;
        this.rotation = rotation;
    }

    record Keys(List<String> keys, Map<String, Map<String, Long>> ciphertextsPerKey) {
    }

    @ReadOperation
    Keys show() {
        return new Keys(keys.describe(), rotation.census());
    }

    @WriteOperation
    Object run(String operation) {
        if (!"rotate".equals(operation)) {
            throw new IllegalArgumentException("the only operation is rotate");
        }
        return rotation.rotate();
    }
}
