package org.securebase.portal.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.securebase.portal.WebSliceSecurity.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.portal.WebSliceSecurity;
import org.securebase.portal.api.Fetched;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** A therapist can assign any reading from its library page, however far down the library it is; a client cannot. */
@WebMvcTest(LibraryController.class)
@Import({ReadingHtml.class, WebSliceSecurity.class})
class AssignFromTheReadingTest {

    static final String LINK = "href=\"/assignments/new?article=old-reading\"";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    LibraryApi library;

    @BeforeEach
    void oneReading() {
        when(library.article("old-reading")).thenReturn(Fetched.of(Optional.of(new Articles.Article(UUID.randomUUID(),
                "old-reading", "An old reading", "", "en", "published", 1, List.of(), 2, null, Instant.EPOCH, "<p>Text.</p>",
                List.of()))));
    }

    private String page(String role) throws Exception {
        return mvc.perform(get("/library/old-reading").with(as(role))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    @Test
    void aTherapistIsOfferedToAssignTheReadingWithItChosen() throws Exception {
        assertThat(page("therapist")).contains(LINK).contains(">Assign this reading</a>");
    }

    @Test
    void aClientAndAnAdminAreNot() throws Exception {
        assertThat(page("client")).doesNotContain("/assignments/new");
        assertThat(page("admin")).doesNotContain("/assignments/new");
    }
}
