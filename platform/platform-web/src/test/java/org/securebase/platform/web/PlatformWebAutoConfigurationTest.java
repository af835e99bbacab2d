package org.securebase.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.securebase.platform.web.bodylimit.RequestBodyLimitFilter;
import org.securebase.platform.web.problem.ProblemJsonErrorController;
import org.securebase.platform.web.problem.ProblemJsonExceptionHandler;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** How the module sits among Boot's own auto-configurations in a real (non-slice) application. */
class PlatformWebAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    ProblemJsonAutoConfiguration.class, RequestBodyLimitAutoConfiguration.class,
                    JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
                    DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
                    ErrorMvcAutoConfiguration.class))
            // A service that turns Boot's handler on must still get ours.
            .withPropertyValues("spring.mvc.problemdetails.enabled=true");

    @Test
    void isRegisteredForApplicationsAndWebMvcTestSlices() {
        ClassLoader classLoader = getClass().getClassLoader();
        List<String> expected = List.of(ProblemJsonAutoConfiguration.class.getName(),
                RequestBodyLimitAutoConfiguration.class.getName());

        assertThat(ImportCandidates.load(AutoConfiguration.class, classLoader)).containsAll(expected);
        assertThat(ImportCandidates.load(org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest.class, classLoader))
                .containsAll(expected);
    }

    @Test
    void givesTheServiceOneUtcClockThatOnlyTheTestSwitchMakesAdjustable() {
        ApplicationContextRunner clocks = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ClockAutoConfiguration.class));
        clocks.run(context -> {
            assertThat(context).getBean(java.time.Clock.class).isEqualTo(java.time.Clock.systemUTC());
            assertThat(context).doesNotHaveBean(org.securebase.platform.web.clock.ClockEndpoint.class);
        });
        clocks.withPropertyValues(ClockAutoConfiguration.ADJUSTABLE_PROPERTY + "=true").run(context -> {
            assertThat(context).getBean(java.time.Clock.class)
                    .isInstanceOf(org.securebase.platform.web.clock.AdjustableClock.class);
            assertThat(context).hasSingleBean(org.securebase.platform.web.clock.ClockEndpoint.class);
        });
        java.time.Clock own = java.time.Clock.fixed(java.time.Instant.EPOCH, java.time.ZoneOffset.UTC);
        clocks.withBean(java.time.Clock.class, () -> own)
                .run(context -> assertThat(context).getBean(java.time.Clock.class).isSameAs(own));
    }

    @Test
    void replacesBootsErrorHandlingAndGivesEveryRequestAnId() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).getBean(ErrorController.class).isInstanceOf(ProblemJsonErrorController.class);
            assertThat(context).getBean(ResponseEntityExceptionHandler.class).isInstanceOf(ProblemJsonExceptionHandler.class);
            FilterRegistrationBean<?> requestId = context.getBean(ProblemJsonAutoConfiguration.REQUEST_ID_FILTER_BEAN_NAME,
                    FilterRegistrationBean.class);
            assertThat(requestId.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
        });
    }

    @Test
    void limitsBodiesToOneMegabyteUnlessTheServiceSaysOtherwise() {
        runner.run(context -> {
            assertThat(context.getBean(SecureBaseWebProperties.class).maxBodyBytes()).isEqualTo(1024 * 1024);
            assertThat(context.getBean(SecureBaseWebProperties.class).maxBodyDetail())
                    .isEqualTo("The request body may be at most 1048576 bytes.");
            FilterRegistrationBean<?> limit = context.getBean(RequestBodyLimitAutoConfiguration.REQUEST_BODY_LIMIT_FILTER_BEAN_NAME,
                    FilterRegistrationBean.class);
            assertThat(limit.getFilter()).isInstanceOf(RequestBodyLimitFilter.class);
            assertThat(limit.getOrder()).isEqualTo(RequestBodyLimitFilter.ORDER);
        });
        runner.withPropertyValues("securebase.web.max-body-size=256KB").run(context ->
                assertThat(context.getBean(SecureBaseWebProperties.class).maxBodyDetail())
                        .isEqualTo("The request body may be at most 262144 bytes."));
    }

    @Test
    void staysOutOfNonWebApplications() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ProblemJsonAutoConfiguration.class,
                        RequestBodyLimitAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(ProblemJsonExceptionHandler.class)
                        .doesNotHaveBean(SecureBaseWebProperties.class));
    }
}
