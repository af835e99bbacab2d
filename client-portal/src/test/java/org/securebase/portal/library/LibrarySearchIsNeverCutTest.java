package org.securebase.portal.library;

import org.junit.jupiter.api.Test;
import org.securebase.platform.contracts.ContentLimits;
import org.securebase.portal.WebSliceSecurity;
import org.securebase.portal.api.Fetched;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.securebase.portal.WebSliceSecurity.as;
import static org.securebase.portal.WrittenText.lineOfLength;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A library search is never shortened (the portal once cut it at 200 characters without a word): one of exactly
 * content-service's limit is searched for whole, one character more is explained beside the field and not searched.
 */
@WebMvcTest(LibraryController.class)
@Import({ReadingHtml.class, WebSliceSecurity.class})
class LibrarySearchIsNeverCutTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    LibraryApi library;

    @Test
    void aSearchOfExactlyTheLimitIsSearchedForWhole() throws Exception {
        when(library.search(anyString(), anyInt()))
                .thenReturn(Fetched.of(Optional.of(new Articles.Page(List.of(), 0, 20, 0, 0))));
        String query = lineOfLength(ContentLimits.QUERY);

        mvc.perform(get("/library").param("q", query).with(as("client"))).andExpect(status().isOk());

        verify(library).search(query, 0);
    }

    @Test
    void aLongerSearchIsExplainedBesideTheFieldAndNotSent() throws Exception {
        String query = lineOfLength(ContentLimits.QUERY + 1);

        String html = mvc.perform(get("/library").param("q", query).with(as("client"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"q-error\"").contains("A search can be at most 200 characters long")
                .contains("aria-describedby=\"q-error\"").contains("aria-invalid=\"true\"")
                .contains("value=\"" + query + "\"");
        verifyNoInteractions(library);
    }
}
