package org.securebase.portal.home;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

import java.time.Duration;

/**
 * The portal's scripts and styles, served from {@code /js/**} and {@code /css/**} only, named by a hash of their
 * content (Thymeleaf's {@code @{...}} writes the hashed name through Spring's resource URL encoding) and kept a year by
 * browsers: a new release is a new URL.
 *
 * <p>Spring Boot's own mapping serves static files at {@code /**}; with it, every link a page writes
 * ({@code /assignments/…}, {@code /journal}) was looked up as a file in four classpath folders before it was written,
 * a miss that nothing caches: in the platform benchmark's profile of the portal that was over half of its CPU. So
 * Boot's mapping is off ({@code spring.web.resources.add-mappings: false}) and these two are the only ones.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    static final Duration KEPT = Duration.ofDays(365);

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : new String[] {"js", "css"}) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(CacheControl.maxAge(KEPT).cachePublic())
                    .resourceChain(true)
                    .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        }
    }
}
