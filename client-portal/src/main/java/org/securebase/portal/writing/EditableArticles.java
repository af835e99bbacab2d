package org.securebase.portal.writing;

import org.securebase.portal.api.Fetched;
import org.securebase.portal.api.Sent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.server.ResponseStatusException;

import java.util.Optional;
import java.util.regex.Pattern;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * content-service's article calls that carry entity tags: reading an article with its {@code ETag}, and the
 * changes that send it back in {@code If-Match} (required on PUT; on publish and retract it makes sure what is
 * published is the version the author last saw). {@code PlatformApi} neither returns nor sends headers, so these
 * go through the same {@code RestClient} (gateway, the person's token, request id) and map failures the same
 * way: 5xx and network errors are "unavailable", other 4xx a refusal with the problem's detail, 401 and a refused
 * token are rethrown for a new login. A 404 on a change becomes the portal's own 404, like a 404 on a read.
 */
@Component
class EditableArticles {

    private static final Logger log = LoggerFactory.getLogger(EditableArticles.class);

    /** A strong entity tag (RFC 9110 8.8.3): anything else could not have come from content-service. */
    private static final Pattern STRONG_ETAG = Pattern.compile("\"[\\x21\\x23-\\x7e]{1,200}\"");

    private static final String ARTICLE = "/api/content/articles/{slug}";

    private final RestClient client;

    EditableArticles(RestClient platformRestClient) {
        this.client = platformRestClient;
    }

    /** Whether a form's entity tag may be put in a header (a browser could send anything, line breaks included). */
    static boolean wellFormedEtag(String etag) {
        return etag != null && STRONG_ETAG.matcher(etag).matches();
    }

    /** The article with its Markdown and entity tag; empty when it does not exist (or not for this person). */
    Fetched<Optional<Writing.Opened>> open(String slug) {
        try {
            ResponseEntity<Writing.Article> response = client.get().uri(uri -> uri.path(ARTICLE).build(slug))
                    .retrieve().toEntity(Writing.Article.class);
            if (response.getBody() == null) {
                log.warn("content-service answered an article read without a body ({})", response.getStatusCode().value());
                return Fetched.failed();
            }
            return Fetched.of(Optional.of(new Writing.Opened(response.getBody(), response.getHeaders().getETag())));
        } catch (HttpClientErrorException.NotFound notFound) {
            return Fetched.of(Optional.empty());
        } catch (ClientAuthorizationException loginNeeded) {
            throw loginNeeded;
        } catch (HttpClientErrorException refused) {
            if (refused.getStatusCode().isSameCodeAs(HttpStatusCode.valueOf(401))) {
                throw refused;
            }
            log.warn("content-service refused the portal's article read with {}", refused.getStatusCode().value());
            return Fetched.failed();
        } catch (RestClientException unavailable) {
            log.warn("backend unavailable: {}", unavailable.getClass().getSimpleName());
            return Fetched.failed();
        }
    }

    Sent<Writing.Opened> save(String slug, String etag, Writing.UpdateRequest content) {
        return change(HttpMethod.PUT, ARTICLE, slug, etag, content);
    }

    Sent<Writing.Opened> publish(String slug, String etag) {
        return change(HttpMethod.POST, ARTICLE + "/publish", slug, etag, null);
    }

    Sent<Writing.Opened> retract(String slug, String etag) {
        return change(HttpMethod.POST, ARTICLE + "/retract", slug, etag, null);
    }

    private Sent<Writing.Opened> change(HttpMethod method, String path, String slug, String etag, Object body) {
        if (!wellFormedEtag(etag)) {
            throw new IllegalArgumentException("the controller checks the entity tag before sending it");
        }
        try {
            RestClient.RequestBodySpec request = client.method(method).uri(uri -> uri.path(path).build(slug))
                    .header(HttpHeaders.IF_MATCH, etag);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            ResponseEntity<Writing.Article> response = request.retrieve().toEntity(Writing.Article.class);
            return Sent.done(response.getBody() == null ? null
                    : new Writing.Opened(response.getBody(), response.getHeaders().getETag()));
        } catch (HttpClientErrorException.NotFound notFound) {
            throw new ResponseStatusException(NOT_FOUND);
        } catch (ClientAuthorizationException loginNeeded) {
            throw loginNeeded;
        } catch (HttpClientErrorException refused) {
            if (refused.getStatusCode().isSameCodeAs(HttpStatusCode.valueOf(401))) {
                throw refused;
            }
            return Sent.refused(detailOf(refused));
        } catch (RestClientException unavailable) {
            log.warn("backend unavailable: {}", unavailable.getClass().getSimpleName());
            return Sent.failed();
        }
    }

    private static String detailOf(HttpClientErrorException refused) {
        try {
            ProblemDetail problem = refused.getResponseBodyAs(ProblemDetail.class);
            if (problem != null && problem.getDetail() != null && !problem.getDetail().isBlank()) {
                return problem.getDetail();
            }
        } catch (RuntimeException notAProblem) {
            // Not problem+json (e.g. the gateway's own answer): fall back to the status text below.
        }
        return "The request was refused (" + refused.getStatusCode().value() + ").";
    }
}
