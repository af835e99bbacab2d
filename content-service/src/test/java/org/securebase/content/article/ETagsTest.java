package org.securebase.content.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class ETagsTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void tagsExactlyWhatIsSent() {
        String tag = ETags.of(List.of("a", 1), json);

        assertThat(tag).matches("\"[0-9a-f]{32}\"");
        assertThat(ETags.of(List.of("a", 1), json)).isEqualTo(tag);
        assertThat(ETags.of(List.of("a", 2), json)).isNotEqualTo(tag);
    }

    @Test
    void ifNoneMatchComparesWeaklyAndAcceptsListsAndStar() {
        String tag = "\"abc\"";

        assertThat(ETags.noneMatchHits(tag, tag)).isTrue();
        assertThat(ETags.noneMatchHits("W/\"abc\"", tag)).isTrue();
        assertThat(ETags.noneMatchHits("\"x\", \"abc\"", tag)).isTrue();
        assertThat(ETags.noneMatchHits("*", tag)).isTrue();
        assertThat(ETags.noneMatchHits("\"abcd\"", tag)).isFalse();
        assertThat(ETags.noneMatchHits(null, tag)).isFalse();
        assertThat(ETags.noneMatchHits(" ", tag)).isFalse();
    }

    @Test
    void ifMatchComparesStronglySoAWeakTagNeverMatches() {
        String tag = "\"abc\"";

        assertThat(ETags.matchHits(tag, tag)).isTrue();
        assertThat(ETags.matchHits("\"x\",\"abc\"", tag)).isTrue();
        assertThat(ETags.matchHits("*", tag)).isTrue();
        assertThat(ETags.matchHits("W/\"abc\"", tag)).isFalse();
        assertThat(ETags.matchHits("abc", tag)).isFalse();
    }
}
