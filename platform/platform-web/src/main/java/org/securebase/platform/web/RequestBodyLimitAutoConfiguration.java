package org.securebase.platform.web;

import org.securebase.platform.web.bodylimit.RequestBodyLimitFilter;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The request body limit for every Secure Base servlet service, sized by {@code securebase.web.max-body-size}
 * (see {@link SecureBaseWebProperties}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@EnableConfigurationProperties(SecureBaseWebProperties.class)
public class RequestBodyLimitAutoConfiguration {

    public static final String REQUEST_BODY_LIMIT_FILTER_BEAN_NAME = "requestBodyLimitFilter";

    @Bean(REQUEST_BODY_LIMIT_FILTER_BEAN_NAME)
    @ConditionalOnMissingBean(name = REQUEST_BODY_LIMIT_FILTER_BEAN_NAME)
    public FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(SecureBaseWebProperties properties,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(properties.maxBodyBytes(), properties.maxBodyDetail(), exceptionResolver,
                        properties.uploadPaths()));
        registration.setOrder(RequestBodyLimitFilter.ORDER);
        return registration;
    }
}
