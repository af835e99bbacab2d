package org.securebase.portal.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ConfigurableObjectInputStream;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.boot.web.server.Cookie;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.util.ClassUtils;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * What the portal's session store holds, and how it is read back. Spring Session JDBC keeps each session attribute
 * (the security context with the ID token and its claims, the authorized client with the access and refresh tokens,
 * flash messages) as a Java-serialised blob, and the cookie used to be the session id itself. Now:
 * <ul>
 *   <li>every attribute is sealed with AES-256-GCM under a key derived from the portal's session secret, which the
 *       database never sees: a dump of the tables holds no token, no claim, nothing readable;</li>
 *   <li>opened attributes are deserialised through an allow-list (the JDK's values and collections, Spring
 *       Security's types, Spring MVC's flash maps, Secure Base's records): a planted row, even one sealed with a
 *       stolen secret, cannot make the portal build a class outside it;</li>
 *   <li>the cookie is the id plus a keyed signature ({@link SignedSessionCookie}), so an id read from the store cannot
 *       be presented as a cookie.</li>
 * </ul>
 * An attribute that cannot be opened or is refused is dropped with a warning naming only the reason and the class:
 * the person is simply asked to sign in again, never shown an error.
 */
@Configuration(proxyBeanMethods = false)
public class SessionStoreProtection {

    private static final Logger log = LoggerFactory.getLogger(SessionStoreProtection.class);

    /** The allow-list, with bounds far above a real session (a few kB, depth below 20). */
    static final String ALLOWED_CLASSES = "maxdepth=64;maxrefs=100000;maxbytes=4194304;maxarray=1000000;"
            + "java.lang.*;java.util.*;java.util.concurrent.*;java.time.*;java.net.URL;java.net.URI;"
            + "org.springframework.security.**;"
            + "org.springframework.web.servlet.FlashMap;org.springframework.util.LinkedMultiValueMap;"
            + "org.springframework.util.MultiValueMapAdapter;org.springframework.util.LinkedCaseInsensitiveMap;"
            + "org.springframework.http.HttpMethod;"
            + "org.securebase.**;!*";

    static final ObjectInputFilter FILTER = loggingRefusals(ObjectInputFilter.Config.createFilter(ALLOWED_CLASSES));

    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sealedSessionAttributes(SessionStoreProperties properties) {
        GenericConversionService conversion = conversion(properties.attributeKey(), properties.previousAttributeKeys(),
                ClassUtils.getDefaultClassLoader());
        return repository -> repository.setConversionService(conversion);
    }

    /**
     * The session cookie as {@code server.servlet.session.cookie} describes it (Boot would build the same serializer
     * when none is declared), its value signed. Secure is left to the request when unset: Secure over HTTPS.
     */
    @Bean
    SignedSessionCookie signedSessionCookie(ServerProperties server, SessionStoreProperties properties) {
        Cookie settings = server.getServlet().getSession().getCookie();
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        if (settings.getName() != null) {
            serializer.setCookieName(settings.getName());
        }
        if (settings.getDomain() != null) {
            serializer.setDomainName(settings.getDomain());
        }
        if (settings.getPath() != null) {
            serializer.setCookiePath(settings.getPath());
        }
        if (settings.getHttpOnly() != null) {
            serializer.setUseHttpOnlyCookie(settings.getHttpOnly());
        }
        if (settings.getSecure() != null) {
            serializer.setUseSecureCookie(settings.getSecure());
        }
        if (settings.getMaxAge() != null) {
            serializer.setCookieMaxAge((int) settings.getMaxAge().getSeconds());
        }
        if (settings.getSameSite() != null) {
            serializer.setSameSite(settings.getSameSite().attributeValue());
        }
        return new SignedSessionCookie(serializer, properties.cookieKey(), properties.previousCookieKeys());
    }

    /** Attribute to sealed bytes, and sealed bytes through the allow-list back to the attribute (or nothing). */
    static GenericConversionService conversion(byte[] attributeKey, ClassLoader classLoader) {
        return conversion(attributeKey, List.of(), classLoader);
    }

    /** As above, also opening what {@code previousKeys} sealed (a secret rotation in progress); sealing uses the key. */
    static GenericConversionService conversion(byte[] attributeKey, List<byte[]> previousKeys,
                                               ClassLoader classLoader) {
        SecretKeySpec key = new SecretKeySpec(attributeKey, "AES");
        List<SecretKeySpec> openers = new ArrayList<>();
        openers.add(key);
        previousKeys.forEach(previous -> openers.add(new SecretKeySpec(previous, "AES")));
        SecureRandom random = new SecureRandom();
        SerializingConverter serializing = new SerializingConverter();
        GenericConversionService conversion = new GenericConversionService();
        conversion.addConverter(Object.class, byte[].class, (Converter<Object, byte[]>) attribute -> seal(key, random, serializing.convert(attribute)));
        conversion.addConverter(byte[].class, Object.class, (Converter<byte[], Object>) sealed -> open(openers, sealed, classLoader));
        return conversion;
    }

    private static byte[] seal(SecretKeySpec key, SecureRandom random, byte[] plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            aes.updateAAD(new byte[] {FORMAT});
            byte[] sealed = aes.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(FORMAT).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private static Object open(List<SecretKeySpec> keys, byte[] stored, ClassLoader classLoader) {
        if (stored.length < 1 + NONCE_BYTES + TAG_BITS / 8 || stored[0] != FORMAT) {
            log.warn("Dropped a session attribute that is not sealed ({} bytes)", stored.length);
            return null;
        }
        byte[] plain = null;
        for (SecretKeySpec key : keys) {
            plain = openWith(key, stored);
            if (plain != null) {
                break;
            }
        }
        if (plain == null) {
            log.warn("Dropped a session attribute sealed with another key or altered ({} bytes)", stored.length);
            return null;
        }
        try (ObjectInputStream objects = new ConfigurableObjectInputStream(new ByteArrayInputStream(plain), classLoader)) {
            objects.setObjectInputFilter(FILTER);
            return objects.readObject();
        } catch (IOException | ClassNotFoundException e) {
            log.warn("Dropped a session attribute the portal may not read: {}", e.getClass().getSimpleName());
            return null;
        }
    }

    private static byte[] openWith(SecretKeySpec key, byte[] stored) {
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
            aes.updateAAD(new byte[] {FORMAT});
            return aes.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            return null;
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
