package org.securebase.portal.audit;

import org.junit.jupiter.api.Test;
import org.securebase.portal.WebSliceSecurity;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.securebase.portal.WebSliceSecurity.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(AuditController.class)
@Import({AuditApi.class, org.securebase.portal.home.Dates.class, WebSliceSecurity.class})
class AuditControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PlatformApi api;

    @Test
    void aClientSeesWhoReadWhat() throws Exception {
        when(api.get(any(), eq(AuditApi.ReadPage.class))).thenReturn(Fetched.of(Optional.of(
                new AuditApi.ReadPage(List.of(new AuditApi.Read(1, Instant.now(),
                        new AuditApi.Actor(UUID.randomUUID(), "THERAPIST", "Theo Therapist"), UUID.randomUUID(),
                        "ASSIGNMENT", UUID.randomUUID(), "READ", "req-1")), null))));

        String html = mvc.perform(get("/audit").with(as("client"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Theo Therapist (therapist)").contains("Homework and answers");
    }

    @Test
    void aFilterThatIsNotAnAccountIdIsExplainedAndNotSent() throws Exception {
        String html = mvc.perform(get("/audit").param("actor", "drop table").with(as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Enter an account id");
        verifyNoInteractions(api);
    }

    @Test
    void therapistsHaveNoAuditPage() throws Exception {
        mvc.perform(get("/audit").with(as("therapist"))).andExpect(status().isForbidden());
        verifyNoInteractions(api);
    }
}
