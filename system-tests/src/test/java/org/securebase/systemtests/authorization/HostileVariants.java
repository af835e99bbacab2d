package org.securebase.systemtests.authorization;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile versions of one rule's valid request, generated from the endpoint's OpenAPI operation: its path and query
 * parameters and its request body's schema. Each variant changes one thing, so a bad answer names its cause.
 */
final class HostileVariants {

    /** Fields an attacker injects to take over an object or raise a role; none may be honoured. */
    static final List<String> INJECTED_FIELDS = List.of("ownerId", "clientId", "therapistId", "authorId", "role", "id",
            "version", "status", "shared");

    /** Valid text that is still hard to store: RTL override, joiners, 4-byte emoji, combining marks, NFD, CJK, controls. */
    static final String UNICODE_EDGE_TEXT = "RTL \u202Eevil.exe\u202C | ZWJ family \uD83D\uDC69\u200D\uD83D\uDC69"
            + "\u200D\uD83D\uDC67\u200D\uD83D\uDC66 | zero\u200Bwidth\u200Cnon\u200Djoiner | emoji \uD83E\uDDE0\uD83E"
            + "\uDEF6 | combining Z\u0351\u0334\u0321e\u0301 | NFD e\u0301 vs NFC \u00E9 | \u611B\u7740 \u0645\u0631"
            + "\u062D\u0628\u0627 | tab\tnewline\nCRLF\r\n | quotes \"' <b>&amp;</b> \\ | BOM\uFEFF | end";

    static final String SQL_PAYLOAD = "' OR 1=1 --";
    static final String SCRIPT_PAYLOAD = "<script>alert(1)</script>";
    private static final String PLACEHOLDER = "__hostile_placeholder__";
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final int DEPTH = 10_000;

    /**
     * One hostile request, before the target is known.
     *
     * @param rawPathValues path variables already URL-encoded as they go on the wire; null keeps the rule's valid ones
     * @param query         the whole query string sent (null: the rule's own)
     * @param body          null for no body
     * @param injected      fields injected into the body that must not be honoured, with the values injected
     * @param extraHeaders  headers beyond the rule's own
     * @param keepsValidBody whether the rule's valid body goes with it (the variant is in the path, query or headers)
     */
    record Variant(String name, Map<String, String> rawPathValues, String query, String contentType, byte[] body,
                   Map<String, String> injected, Map<String, String> extraHeaders, boolean keepsValidBody) {

        /** A variant of the path, query or headers, sent with the rule's valid body. */
        static Variant around(String name, Map<String, String> rawPathValues, String query, Map<String, String> headers) {
            return new Variant(name, rawPathValues, query, null, null, Map.of(), headers, true);
        }

        /** A variant of the body: sent as it is, with this content type. */
        static Variant body(String name, String contentType, byte[] body, Map<String, String> injected) {
            return new Variant(name, null, null, contentType, body, injected, Map.of(), false);
        }

        boolean keepsValidPath() {
            return rawPathValues == null;
        }
    }

    private final OpenApiDocuments documents;

    HostileVariants(OpenApiDocuments documents) {
        this.documents = documents;
    }

    /**
     * @param validBody   the rule's valid body (null if it sends none)
     * @param validQuery  the rule's valid query (null if none)
     * @param someoneElse ids of other people, injected as owner fields
     */
    List<Variant> of(Rule rule, Object validBody, String validQuery, Map<String, UUID> someoneElse) {
        Endpoint endpoint = rule.endpoint();
        JsonNode operation = documents.operation(endpoint);
        List<Variant> variants = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode schema = documents.resolve(endpoint, parameter.path("schema"));
            String name = parameter.path("name").asString();
            switch (parameter.path("in").asString()) {
                case "path" -> variants.addAll(pathVariants(name, schema));
                case "query" -> variants.addAll(queryVariants(name, schema, validQuery));
                case "header" -> variants.addAll(headerVariants(name));
                default -> { }
            }
        }
        if (!operation.path("parameters").isEmpty() || validQuery != null) {
            variants.add(query("unknown parameters ownerId, role, page=-1, size=1000000", validQuery,
                    "ownerId=" + someoneElse.get("ownerId") + "&role=admin&page=-1&size=1000000"));
        }
        JsonNode bodySchema = operation.path("requestBody").path("content").path("application/json").path("schema");
        JsonNode multipartSchema = operation.path("requestBody").path("content").path("multipart/form-data").path("schema");
        if (validBody != null && !bodySchema.isMissingNode()) {
            variants.addAll(bodyVariants(endpoint, documents.resolve(endpoint, bodySchema), validBody, someoneElse));
        } else if (!"GET".equals(endpoint.method())) {
            // A multipart endpoint (the library import) gets these too: none of them is multipart, all must be refused.
            variants.addAll(unexpectedBodyVariants());
        }
        if (!multipartSchema.isMissingNode()) {
            variants.addAll(multipartVariants(documents.resolve(endpoint, multipartSchema)));
        }
        return variants;
    }

    // ------------------------------------------------------------------------------------------ path and query

    private static List<Variant> pathVariants(String variable, JsonNode schema) {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("not a uuid", "not-a-uuid");
        bad.put("traversal ..%2f", "..%2f..%2f..%2fetc%2fpasswd");
        bad.put("traversal ../", "..%2F..%2Factuator");
        bad.put("NUL", "%00");
        bad.put("SQL", encode(SQL_PAYLOAD));
        bad.put("script", encode(SCRIPT_PAYLOAD));
        bad.put("2000 chars", "a".repeat(2_000));
        bad.put("10000 chars", "a".repeat(10_000));
        bad.put("invalid UTF-8 %C3%28", "%C3%28%FF");
        if ("integer".equals(schema.path("type").asString(""))) {
            bad.put("negative", "-1");
            bad.put("zero", "0");
            bad.put("Long.MAX", Long.toString(Long.MAX_VALUE));
            bad.put("beyond long", "99999999999999999999999");
        }
        return bad.entrySet().stream().map(value -> Variant.around("path {" + variable + "} " + value.getKey(),
                Map.of(variable, value.getValue()), null, Map.of())).toList();
    }

    private static List<Variant> queryVariants(String name, JsonNode schema, String validQuery) {
        JsonNode items = schema.path("items");
        JsonNode valueSchema = "array".equals(schema.path("type").asString("")) ? items : schema;
        String type = valueSchema.path("type").asString("string");
        String format = valueSchema.path("format").asString("");
        Map<String, String> bad = new LinkedHashMap<>();
        if (valueSchema.has("enum")) {
            bad.put("unknown enum value", "NOT_A_VALUE");
        }
        switch (type) {
            case "integer", "number" -> {
                bad.put("not a number", "abc");
                bad.put("negative", "-1");
                bad.put("zero", "0");
                bad.put("huge", "1000000");
                bad.put("Long.MAX", Long.toString(Long.MAX_VALUE));
                bad.put("beyond long", "99999999999999999999999");
                bad.put("1e309", "1e309");
            }
            case "boolean" -> bad.put("not a boolean", "maybe");
            default -> {
                if ("uuid".equals(format)) {
                    bad.put("not a uuid", "not-a-uuid");
                } else if (format.startsWith("date")) {
                    bad.put("not a date", "next-tuesday");
                }
                bad.put("SQL", SQL_PAYLOAD);
                bad.put("script", SCRIPT_PAYLOAD);
                bad.put("NUL and lone surrogate", "a\u0000b%ED%A0%80");
                bad.put("5000 chars", "q".repeat(5_000));
            }
        }
        return bad.entrySet().stream().map(value -> query(name + " " + value.getKey(), validQuery,
                name + "=" + (value.getKey().startsWith("NUL") ? "a%00b%ED%A0%80" : encode(value.getValue()))))
                .toList();
    }

    /** Documented request headers (If-Match): values that do not parse as the version they stand for. */
    private static List<Variant> headerVariants(String name) {
        return List.of("\"not-a-version\"", "\"99999999999999999999999\"", "\"-1\"", "W/\"1\"", "*", "\"", "",
                        "\"" + "9".repeat(3_000) + "\"")
                .stream().map(value -> Variant.around("header " + name + ": " + (value.length() > 30 ? "3000 digits" : value),
                        null, null, Map.of(name, value)))
                .toList();
    }

    private static Variant query(String name, String validQuery, String hostile) {
        return Variant.around("query " + name, null, validQuery == null ? hostile : validQuery + "&" + hostile, Map.of());
    }

    // ------------------------------------------------------------------------------------------ bodies

    private List<Variant> bodyVariants(Endpoint endpoint, JsonNode schema, Object validBody, Map<String, UUID> someoneElse) {
        ObjectNode valid = Http.JSON.valueToTree(validBody);
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        schema.path("properties").properties().forEach(property -> properties.put(property.getKey(),
                documents.resolve(endpoint, property.getValue())));
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(name -> required.add(name.asString()));

        List<Variant> variants = new ArrayList<>();
        variants.add(json("no body", null));
        variants.add(json("empty object", "{}"));
        variants.add(json("JSON null", "null"));
        variants.add(json("JSON array", "[]"));
        variants.add(json("JSON string", "\"hello\""));
        for (String field : required) {
            ObjectNode without = valid.deepCopy();
            without.remove(field);
            variants.add(json("missing required " + field, write(without)));
        }
        List<String> textFields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : properties.entrySet()) {
            String field = property.getKey();
            JsonNode fieldSchema = property.getValue();
            String type = fieldSchema.path("type").asString(fieldSchema.has("properties") ? "object" : "string");
            variants.add(json(field + " null", with(valid, field, "null")));
            for (Map.Entry<String, String> wrong : wrongTypes(type, fieldSchema).entrySet()) {
                variants.add(json(field + " " + wrong.getKey(), with(valid, field, wrong.getValue())));
            }
            if ("string".equals(type) && !fieldSchema.has("enum") && fieldSchema.path("format").isMissingNode()) {
                textFields.add(field);
            }
            if ("array".equals(type) && "string".equals(fieldSchema.path("items").path("type").asString(""))) {
                variants.add(json(field + " items of 100 kB", with(valid, field,
                        "[" + quoted("t".repeat(100_000)) + "," + quoted(SCRIPT_PAYLOAD) + "]")));
            }
        }
        for (String field : textFields) {
            variants.add(json(field + " 100 kB", with(valid, field, quoted("x".repeat(100_000)))));
            variants.add(json(field + " SQL", with(valid, field, quoted(SQL_PAYLOAD))));
            variants.add(json(field + " script", with(valid, field, quoted(SCRIPT_PAYLOAD))));
            variants.add(json(field + " unicode edge cases", with(valid, field, quoted(UNICODE_EDGE_TEXT))));
            variants.add(json(field + " NUL", with(valid, field, "\"a\\u0000b\"")));
            variants.add(json(field + " lone surrogate", with(valid, field, "\"a\\ud800b\"")));
            variants.add(json(field + " reversed surrogates", with(valid, field, "\"a\\udc00\\ud800b\"")));
            variants.add(json(field + " empty", with(valid, field, "\"\"")));
            variants.add(json(field + " blank", with(valid, field, "\"  \\t\\n \"")));
        }
        String anyField = textFields.isEmpty() ? properties.keySet().stream().findFirst().orElse("x") : textFields.get(0);
        variants.add(json(anyField + " 1 MB", with(valid, anyField, quoted("m".repeat(1_048_576)))));
        variants.add(Variant.body(anyField + " invalid UTF-8 bytes", "application/json", invalidUtf8(with(valid, anyField, quoted(PLACEHOLDER))), Map.of()));
        variants.add(json(anyField + " nested arrays " + DEPTH + " deep", with(valid, anyField,
                "[".repeat(DEPTH) + "]".repeat(DEPTH))));
        variants.add(json("objects nested " + DEPTH + " deep", "{\"a\":".repeat(DEPTH) + "1" + "}".repeat(DEPTH)));

        Map<String, String> injected = new LinkedHashMap<>();
        ObjectNode withExtras = valid.deepCopy();
        for (String field : INJECTED_FIELDS) {
            if (!properties.containsKey(field)) {
                String value = switch (field) {
                    case "role" -> "admin";
                    case "version" -> "999";
                    case "status" -> "PUBLISHED";
                    case "shared" -> "true";
                    case "id" -> UUID.randomUUID().toString();
                    default -> someoneElse.get(field).toString();
                };
                injected.put(field, value);
                switch (field) {
                    case "version" -> withExtras.put(field, 999);
                    case "shared" -> withExtras.put(field, true);
                    default -> withExtras.put(field, value);
                }
            }
        }
        withExtras.put("unknownField", "ignored?");
        variants.add(Variant.body("extra fields " + injected.keySet(), "application/json", bytes(write(withExtras)), Map.copyOf(injected)));

        String validText = write(valid);
        variants.add(json("truncated JSON", validText.substring(0, validText.length() - 1)));
        variants.add(json("single quotes", validText.replace('"', '\'')));
        variants.add(json("trailing comma", validText.substring(0, validText.length() - 1) + ",}"));
        variants.add(json("trailing garbage", validText + "}{]"));
        variants.add(json("bare word", "hello"));
        variants.add(json("duplicate keys", "{" + validText.substring(1, validText.length() - 1) + ","
                + validText.substring(1)));
        variants.add(Variant.body("content type text/plain", "text/plain", bytes(validText), Map.of()));
        variants.add(Variant.body("content type application/xml", "application/xml", bytes("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"), Map.of()));
        variants.add(Variant.body("content type multipart", "multipart/form-data; boundary=hostile", bytes("--hostile\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nhello\r\n--hostile--\r\n"), Map.of()));
        variants.add(Variant.body("content type form", "application/x-www-form-urlencoded", bytes("title=x&body=y"), Map.of()));
        variants.add(Variant.body("content type json, charset UTF-16", "application/json; charset=UTF-16", validText.getBytes(StandardCharsets.UTF_16), Map.of()));
        variants.add(Variant.body("no content type", null, bytes(validText), Map.of()));
        variants.add(json("oversize body 3 MB", "{\"padding\":" + quoted("p".repeat(3 * 1_048_576)) + "}"));
        return variants;
    }

    private static Map<String, String> wrongTypes(String type, JsonNode schema) {
        Map<String, String> wrong = new LinkedHashMap<>();
        switch (type) {
            case "integer", "number" -> {
                wrong.put("as text", "\"abc\"");
                wrong.put("negative", "-1");
                wrong.put("zero", "0");
                wrong.put("Long.MAX", Long.toString(Long.MAX_VALUE));
                wrong.put("beyond long", "99999999999999999999999");
                wrong.put("1e309", "1e309");
                wrong.put("fraction", "1.5");
                wrong.put("as object", "{}");
            }
            case "boolean" -> {
                wrong.put("as text", "\"maybe\"");
                wrong.put("as number", "2");
            }
            case "array" -> {
                wrong.put("as text", "\"x\"");
                wrong.put("as object", "{\"a\":1}");
                wrong.put("items of wrong type", "[1, {}, null]");
            }
            case "object" -> {
                wrong.put("as text", "\"x\"");
                wrong.put("as array", "[1]");
            }
            default -> {
                wrong.put("as number", "12345");
                wrong.put("as object", "{\"$ne\":null}");
                wrong.put("as array", "[\"a\"]");
                if (schema.has("enum")) {
                    wrong.put("unknown enum value", "\"NOT_A_VALUE\"");
                }
                if ("uuid".equals(schema.path("format").asString(""))) {
                    wrong.put("not a uuid", "\"not-a-uuid\"");
                }
                if (schema.path("format").asString("").startsWith("date")) {
                    wrong.put("not a date", "\"next tuesday\"");
                    wrong.put("year 999999999", "\"+999999999-12-31T23:59:59Z\"");
                }
            }
        }
        return wrong;
    }

    /** For endpoints without a body (publish, submit, share, delete…): whatever a client sends must not hurt. */
    private static List<Variant> unexpectedBodyVariants() {
        return List.of(
                Variant.body("unexpected text/plain body", "text/plain", bytes("hello"), Map.of()),
                Variant.body("unexpected malformed JSON body", "application/json", bytes("{\"a\":"), Map.of()),
                Variant.body("unexpected xml body", "application/xml", bytes("<a/>"), Map.of()),
                Variant.body("unexpected oversize body 3 MB", "application/octet-stream", new byte[3 * 1_048_576], Map.of()));
    }

    // ------------------------------------------------------------------------------------------ multipart

    /**
     * Hostile uploads for a multipart endpoint: broken framing, the wrong part, and files that are hostile in name,
     * bytes or size, each in the endpoint's own file part (the first property of its multipart schema).
     */
    private static List<Variant> multipartVariants(JsonNode schema) {
        String part = schema.path("properties").propertyNames().stream().findFirst().orElse("files");
        List<Variant> variants = new ArrayList<>();
        variants.add(Variant.body("multipart without a boundary", "multipart/form-data",
                bytes("--x\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"a.md\"\r\n\r\nhi\r\n--x--\r\n"),
                Map.of()));
        variants.add(Variant.body("multipart never closed", "multipart/form-data; boundary=hostile",
                bytes("--hostile\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"a.md\"\r\n\r\nhi"),
                Map.of()));
        variants.add(Variant.body("multipart with no parts", "multipart/form-data; boundary=hostile",
                bytes("--hostile--\r\n"), Map.of()));
        variants.add(multipart("multipart with another part name", "notTheFiles", Map.of("a.md", bytes("---\ntitle: x\n---\n"))));
        variants.add(multipart("multipart file named with a traversal and a script", part,
                Map.of("../../../etc/<script>alert(1)</script>.md", bytes("---\ntitle: " + SCRIPT_PAYLOAD + "\nslug: "
                        + "' OR 1=1 --\n---\n" + SCRIPT_PAYLOAD))));
        variants.add(multipart("multipart file of invalid UTF-8", part,
                Map.of("bytes.md", new byte[] { '-', '-', '-', '\n', (byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE })));
        variants.add(multipart("multipart file with NUL and a lone surrogate", part,
                Map.of("nul.md", bytes("---\ntitle: \"a\\u0000b\\ud800\"\n---\na\u0000b"))));
        variants.add(multipart("multipart file without front matter", part, Map.of("plain.md", bytes(SCRIPT_PAYLOAD))));
        variants.add(multipart("multipart file of 3 MB", part, Map.of("big.md", new byte[3 * 1_048_576])));
        variants.add(multipart("multipart zip that is no zip", part, Map.of("library.zip", bytes("PK not a zip"))));
        return variants;
    }

    private static Variant multipart(String name, String part, Map<String, byte[]> files) {
        Http.RawBody body = Http.RawBody.multipartFiles(part, files);
        return Variant.body(name, body.contentType(), body.bytes(), Map.of());
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static Variant json(String name, String text) {
        return Variant.body("body " + name, "application/json", text == null ? null : bytes(text), Map.of());
    }

    /** The valid body with one field's value replaced by raw JSON text (so it can be anything, even invalid). */
    private static String with(ObjectNode valid, String field, String rawJsonValue) {
        ObjectNode copy = valid.deepCopy();
        copy.put(field, PLACEHOLDER);
        return write(copy).replace(quoted(PLACEHOLDER), rawJsonValue);
    }

    private static byte[] invalidUtf8(String jsonWithPlaceholder) {
        String[] around = jsonWithPlaceholder.split(PLACEHOLDER, 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(around[0]));
        // a broken two-byte sequence, bytes never valid in UTF-8, an overlong slash
        out.writeBytes(new byte[] { 'a', (byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xC0, (byte) 0xAF, 'b' });
        out.writeBytes(bytes(around[1]));
        return out.toByteArray();
    }

    private static String write(JsonNode node) {
        return Http.JSON.writeValueAsString(node);
    }

    private static String quoted(String text) {
        return Http.JSON.writeValueAsString(text);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The rule's path template with the given values, taken as they are (already encoded). */
    static String rawPath(Rule rule, Map<String, String> rawValues) {
        Matcher variable = VARIABLE.matcher(rule.endpoint().pathTemplate());
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(path, Matcher.quoteReplacement(rawValues.get(variable.group(1))));
        }
        variable.appendTail(path);
        return path.toString();
    }
}
