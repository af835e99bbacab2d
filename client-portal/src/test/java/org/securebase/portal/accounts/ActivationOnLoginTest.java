package org.securebase.portal.accounts;

import org.junit.jupiter.api.Test;
import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.PlatformApi;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

import org.mockito.ArgumentCaptor;
import org.springframework.web.util.UriBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ActivationOnLoginTest {

    private final PlatformApi api = mock(PlatformApi.class);
    private final ActivationOnLogin handler = new ActivationOnLogin(new AccountsApi(api));

    @Test
    @SuppressWarnings("unchecked")
    void asksAccountServiceWhoSignedInThenContinues() throws Exception {
        when(api.get(any(Function.class), eq(Accounts.Me.class)))
                .thenReturn(Fetched.of(Optional.of(new Accounts.Me("active", "Pacific/Auckland", null))));
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockHttpServletRequest request = new MockHttpServletRequest();

        handler.onAuthenticationSuccess(request, response, new TestingAuthenticationToken("u", "p"));

        ArgumentCaptor<Function> uri = ArgumentCaptor.forClass(Function.class);
        verify(api).get(uri.capture(), eq(Accounts.Me.class));
        URI called = ((Function<UriBuilder, URI>) uri.getValue())
                .apply(UriComponentsBuilder.newInstance());
        assertThat(called.getPath()).isEqualTo("/api/accounts/me");
        assertThat(response.getRedirectedUrl()).isEqualTo("/");
        assertThat(request.getSession().getAttribute("securebase.reader-zone"))
                .as("every date of the session is in the person's zone").isEqualTo("Pacific/Auckland");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLoginSucceedsWhenAccountServiceIsDown() throws Exception {
        when(api.get(any(Function.class), eq(Accounts.Me.class))).thenReturn(Fetched.failed());
        MockHttpServletResponse response = new MockHttpServletResponse();

        handler.onAuthenticationSuccess(new MockHttpServletRequest(), response, new TestingAuthenticationToken("u", "p"));

        assertThat(response.getRedirectedUrl()).isEqualTo("/");
    }
}
