package org.securebase.portal.home;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.securebase.portal.WebSliceSecurity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.securebase.portal.WebSliceSecurity.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(PortalErrorController.class)
@Import(WebSliceSecurity.class)
class PortalErrorControllerTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theErrorPathItselfIsNotFound() throws Exception {
        mvc.perform(get("/error").with(as("client")).accept(MediaType.APPLICATION_JSON)).andExpect(status().isNotFound());
    }

    @Test
    void anErrorDispatchKeepsItsStatus() throws Exception {
        mvc.perform(get("/error").with(as("client")).accept(MediaType.APPLICATION_JSON)
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403))
                .andExpect(status().isForbidden());
    }
}
