package org.securebase.platform.web;

import jakarta.servlet.DispatcherType;

import org.securebase.platform.web.problem.ProblemJsonErrorController;
import org.securebase.platform.web.problem.ProblemJsonErrorReportCustomizer;
import org.securebase.platform.web.problem.ProblemJsonExceptionHandler;
import org.securebase.platform.web.requestid.RequestIdFilter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Problem+json for every error and a request id on every request, for all Secure Base servlet
 * services, including the requests Tomcat refuses before any of them runs ({@link ProblemJsonErrorReportCustomizer}).
 * Runs before Boot's MVC and error auto-configurations so that Boot's own problem-details
 * handler and error controller back off, independent of {@code spring.mvc.problemdetails.enabled}.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
        "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
public class ProblemJsonAutoConfiguration {

    public static final String REQUEST_ID_FILTER_BEAN_NAME = "requestIdFilter";

    @Bean
    @ConditionalOnMissingBean(ProblemJsonExceptionHandler.class)
    public ProblemJsonExceptionHandler problemJsonExceptionHandler() {
        return new ProblemJsonExceptionHandler();
    }

    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    public ProblemJsonErrorController problemJsonErrorController() {
        return new ProblemJsonErrorController();
    }

    @Bean(REQUEST_ID_FILTER_BEAN_NAME)
    @ConditionalOnMissingBean(name = REQUEST_ID_FILTER_BEAN_NAME)
    public FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        // First of all filters, so that security rejections are logged and answered with the id too.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }

    /** Nested, so that the Tomcat types are only loaded where Tomcat is the server. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.apache.catalina.startup.Tomcat",
            "org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory"})
    static class TomcatErrorReportConfiguration {

        @Bean
        @ConditionalOnMissingBean(ProblemJsonErrorReportCustomizer.class)
        ProblemJsonErrorReportCustomizer problemJsonErrorReportCustomizer() {
            return new ProblemJsonErrorReportCustomizer();
        }
    }
}
