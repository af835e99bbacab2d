package org.securebase.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

/**
 * Merges a realm overlay onto a realm: objects field by field, lists of objects element by element matched on their
 * {@code alias} or {@code name} (unmatched elements appended), anything else replaced. The overlay's {@code "//"}
 * field is its comment and is not merged.
 */
final class RealmOverlay {

    private static final List<String> KEYS = List.of("alias", "name");

    private RealmOverlay() {
    }

    static ObjectNode apply(ObjectNode realm, ObjectNode overlay) {
        ObjectNode merged = realm.deepCopy();
        overlay.properties().forEach(field -> {
            if (!field.getKey().equals("//")) {
                merged.set(field.getKey(), merge(merged.get(field.getKey()), field.getValue()));
            }
        });
        return merged;
    }

    private static JsonNode merge(JsonNode base, JsonNode overlay) {
        if (base instanceof ObjectNode baseObject && overlay instanceof ObjectNode overlayObject) {
            ObjectNode merged = baseObject.deepCopy();
            overlayObject.properties().forEach(field ->
                    merged.set(field.getKey(), merge(merged.get(field.getKey()), field.getValue())));
            return merged;
        }
        if (base instanceof ArrayNode baseArray && overlay instanceof ArrayNode overlayArray
                && keyed(baseArray) && keyed(overlayArray)) {
            ArrayNode merged = baseArray.deepCopy();
            for (JsonNode element : overlayArray) {
                Optional<Integer> match = indexOf(merged, key(element));
                if (match.isPresent()) {
                    merged.set(match.get(), merge(merged.get(match.get()), element));
                } else {
                    merged.add(element.deepCopy());
                }
            }
            return merged;
        }
        return overlay.deepCopy();
    }

    private static boolean keyed(ArrayNode array) {
        for (JsonNode element : array) {
            if (!element.isObject() || key(element) == null) {
                return false;
            }
        }
        return true;
    }

    private static String key(JsonNode element) {
        for (String key : KEYS) {
            if (element.path(key).isTextual()) {
                return key + "=" + element.path(key).asText();
            }
        }
        return null;
    }

    private static Optional<Integer> indexOf(ArrayNode array, String key) {
        for (int i = 0; i < array.size(); i++) {
            if (key.equals(key(array.get(i)))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
