package org.securebase.platform.tracing;

import io.opentelemetry.sdk.trace.export.SpanExporter;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** Wraps every span exporter the application has in {@link RedactingSpanExporter}. */
@AutoConfiguration
@ConditionalOnClass(SpanExporter.class)
public class TracingAutoConfiguration {

    @Bean
    static BeanPostProcessor redactingSpanExporters() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof SpanExporter exporter && !(bean instanceof RedactingSpanExporter)
                        ? new RedactingSpanExporter(exporter)
                        : bean;
            }
        };
    }
}
