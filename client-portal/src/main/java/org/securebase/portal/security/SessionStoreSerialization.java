package org.securebase.portal.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ConfigurableObjectInputStream;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.Deserializer;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.util.ClassUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;

/**
 * What the portal reads back from its session store. Spring Session JDBC keeps each session attribute as a Java
 * serialised blob; unfiltered, anyone who can write one row of {@code spring_session_attributes} (a stolen database
 * password, a restored backup) could plant a gadget chain that runs when the portal next loads that session. Only
 * the classes a portal session holds are read: the JDK's values and collections, Spring Security's contexts, tokens,
 * authorized clients and saved requests, Spring MVC's flash maps and the portal's own records; anything else is
 * refused before it is instantiated, and the attempt is logged with the class name only.
 */
@Configuration(proxyBeanMethods = false)
public class SessionStoreSerialization {

    private static final Logger log = LoggerFactory.getLogger(SessionStoreSerialization.class);

    /** The allow-list, with bounds far above a real session (a few kB, depth below 20). */
    static final String ALLOWED_CLASSES = "maxdepth=64;maxrefs=100000;maxbytes=4194304;maxarray=1000000;"
            + "java.lang.*;java.util.*;java.util.concurrent.*;java.time.*;java.net.URL;java.net.URI;"
            + "org.springframework.security.**;"
            + "org.springframework.web.servlet.FlashMap;org.springframework.util.LinkedMultiValueMap;org.springframework.util.MultiValueMapAdapter;"
            + "org.springframework.util.LinkedCaseInsensitiveMap;org.springframework.http.HttpMethod;"
            + "org.securebase.**;!*";

    static final ObjectInputFilter FILTER = loggingRefusals(ObjectInputFilter.Config.createFilter(ALLOWED_CLASSES));

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> onlyKnownClassesFromTheSessionStore() {
        GenericConversionService conversion = conversion(ClassUtils.getDefaultClassLoader());
        return repository -> repository.setConversionService(conversion);
    }

    /** Attribute to bytes as Spring Session does it; bytes to attribute through the allow-list. */
    static GenericConversionService conversion(ClassLoader classLoader) {
        GenericConversionService conversion = new GenericConversionService();
        conversion.addConverter(Object.class, byte[].class, new SerializingConverter());
        conversion.addConverter(byte[].class, Object.class, new DeserializingConverter(new FilteredDeserializer(classLoader)));
        return conversion;
    }

    /** Java deserialisation with {@link #FILTER} and the application's class loader (the portal's own classes). */
    static final class FilteredDeserializer implements Deserializer<Object> {

        private final ClassLoader classLoader;

        FilteredDeserializer(ClassLoader classLoader) {
            this.classLoader = classLoader;
        }

        @Override
        public Object deserialize(InputStream inputStream) throws IOException {
            ObjectInputStream objects = new ConfigurableObjectInputStream(inputStream, classLoader);
            objects.setObjectInputFilter(FILTER);
            try {
                return objects.readObject();
            } catch (ClassNotFoundException e) {
                throw new IOException("A session attribute names a class the portal does not have", e);
            }
        }
    }

    private static ObjectInputFilter loggingRefusals(ObjectInputFilter filter) {
        return info -> {
            ObjectInputFilter.Status status = filter.checkInput(info);
            if (status == ObjectInputFilter.Status.REJECTED) {
                Class<?> refused = info.serialClass();
                log.warn("Refused to read a session attribute: {} (class {}, depth {}, {} bytes)",
                        refused == null ? "over a limit" : "class not allowed",
                        refused == null ? "-" : refused.getName(), info.depth(), info.streamBytes());
            }
            return status;
        };
    }
}
