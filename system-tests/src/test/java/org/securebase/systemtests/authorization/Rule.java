package org.securebase.systemtests.authorization;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one endpoint grants each of the five people, and how to call it: which of the owner's objects go into the
 * path, query and body. An endpoint may have several rules ({@code variant}s), one per kind of object (a draft and
 * a published article are different cases for a client). Callers without an acceptable token get 401, except that a
 * public endpoint (its own proof travels in the request, as a signed link's does) answers a request without any token
 * as {@code withoutToken} says.
 *
 * @param throwawayTarget for destructive requests: the path values for an allowed person, made fresh for each
 *                        request; forbidden callers still get the owner's real objects
 */
record Rule(Endpoint endpoint, String variant, Map<Caller, Access> access,
            Function<PracticeObjects, Map<String, String>> pathValues,
            Function<PracticeObjects, String> query,
            Function<PracticeObjects, Object> body,
            Function<PracticeObjects, Map<String, String>> headers,
            Function<Throwaways, Map<String, String>> throwawayTarget,
            Access withoutToken) {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    Access accessOf(Caller caller) {
        if (caller == Caller.NO_TOKEN && withoutToken != null) {
            return withoutToken;
        }
        return caller.isPerson() ? access.get(caller) : Access.UNAUTHENTICATED;
    }

    boolean destructive() {
        return throwawayTarget != null;
    }

    /** Whether the request names objects at all, i.e. whether asking for a ghost instead could change the answer. */
    boolean namesObjects() {
        return !VARIABLE.matcher(endpoint.pathTemplate()).results().toList().isEmpty() || query != null || body != null;
    }

    /** The person whose real token a forger starts from: someone this rule lets in, so only the forgery is refused. */
    Caller forgedFrom() {
        return Caller.PEOPLE.stream().filter(person -> access.get(person) == Access.ALLOWED).findFirst()
                .orElse(Caller.OWNER_CLIENT);
    }

    String pathWith(Map<String, String> values) {
        Matcher variable = VARIABLE.matcher(endpoint.pathTemplate());
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            String value = values.get(variable.group(1));
            if (value == null) {
                throw new IllegalStateException(this + " gives no value for {" + variable.group(1) + "}");
            }
            variable.appendReplacement(path, Matcher.quoteReplacement(
                    URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
        }
        variable.appendTail(path);
        return path.toString();
    }

    @Override
    public String toString() {
        return endpoint.method() + " " + endpoint.pathTemplate() + (variant == null ? "" : " [" + variant + "]");
    }

    static Builder rule(ApiService service, String method, String pathTemplate) {
        return new Builder(new Endpoint(service, method, pathTemplate));
    }

    static final class Builder {

        private final Endpoint endpoint;
        private final Map<Caller, Access> access = new EnumMap<>(Caller.class);
        private final List<String> misassigned = new ArrayList<>();
        private String variant;
        private Function<PracticeObjects, Map<String, String>> pathValues = objects -> Map.of();
        private Function<PracticeObjects, String> query;
        private Function<PracticeObjects, Object> body;
        private final Map<String, Function<PracticeObjects, String>> headers = new LinkedHashMap<>();
        private Function<Throwaways, Map<String, String>> throwawayTarget;
        private Access withoutToken;

        private Builder(Endpoint endpoint) {
            this.endpoint = endpoint;
        }

        Builder variant(String name) {
            this.variant = name;
            return this;
        }

        Builder path(Function<PracticeObjects, Map<String, String>> values) {
            this.pathValues = values;
            return this;
        }

        Builder query(Function<PracticeObjects, String> query) {
            this.query = query;
            return this;
        }

        Builder body(Function<PracticeObjects, Object> body) {
            this.body = body;
            return this;
        }

        Builder header(String name, Function<PracticeObjects, String> value) {
            headers.put(name, value);
            return this;
        }

        Builder allowedPeopleActOnThrowaways(Function<Throwaways, Map<String, String>> target) {
            this.throwawayTarget = target;
            return this;
        }

        /** For a public endpoint: what a request with no token at all gets (one with a bad token still gets 401). */
        Builder withoutToken(Access access) {
            this.withoutToken = access;
            return this;
        }

        Builder allowed(Caller... people) {
            return grant(Access.ALLOWED, people);
        }

        Builder notFound(Caller... people) {
            return grant(Access.NOT_FOUND, people);
        }

        Builder forbidden(Caller... people) {
            return grant(Access.FORBIDDEN, people);
        }

        Builder rejected(Caller... people) {
            return grant(Access.REJECTED, people);
        }

        private Builder grant(Access granted, Caller... people) {
            Arrays.stream(people).forEach(person -> {
                if (!person.isPerson() || access.put(person, granted) != null) {
                    misassigned.add(person.name());
                }
            });
            return this;
        }

        /** Every one of the five people must be given exactly one access, so no cell of the matrix is left to chance. */
        Rule build() {
            List<String> missing = Caller.PEOPLE.stream().filter(person -> !access.containsKey(person)).map(Enum::name).toList();
            if (!missing.isEmpty() || !misassigned.isEmpty()) {
                throw new IllegalStateException("the rule for " + endpoint + (variant == null ? "" : " [" + variant + "]")
                        + " must give each person exactly one access; missing " + missing + ", twice or not a person "
                        + misassigned);
            }
            Map<String, Function<PracticeObjects, String>> headerValues = Map.copyOf(headers);
            return new Rule(endpoint, variant, Map.copyOf(access), pathValues, query, body,
                    objects -> {
                        Map<String, String> resolved = new LinkedHashMap<>();
                        headerValues.forEach((name, value) -> resolved.put(name, value.apply(objects)));
                        return resolved;
                    },
                    throwawayTarget, withoutToken);
        }
    }
}
