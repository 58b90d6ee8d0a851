package hk.seamless.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.openapi.contract.OpenAPIVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The API contract ({@code openapi.yaml}) as the tests read it: checked against the OpenAPI 3.1
 * schema, every {@code $ref} resolved, and answers checked against the schema it documents for them.
 * A JSON Schema 2020-12 validator (Vert.x's own) does the checking, not the engine's code.
 */
final class ApiContract {

    static final String RESOURCE = "openapi.yaml";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonObject document;
    private final JsonObject resolved;

    private ApiContract(JsonObject document, JsonObject resolved) {
        this.document = document;
        this.resolved = resolved;
    }

    /** The contract the jar serves, from the classpath. */
    static ApiContract fromClasspath(Vertx vertx) {
        try (InputStream in = ApiContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new AssertionError(RESOURCE + " is not on the classpath (engine/src/main/resources)");
            }
            return parse(vertx, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads YAML text; fails naming the first places where it is not a valid OpenAPI 3.1 document. */
    static ApiContract parse(Vertx vertx, String yaml) {
        JsonObject document = RequestContract.readYaml(yaml);
        if (!"3.1.0".equals(document.getString("openapi"))) {
            throw new AssertionError("the contract must be OpenAPI 3.1.0, not " + document.getValue("openapi"));
        }
        OpenAPIVersion version = OpenAPIVersion.V3_1;
        SchemaRepository repository = await(version.getRepository(vertx, "app:///"));
        // Vert.x marks every object it resolves (__absolute_uri__): it works on a copy, and the marks go.
        JsonObject working = document.copy();
        OutputUnit valid = await(version.validateContract(vertx, repository, working));
        if (!Boolean.TRUE.equals(valid.getValid())) {
            throw new AssertionError("the contract is not a valid OpenAPI 3.1 document: " + SchemaFit.summary(valid));
        }
        return new ApiContract(document, (JsonObject) unmarked(await(version.resolve(vertx, repository, working))));
    }

    private static Object unmarked(Object value) {
        if (value instanceof JsonObject object) {
            JsonObject clean = new JsonObject();
            object.forEach(e -> {
                if (!e.getKey().equals("__absolute_uri__")) {
                    clean.put(e.getKey(), unmarked(e.getValue()));
                }
            });
            return clean;
        }
        if (value instanceof JsonArray array) {
            JsonArray clean = new JsonArray();
            array.forEach(v -> clean.add(unmarked(v)));
            return clean;
        }
        return value;
    }

    /**
     * YAML to JSON values. Safe construction (no types from the text), and no YAML timestamps: a date
     * in an example must stay the string the engine sends, never become a java.util.Date.
     */
    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("reading the contract failed: " + e, e);
        }
    }

    JsonObject document() {
        return document;
    }

    /** Every documented operation as "METHOD /path/{param}". */
    Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        JsonObject paths = document.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            for (String method : paths.getJsonObject(path).fieldNames()) {
                if (METHODS.contains(method)) {
                    operations.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path);
                }
            }
        }
        return operations;
    }

    /** The operation object, refs resolved; fails naming the operation if the document lacks it. */
    JsonObject operation(String operation) {
        String[] parts = operation.split(" ", 2);
        JsonObject item = resolved.getJsonObject("paths").getJsonObject(parts[1]);
        JsonObject op = item == null ? null : item.getJsonObject(parts[0].toLowerCase(java.util.Locale.ROOT));
        if (op == null) {
            throw new AssertionError("the contract does not document " + operation);
        }
        return op;
    }

    /**
     * The documented operation a request names ("POST /api/v1/bundles/{id}"), found by its method
     * and its path against each path template; null when none is documented. A template with fewer
     * parameters wins ({@code /api/v1/consignments/batch} over {@code /api/v1/consignments/{ccrn}}).
     */
    String operationOf(String method, String path) {
        String best = null;
        int bestParams = Integer.MAX_VALUE;
        for (String operation : operations()) {
            String[] parts = operation.split(" ", 2);
            if (!parts[0].equalsIgnoreCase(method)
                    || !templatePattern(parts[1]).matcher(path).matches()) {
                continue;
            }
            int params = parts[1].split("\\{", -1).length - 1;
            if (params < bestParams) {
                best = operation;
                bestParams = params;
            }
        }
        return best;
    }

    private static java.util.regex.Pattern templatePattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String piece : template.split("(?=\\{)|(?<=\\})")) {
            regex.append(piece.startsWith("{") ? "[^/]+" : java.util.regex.Pattern.quote(piece));
        }
        return java.util.regex.Pattern.compile(regex.toString());
    }

    /** The operation's parameters, the path item's and its own (its own win), refs resolved. */
    private List<JsonObject> parameters(String operation) {
        String[] parts = operation.split(" ", 2);
        Map<String, JsonObject> byPlace = new java.util.LinkedHashMap<>();
        JsonObject item = resolved.getJsonObject("paths").getJsonObject(parts[1]);
        for (JsonArray list : new JsonArray[] {
            item.getJsonArray("parameters", new JsonArray()),
            operation(operation).getJsonArray("parameters", new JsonArray())
        }) {
            list.forEach(p -> byPlace.put(
                    ((JsonObject) p).getString("in") + " " + ((JsonObject) p).getString("name"), (JsonObject) p));
        }
        return new ArrayList<>(byPlace.values());
    }

    /** The names of the query parameters the operation documents. */
    Set<String> queryParameters(String operation) {
        Set<String> names = new TreeSet<>();
        parameters(operation).stream()
                .filter(p -> "query".equals(p.getString("in")))
                .forEach(p -> names.add(p.getString("name")));
        return names;
    }

    /**
     * What is wrong with a request's path and query according to the operation: a path parameter or
     * a query parameter its schema does not allow, a query parameter the contract does not document,
     * a required query parameter missing. {@code rawQuery} as sent (percent-encoded), or null.
     */
    List<String> checkPathAndQuery(String operation, String path, String rawQuery) {
        List<String> problems = new ArrayList<>();
        String template = operation.split(" ", 2)[1];
        Map<String, String> pathValues = new java.util.LinkedHashMap<>();
        String[] templateSegments = template.split("/");
        String[] segments = path.split("/");
        for (int i = 0; i < templateSegments.length && i < segments.length; i++) {
            if (templateSegments[i].startsWith("{")) {
                pathValues.put(
                        templateSegments[i].substring(1, templateSegments[i].length() - 1),
                        java.net.URLDecoder.decode(segments[i].replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        Map<String, List<String>> query = new java.util.LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                String[] kv = pair.split("=", 2);
                query.computeIfAbsent(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
                        .add(kv.length < 2 ? "" : java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        Set<String> documentedQuery = new TreeSet<>();
        for (JsonObject parameter : parameters(operation)) {
            String name = parameter.getString("name");
            JsonObject schema = parameter.getJsonObject("schema", new JsonObject());
            if ("path".equals(parameter.getString("in")) && pathValues.containsKey(name)) {
                SchemaFit.fits(schema, SchemaFit.typed(schema, pathValues.get(name)))
                        .forEach(p -> problems.add(
                                operation + " path parameter " + name + "=" + pathValues.get(name) + ": " + p));
            } else if ("query".equals(parameter.getString("in"))) {
                documentedQuery.add(name);
                List<String> values = query.getOrDefault(name, List.of());
                if (values.isEmpty() && Boolean.TRUE.equals(parameter.getBoolean("required"))) {
                    problems.add(operation + " lacks its required query parameter " + name);
                }
                for (String value : values) {
                    SchemaFit.fits(schema, SchemaFit.typed(schema, value))
                            .forEach(
                                    p -> problems.add(operation + " query parameter " + name + "=" + value + ": " + p));
                }
            }
        }
        for (String name : query.keySet()) {
            if (!documentedQuery.contains(name)) {
                problems.add(operation + " was called with query parameter " + name
                        + ", which the contract does not document" + " (it documents " + documentedQuery + ")");
            }
        }
        return problems;
    }

    /**
     * What is wrong with a request body's presence and media type according to the operation: a body
     * where none is documented, none where one is required, a media type not documented.
     */
    List<String> checkRequestMedia(String operation, String contentType, boolean hasBody) {
        JsonObject requestBody = operation(operation).getJsonObject("requestBody");
        if (requestBody == null) {
            return hasBody
                    ? List.of(
                            operation + ": the contract documents no request body, one was sent (" + contentType + ")")
                    : List.of();
        }
        if (!hasBody) {
            return Boolean.TRUE.equals(requestBody.getBoolean("required"))
                    ? List.of(operation + ": the contract requires a request body, none was sent")
                    : List.of();
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].strip();
        Set<String> documented = requestBody.getJsonObject("content").fieldNames();
        return documented.contains(mediaType)
                ? List.of()
                : List.of(operation + ": request media type " + mediaType + " is not documented (" + documented + ")");
    }

    /** The stable field-error codes the contract lists ({@code x-error-codes}), with their meanings. */
    JsonObject errorCodes() {
        return document.getJsonObject("x-error-codes");
    }

    /**
     * What is wrong with an answer according to the contract: an undocumented status or media type,
     * or a body its schema does not allow. Empty when the answer is as documented.
     */
    List<String> check(String operation, int status, String contentType, String body) {
        List<String> problems = new ArrayList<>();
        JsonObject responses = operation(operation).getJsonObject("responses");
        JsonObject response = responses.getJsonObject(Integer.toString(status));
        if (response == null) {
            response = responses.getJsonObject(status / 100 + "XX");
        }
        if (response == null) {
            problems.add(operation + " answered " + status + ", which the contract does not document (it has "
                    + responses.fieldNames() + ")");
            return problems;
        }
        JsonObject content = response.getJsonObject("content");
        if (content == null) {
            if (body != null && !body.isEmpty()) {
                problems.add(operation + " " + status + ": the contract documents no body, the engine sent " + body);
            }
            return problems;
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].strip();
        JsonObject media = content.getJsonObject(mediaType);
        if (media == null) {
            problems.add(operation + " " + status + ": media type " + mediaType + " is not documented ("
                    + content.fieldNames() + ")");
            return problems;
        }
        if (media.getJsonObject("schema") != null && mediaType.endsWith("json")) {
            Object instance;
            try {
                instance = io.vertx.core.json.Json.decodeValue(body);
            } catch (RuntimeException e) {
                problems.add(operation + " " + status + ": the body is not JSON: " + body);
                return problems;
            }
            SchemaFit.fits(media.getJsonObject("schema"), instance)
                    .forEach(misfit -> problems.add(operation + " " + status
                            + ": the body does not fit the documented schema: " + misfit + "\n    body: " + body));
        }
        return problems;
    }

    /** What is wrong with a JSON request body according to the operation's documented request schema. */
    List<String> checkRequest(String operation, JsonObject body) {
        JsonObject requestBody = operation(operation).getJsonObject("requestBody");
        if (requestBody == null) {
            return body == null
                    ? List.of()
                    : List.of(operation + ": the contract documents no request body, the walk sent " + body);
        }
        JsonObject json = requestBody.getJsonObject("content").getJsonObject("application/json");
        if (json == null || json.getJsonObject("schema") == null) {
            return List.of(operation + ": the contract documents no JSON request body");
        }
        return SchemaFit.fits(json.getJsonObject("schema"), body).stream()
                .map(p -> operation + " request " + body + ": " + p)
                .toList();
    }

    /** Arrays of schema enums, for a caller that wants one list out of the contract. */
    static List<String> strings(JsonArray array) {
        List<String> list = new ArrayList<>();
        array.forEach(v -> list.add(String.valueOf(v)));
        return list;
    }
}
