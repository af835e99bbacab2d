package org.securebase.portal.library;

import java.io.Serializable;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** content-service's answers about the library's import, as the import page reads them. */
public final class Transfer {

    private Transfer() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Imported(List<Article> imported) {

        public Imported {
            imported = imported == null ? List.of() : List.copyOf(imported);
        }
    }

    /**
     * Serializable because the imported articles are shown after the redirect, as a flash attribute, and flash
     * attributes live in the session (Spring Session JDBC writes them with Java serialization).
     *
     * @param file the file's name as content-service shows it
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Article(String file, String slug, String title, String status) implements Serializable {
    }
}
