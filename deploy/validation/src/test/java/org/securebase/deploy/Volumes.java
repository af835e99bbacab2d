package org.securebase.deploy;

import com.fasterxml.jackson.databind.JsonNode;

/** Which file of which Secret a container sees at a path: the trust store, the journal master key. */
final class Volumes {

    private Volumes() {
    }

    /**
     * {@code secret/key} of the Secret file mounted read-only at {@code path} in {@code container} of a workload, or
     * a sentence saying what is there instead (nothing, a writable mount, another kind of volume).
     */
    static String secretFileAt(JsonNode workload, JsonNode container, String path) {
        for (JsonNode mount : container.path("volumeMounts")) {
            String directory = mount.path("mountPath").asText();
            if (!path.startsWith(directory.endsWith("/") ? directory : directory + "/")) {
                continue;
            }
            if (!mount.path("readOnly").asBoolean(false)) {
                return "a writable mount " + directory;
            }
            String relative = path.substring(directory.length()).replaceFirst("^/", "");
            JsonNode volume = null;
            for (JsonNode candidate : Kustomize.podSpec(workload).path("volumes")) {
                if (candidate.path("name").asText().equals(mount.path("name").asText())) {
                    volume = candidate;
                }
            }
            if (volume == null || !volume.has("secret")) {
                return "no Secret volume at " + directory;
            }
            JsonNode secret = volume.path("secret");
            if (!secret.has("items")) {
                return secret.path("secretName").asText() + "/" + relative;
            }
            for (JsonNode item : secret.path("items")) {
                if (item.path("path").asText().equals(relative)) {
                    return secret.path("secretName").asText() + "/" + item.path("key").asText();
                }
            }
            return "no item " + relative + " in the Secret volume at " + directory;
        }
        return "nothing mounted at " + path;
    }

    /** The file permission bits the volume gives its files (Kubernetes' default 0644). */
    static int secretFileMode(JsonNode workload, JsonNode container, String path) {
        for (JsonNode mount : container.path("volumeMounts")) {
            String directory = mount.path("mountPath").asText();
            if (path.startsWith(directory + "/")) {
                for (JsonNode volume : Kustomize.podSpec(workload).path("volumes")) {
                    if (volume.path("name").asText().equals(mount.path("name").asText())) {
                        return volume.path("secret").path("defaultMode").asInt(0644);
                    }
                }
            }
        }
        return -1;
    }
}
