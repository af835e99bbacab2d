package org.securebase.journal.measure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every instrument definition on the classpath ({@code measures/*.json}), read once at start: a definition that does
 * not parse or whose bands do not tile its totals stops the service instead of scoring wrongly later.
 */
@Component
class Instruments {

    static final String LOCATION = "classpath*:measures/*.json";

    private final Map<String, InstrumentDefinition> byKey;

    Instruments() {
        this(load(LOCATION));
    }

    Instruments(Collection<InstrumentDefinition> definitions) {
        Map<String, InstrumentDefinition> keyed = new LinkedHashMap<>();
        definitions.stream().sorted(Comparator.comparing(InstrumentDefinition::code)
                        .thenComparing(InstrumentDefinition::version))
                .forEach(definition -> {
                    if (keyed.put(definition.key(), definition) != null) {
                        throw new IllegalStateException("Two definitions of " + definition.key());
                    }
                });
        this.byKey = Map.copyOf(keyed);
    }

    /** A definition by its key ({@code phq-9.v1}). */
    Optional<InstrumentDefinition> byKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The newest version of an instrument ({@code phq-9}): what a new assignment uses. */
    Optional<InstrumentDefinition> current(String code) {
        return byKey.values().stream().filter(definition -> definition.code().equals(code))
                .max(Comparator.comparingInt(InstrumentDefinition::version));
    }

    /** The newest version of every instrument, by code. */
    List<InstrumentDefinition> currentVersions() {
        return byKey.values().stream().map(InstrumentDefinition::code).distinct().sorted()
                .map(code -> current(code).orElseThrow()).toList();
    }

    static List<InstrumentDefinition> load(String location) {
        JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(location);
            return java.util.Arrays.stream(resources).map(resource -> {
                try (InputStream in = resource.getInputStream()) {
                    return json.readValue(in, InstrumentDefinition.class);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + resource, e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + location, e);
        }
    }
}
