package org.securebase.portal.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one way to the platform's APIs, beneath the typed clients (one per remote service or feature, such as
 * {@code AssignmentsApi} or {@code AccountsApi}), which name each call and build its URI; pages use only those.
 *
 * <p>A read's 404 or 403 means "not there for you" and becomes an empty result; a backend that is down, slow or failing
 * becomes {@link Fetched#failed()}; an expired login is rethrown so the security layer can send the person to log in
 * again. Changes answer with a {@link Sent}.
 */
@Component
public class PlatformApi {

    private static final Logger log = LoggerFactory.getLogger(PlatformApi.class);

    /** Enough for every person's open homework readings on a busy portal; each entry is one article version. */
    static final int REVALIDATED_ENTRIES = 256;

    private final RestClient client;
    private final Map<String, Revalidated> revalidated = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Revalidated> eldest) {
            return size() > REVALIDATED_ENTRIES;
        }
    };

    /** What the portal made of a representation, and the entity tag the service gave that representation. */
    private record Revalidated(String etag, Object prepared) {
    }

    public PlatformApi(RestClient platformRestClient) {
        this.client = platformRestClient;
    }

    public <T> Fetched<Optional<T>> get(Function<UriBuilder, URI> uri, Class<T> type) {
        return call(() -> Optional.ofNullable(client.get().uri(uri).retrieve().body(type)));
    }

    public <T> Fetched<Optional<T>> get(Function<UriBuilder, URI> uri, ParameterizedTypeReference<T> type) {
        return call(() -> Optional.ofNullable(client.get().uri(uri).retrieve().body(type)));
    }

    /**
     * A GET whose answer the portal keeps, per person, with what it {@code prepare}d from it (parsed, sanitized...)
     * and asks for again on every use with {@code If-None-Match}. The service still answers each request with the
     * person's own token, so it decides each time whether they may read it; when the representation is unchanged
     * it answers 304 without a body, and the prepared copy is reused. Kept per person because such answers are
     * {@code Cache-Control: private}. Only for endpoints whose entity tag is a hash of the exact representation
     * (content-service's), and only where the prepared value is immutable. The copy is kept by URL: every caller of
     * one URL must prepare it the same way (one page feature per URL), or use a plain {@link #get}.
     */
    public <T, R> Fetched<Optional<R>> getRevalidated(Function<UriBuilder, URI> uri, Class<T> type,
                                                      Function<T, R> prepare) {
        Authentication person = SecurityContextHolder.getContext().getAuthentication();
        if (person == null) {
            return get(uri, type).map(found -> found.map(prepare));
        }
        String key = person.getName() + " " + uri.apply(UriComponentsBuilder.newInstance()) + " " + type.getName();
        Revalidated kept;
        synchronized (revalidated) {
            kept = revalidated.get(key);
        }
        return call(() -> {
            ResponseEntity<T> response = client.get().uri(uri)
                    .headers(headers -> {
                        if (kept != null) {
                            headers.setIfNoneMatch(kept.etag());
                        }
                    })
                    .retrieve().toEntity(type);
            if (kept != null && response.getStatusCode().isSameCodeAs(HttpStatusCode.valueOf(304))) {
                @SuppressWarnings("unchecked")
                R prepared = (R) kept.prepared();
                return Optional.of(prepared);
            }
            if (response.getBody() == null) {
                return Optional.empty();
            }
            R prepared = prepare.apply(response.getBody());
            String etag = response.getHeaders().getETag();
            if (etag != null && response.getStatusCode().isSameCodeAs(HttpStatusCode.valueOf(200))) {
                synchronized (revalidated) {
                    revalidated.put(key, new Revalidated(etag, prepared));
                }
            }
            return Optional.of(prepared);
        });
    }

    public <T> Sent<T> post(Function<UriBuilder, URI> uri, Object body, Class<T> answer) {
        return send(HttpMethod.POST, uri, body, answer);
    }

    public <T> Sent<T> put(Function<UriBuilder, URI> uri, Object body, Class<T> answer) {
        return send(HttpMethod.PUT, uri, body, answer);
    }

    /**
     * A {@code multipart/form-data} upload: one part named {@code part} per file, each sent from the person's upload as
     * it is (a file the container keeps on disk is streamed from there). Failures map as in {@link #send}.
     */
    public <T> Sent<T> postFiles(Function<UriBuilder, URI> uri, String part, List<? extends Resource> files,
                                 Class<T> answer) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        files.forEach(file -> parts.add(part, file));
        return change(() -> client.post().uri(uri).contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .retrieve().body(answer), false);
    }

    public Sent<Void> delete(Function<UriBuilder, URI> uri) {
        return send(HttpMethod.DELETE, uri, null, Void.class);
    }

    /**
     * Sends a change. A 4xx answer is the API refusing this request for a reason the person can fix or should
     * know (validation, a state conflict, a stale ETag): its problem detail is shown in the form. 5xx and
     * network failures are "unavailable". 401 and a refused token are rethrown so the person logs in again.
     */
    public <T> Sent<T> send(HttpMethod method, Function<UriBuilder, URI> uri, Object body, Class<T> answer) {
        return change(() -> {
            RestClient.ResponseSpec response = withBody(client.method(method).uri(uri), body).retrieve();
            if (answer == Void.class) {
                response.toBodilessEntity();
                return null;
            }
            return response.body(answer);
        }, false);
    }

    /** A GET that also returns the representation's entity tag, for a change that must send it back. */
    public <T> Fetched<Optional<Tagged<T>>> getTagged(Function<UriBuilder, URI> uri, Class<T> type) {
        return call(() -> {
            ResponseEntity<T> response = client.get().uri(uri).retrieve().toEntity(type);
            return Optional.ofNullable(response.getBody())
                    .map(found -> new Tagged<>(found, response.getHeaders().getETag()));
        });
    }

    /**
     * A change that sends the entity tag the person's page was opened on in {@code If-Match}, and answers with the
     * new representation and its tag. Failures map as in {@link #send}, except a 404: what the page was opened on is
     * gone, so the person gets the portal's own 404 page, as on a read.
     *
     * @throws IllegalArgumentException for a tag that is not {@linkplain Tagged#wellFormed well formed}: callers check
     *                                  the tag a form sent before they change anything
     */
    public <T> Sent<Tagged<T>> sendIfMatch(HttpMethod method, Function<UriBuilder, URI> uri, String etag, Object body,
                                           Class<T> answer) {
        if (!Tagged.wellFormed(etag)) {
            throw new IllegalArgumentException("the entity tag is checked before a change is sent");
        }
        return change(() -> {
            ResponseEntity<T> response = withBody(client.method(method).uri(uri).header(HttpHeaders.IF_MATCH, etag), body)
                    .retrieve().toEntity(answer);
            return response.getBody() == null ? null : new Tagged<>(response.getBody(), response.getHeaders().getETag());
        }, true);
    }

    private static RestClient.RequestBodySpec withBody(RestClient.RequestBodySpec request, Object body) {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request;
    }

    private static <T> Sent<T> change(Supplier<T> request, boolean notFoundIsAPage) {
        try {
            return Sent.done(request.get());
        } catch (ClientAuthorizationException loginNeeded) {
            throw loginNeeded;
        } catch (HttpServerErrorException | ResourceAccessException unavailable) {
            log.warn("backend unavailable: {}", unavailable.getClass().getSimpleName());
            return Sent.failed();
        } catch (HttpClientErrorException refused) {
            if (refused.getStatusCode().isSameCodeAs(HttpStatusCode.valueOf(401))) {
                throw refused;
            }
            if (notFoundIsAPage && refused.getStatusCode().isSameCodeAs(HttpStatusCode.valueOf(404))) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            return refusal(refused);
        }
    }

    /**
     * The part of a problem+json answer the portal reads: the detail, and the platform's {@code errors} array of a
     * validation failure. Anything else in it is the service's business.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Problem(String detail, List<Sent.Violation> errors) {
    }

    /** A 4xx as a refusal with the API's detail and the fields it named; shared with {@link PublicApi}. */
    static <T> Sent<T> refusal(HttpClientErrorException refused) {
        try {
            Problem problem = refused.getResponseBodyAs(Problem.class);
            if (problem != null && problem.detail() != null && !problem.detail().isBlank()) {
                return Sent.refused(problem.detail(), problem.errors() == null ? List.of()
                        : problem.errors().stream().filter(violation -> violation != null && violation.field() != null)
                                .toList());
            }
        } catch (RuntimeException notAProblem) {
            // Not problem+json (e.g. a proxy's own answer): fall back to the status text below.
        }
        return Sent.refused("The request was refused (" + refused.getStatusCode().value() + ").");
    }

    private static <T> Fetched<Optional<T>> call(Supplier<Optional<T>> request) {
        try {
            return Fetched.of(request.get());
        } catch (HttpClientErrorException.NotFound | HttpClientErrorException.Forbidden notForThem) {
            // Forbidden is "not there for you" as much as not found: an admin who opens a homework link gets the
            // portal's 404 page, not "unavailable, try again".
            return Fetched.of(Optional.empty());
        } catch (ClientAuthorizationException loginNeeded) {
            throw loginNeeded;
        } catch (HttpServerErrorException | ResourceAccessException unavailable) {
            log.warn("backend unavailable: {}", unavailable.getClass().getSimpleName());
            return Fetched.failed();
        } catch (HttpClientErrorException other) {
            if (other.getStatusCode().isSameCodeAs(HttpStatusCode.valueOf(401))) {
                throw other;
            }
            log.warn("backend refused the portal's request with {}", other.getStatusCode().value());
            return Fetched.failed();
        }
    }
}
