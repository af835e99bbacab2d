package org.securebase.content.article;

import java.util.List;

import org.securebase.content.rendering.Section;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores an article's rendered sections as JSON text. They are always read and written whole, never
 * queried, so a column of their own beats a table of sections, lists and items.
 */
@Converter
class SectionsConverter implements AttributeConverter<List<Section>, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Section>> SECTIONS = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<Section> sections) {
        return JSON.writeValueAsString(sections == null ? List.of() : sections);
    }

    @Override
    public List<Section> convertToEntityAttribute(String json) {
        return json == null || json.isBlank() ? List.of() : JSON.readValue(json, SECTIONS);
    }
}
