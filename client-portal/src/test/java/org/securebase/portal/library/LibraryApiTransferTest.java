package org.securebase.portal.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.portal.api.PlatformApi;
import org.securebase.portal.api.Sent;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

class LibraryApiTransferTest {

    static final String BASE = "http://gateway.test";

    MockRestServiceServer server;
    LibraryApi library;

    @BeforeEach
    void setUp() {
        RestClient.Builder builder = RestClient.builder().baseUrl(BASE);
        server = MockRestServiceServer.bindTo(builder).build();
        library = new LibraryApi(new PlatformApi(builder.build()));
    }

    private static ByteArrayResource named(String name, String text) {
        return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    @Test
    void theFilesGoAsOneMultipartPartEachNamedFiles() {
        server.expect(requestTo(BASE + "/api/content/library/import")).andExpect(method(HttpMethod.POST))
                .andExpect(header("Content-Type", org.hamcrest.Matchers.startsWith("multipart/form-data")))
                .andExpect(request -> {
                    String body = ((org.springframework.mock.http.client.MockClientHttpRequest) request).getBodyAsString();
                    assertThat(body).contains("name=\"files\"; filename=\"a.md\"").contains("name=\"files\"; filename=\"b.md\"")
                            .contains("---\ntitle: B\n---\n");
                })
                .andRespond(withSuccess("{\"imported\":[{\"file\":\"a.md\",\"slug\":\"a-one\",\"title\":\"A\",\"status\":\"draft\"}]}",
                        MediaType.APPLICATION_JSON));

        Sent<Transfer.Imported> sent = library.importFiles(List.of(named("a.md", "---\ntitle: A\n---\n"),
                named("b.md", "---\ntitle: B\n---\n")));

        assertThat(sent.ok()).isTrue();
        assertThat(sent.value().imported()).extracting(Transfer.Article::slug).containsExactly("a-one");
        server.verify();
    }

    @Test
    void aRefusalKeepsTheProblemOfEachFile() {
        server.expect(requestTo(BASE + "/api/content/library/import"))
                .andRespond(withStatus(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON).body("""
                        {"type":"urn:securebase:problem:validation-failed","status":400,
                         "detail":"Nothing was imported: 1 of 1 files have problems. See 'errors'.",
                         "errors":[{"field":"a.md","message":"line 1: a library file begins with a line '---'"}]}
                        """));

        Sent<Transfer.Imported> sent = library.importFiles(List.of(named("a.md", "nothing")));

        assertThat(sent.ok()).isFalse();
        assertThat(sent.problem()).startsWith("Nothing was imported");
        assertThat(sent.violations()).containsExactly(
                new Sent.Violation("a.md", "line 1: a library file begins with a line '---'"));
    }

    @Test
    void theExportIsTheZipsBytes() {
        byte[] zip = { 'P', 'K', 3, 4, 1, 2 };
        server.expect(requestTo(BASE + "/api/content/library/export")).andExpect(method(HttpMethod.GET))
                .andRespond(withSuccess(zip, MediaType.parseMediaType("application/zip")));

        assertThat(library.export().value().orElseThrow()).isEqualTo(zip);
    }
}
