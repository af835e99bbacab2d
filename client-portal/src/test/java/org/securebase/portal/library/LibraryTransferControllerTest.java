package org.securebase.portal.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.securebase.portal.WebSliceSecurity.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.securebase.portal.WebSliceSecurity;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.Sent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.Resource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(LibraryTransferController.class)
@Import(WebSliceSecurity.class)
class LibraryTransferControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    LibraryApi library;

    private static MockMultipartFile file(String name, String text) {
        return new MockMultipartFile("files", name, "text/markdown", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void thePageHasAFileInputForSeveralFilesASubmitAndTheExportLink() throws Exception {
        String html = mvc.perform(get("/library-transfer").with(as("therapist"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("enctype=\"multipart/form-data\"").contains("id=\"files\"")
                .contains("type=\"file\" multiple").contains("<label for=\"files\"")
                .contains("href=\"/library-transfer/export\"").contains("<button type=\"submit\"")
                .contains("up to 100 files, each at most 512 KB")
                .doesNotContain("id=\"error-summary\"");
    }

    @Test
    void everyFileIsSentAndTheImportedArticlesAreShownAfterTheRedirect() throws Exception {
        when(library.importFiles(any())).thenReturn(Sent.done(new Transfer.Imported(List.of(
                new Transfer.Article("a.md", "first-steps", "First steps", "published"),
                new Transfer.Article("b.md", "second-steps", "Second steps", "draft")))));

        mvc.perform(multipart("/library-transfer").file(file("a.md", "---\ntitle: A\n---\n"))
                        .file(file("b.md", "---\ntitle: B\n---\n")).with(as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/library-transfer"))
                .andExpect(flash().attribute("notice", "library.transfer.imported"))
                .andExpect(result -> assertThat(javaSerialized(result.getFlashMap().get("imported")))
                        .as("the session store writes flash attributes with Java serialization").isPositive());

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<? extends Resource>> sent = ArgumentCaptor.forClass(List.class);
        verify(library).importFiles(sent.capture());
        assertThat(sent.getValue()).extracting(Resource::getFilename).containsExactly("a.md", "b.md");
        assertThat(sent.getValue().get(1).getContentAsString(StandardCharsets.UTF_8)).isEqualTo("---\ntitle: B\n---\n");
    }

    @Test
    void aRefusalListsEachFileInAnErrorSummaryThatIsAnAlertAndTakesFocus() throws Exception {
        when(library.importFiles(any())).thenReturn(Sent.refused(
                "Nothing was imported: 2 of 3 files have problems. See 'errors'.", List.of(
                        new Sent.Violation("broken.md", "line 3: expected 'key: value', such as 'title: My article'"),
                        new Sent.Violation("huge.md", "is 20971520 bytes; a file may be at most 524288 bytes (512 KB)"))));

        String html = mvc.perform(multipart("/library-transfer").file(file("broken.md", "x")).file(file("huge.md", "y"))
                        .file(file("fine.md", "z")).with(as("therapist")).with(csrf()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("class=\"error-summary\" id=\"error-summary\" role=\"alert\" tabindex=\"-1\"")
                .contains("aria-labelledby=\"error-summary-title\"")
                .contains("<h2 id=\"error-summary-title\">Nothing was imported. Fix these files and import them again:</h2>")
                .contains("<strong>broken.md</strong>").contains("line 3: expected &#39;key: value&#39;")
                .contains("<strong>huge.md</strong>").contains("a file may be at most 524288 bytes")
                .contains("aria-invalid=\"true\"")
                .contains("/js/error-summary.js");
    }

    @Test
    void theSpanishPageSpeaksSpanish() throws Exception {
        String html = mvc.perform(get("/library-transfer").with(as("therapist")).locale(Locale.forLanguageTag("es")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Importar / exportar").contains("Descargar la biblioteca (.zip)");
    }

    @Test
    void noFileChosenIsExplainedWithoutAnApiCall() throws Exception {
        String html = mvc.perform(multipart("/library-transfer").file(new MockMultipartFile("files", "", null, new byte[0]))
                        .with(as("therapist")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Choose at least one file to import.");
        verifyNoInteractions(library);
    }

    @Test
    void theExportIsAZipDownload() throws Exception {
        when(library.export()).thenReturn(Fetched.of(Optional.of(new byte[] { 'P', 'K', 3, 4 })));

        mvc.perform(get("/library-transfer/export").with(as("therapist")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment; filename=\"library-")));
    }

    @Test
    void clientsAreForbidden() throws Exception {
        mvc.perform(get("/library-transfer").with(as("client"))).andExpect(status().isForbidden());
        mvc.perform(get("/library-transfer/export").with(as("client"))).andExpect(status().isForbidden());
        mvc.perform(multipart("/library-transfer").file(file("a.md", "x")).with(as("client")).with(csrf()))
                .andExpect(status().isForbidden());
        verifyNoInteractions(library);
    }

    private static int javaSerialized(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.size();
    }
}
