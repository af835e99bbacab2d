package org.securebase.portal.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.when;
import static org.securebase.portal.WebSliceSecurity.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.securebase.portal.WebSliceSecurity;
import org.securebase.portal.api.Fetched;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A reading is marked up in the language it is written in, whatever the page's language, so a screen reader reads
 * it with the right voice; the library says so when the two differ.
 */
@WebMvcTest(LibraryController.class)
@Import({ReadingHtml.class, WebSliceSecurity.class})
class ReadingLanguageTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    LibraryApi library;

    @Test
    void aSpanishReadingOnAnEnglishPageIsMarkedAsSpanishAndLabelled() throws Exception {
        when(library.article("relaciones-que-sanan")).thenReturn(Fetched.of(Optional.of(new Articles.Article(
                UUID.randomUUID(), "relaciones-que-sanan", "Relaciones que sanan", "", "es", "published", 1, List.of(),
                2, null, Instant.EPOCH, "<p>Las relaciones seguras ayudan.</p>", List.of()))));

        String html = mvc.perform(get("/library/relaciones-que-sanan").with(as("client")).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("<html lang=\"en\"")
                .contains("<h1 lang=\"es\">Relaciones que sanan</h1>")
                .contains("<div class=\"reading-body\" lang=\"es\"><p>Las relaciones seguras ayudan.</p>")
                .contains("In Spanish");
    }

    @Test
    void theListMarksEachReadingInItsLanguageAndLabelsOnlyThoseNotInThePagesLanguage() throws Exception {
        when(library.search(any(), anyInt())).thenReturn(Fetched.of(Optional.of(new Articles.Page(List.of(
                new Articles.Summary(UUID.randomUUID(), "relaciones-que-sanan", "Relaciones que sanan", "Resumen", "es",
                        "published", 1, List.of(), 2, Instant.EPOCH),
                new Articles.Summary(UUID.randomUUID(), "attachment-and-healing", "Attachment and Healing", "Summary",
                        "en", "published", 1, List.of(), 5, Instant.EPOCH)), 0, 20, 2, 1))));

        String english = mvc.perform(get("/library").with(as("client")).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String spanish = mvc.perform(get("/library").with(as("client")).locale(Locale.forLanguageTag("es")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(english).contains("<h2 lang=\"es\">").contains("<p lang=\"es\">Resumen</p>")
                .contains("<h2 lang=\"en\">").contains("In Spanish").doesNotContain("In English");
        assertThat(spanish).contains("En inglés").doesNotContain("En español");
    }
}
