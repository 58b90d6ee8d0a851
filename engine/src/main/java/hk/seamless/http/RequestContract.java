package hk.seamless.http;

import hk.seamless.rules.FieldError;
import hk.seamless.rules.InvalidInputException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The API contract ({@code openapi.yaml}, the document the engine serves) checking each JSON body
 * before its route runs, with Vert.x's own OpenAPI validator.
 *
 * <p>The contract checks the shape: required fields, JSON types, no unknown fields, arrays and
 * objects where the document says so. The domain code keeps the rules and their codes (the 14-day
 * window, the CCRN check digit, the registration mark's grammar, lengths, enumerations, roles): the
 * keywords that state such rules ({@link #VALUE_RULES}) are left out of what is checked here, so
 * that a CCRN of the wrong shape is still {@code ccrn_format}, not a generic refusal. Where the
 * document offers alternatives ({@code oneOf}: packaged or bulk cargo), the domain code says which
 * was expected, in its own words. A JSON {@code null} reads as "not given", as the domain code reads
 * it. Refusals are the engine's usual 400: {@code errors [{field, code, message}]}.
 *
 * <p>What Vert.x's validator (5.0.7) cannot load is left out of the copy it is given: media types
 * other than JSON (CSV, XML, TwiML, problem+json answers), the answers, the parameters (the routes
 * read and check those themselves), and a relative server URL.
 */
public final class RequestContract {

    static final String RESOURCE = "openapi.yaml";
    /** Value rules the domain code states with its own codes and messages; the contract keeps to shape. */
    static final Set<String> VALUE_RULES = Set.of(
            "pattern",
            "format",
            "minLength",
            "maxLength",
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "enum",
            "const",
            "minItems",
            "maxItems",
            "uniqueItems");

    private static final String JSON = "application/json";
    /**
     * The lane devices' messages (plate reads, tag reads, EMPTY presses) are not checked here: they
     * are the hot path from camera to boom (a check costs ~40 µs of the event loop a read, several
     * per cent of a decision), and their own readers refuse, field by field, what the contract would
     * (OpenAlprDocument, DeviceMessages). The tests hold them to the contract instead
     * (LaneSimulatorContractTest, ContractExamplesTest).
     */
    static final String LANE_DEVICES = "Lane";

    private final OpenAPIContract contract;
    /** Per operation id, the validator of its JSON body (synchronous: it runs on the event loop). */
    private final Map<String, Validator> bodies;
    /** Per operation id, the quick proof that a body is well formed, tried first ({@link ShapeCheck}). */
    private final Map<String, ShapeCheck> quickChecks;

    private RequestContract(OpenAPIContract contract, JsonObject document) {
        this.contract = contract;
        // The contract's repository holds every schema the bodies refer to ($ref); errors as a list.
        JsonSchemaOptions options = new JsonSchemaOptions()
                .setDraft(Draft.DRAFT202012)
                .setBaseUri("app:///")
                .setOutputFormat(OutputFormat.Basic);
        Map<String, Validator> byOperation = new HashMap<>();
        Map<String, ShapeCheck> quick = new HashMap<>();
        for (Operation operation : contract.operations()) {
            if (operation.getTags().contains(LANE_DEVICES)) {
                continue;
            }
            MediaType json = operation.getRequestBody() == null
                    ? null
                    : operation.getRequestBody().getContent().get(JSON);
            if (json != null) {
                byOperation.put(
                        operation.getOperationId(),
                        contract.getSchemaRepository().validator(json.getSchema(), options));
                Object schema = bodySchema(document, operation);
                if (schema != null) {
                    quick.put(operation.getOperationId(), new ShapeCheck(document, schema));
                }
            }
        }
        this.bodies = Map.copyOf(byOperation);
        this.quickChecks = Map.copyOf(quick);
    }

    /** Reads the served document and prepares the checks (a few hundred milliseconds, once at start). */
    public static Future<RequestContract> load(Vertx vertx) {
        JsonObject document = shapeOnly(readDocument());
        return OpenAPIContract.from(vertx, document.copy()).map(contract -> new RequestContract(contract, document));
    }

    /** The operation's JSON body schema as the document writes it, or null if it is not found there. */
    private static Object bodySchema(JsonObject document, Operation operation) {
        JsonObject item = document.getJsonObject("paths").getJsonObject(operation.getOpenAPIPath());
        Object method = item == null
                ? null
                : item.getValue(operation.getHttpMethod().name().toLowerCase(Locale.ROOT));
        if (!(method instanceof JsonObject op) || !(op.getValue("requestBody") instanceof JsonObject body)) {
            return null;
        }
        JsonObject content = body.getJsonObject("content");
        JsonObject json = content == null ? null : content.getJsonObject(JSON);
        return json == null ? null : json.getValue("schema");
    }

    /**
     * Checks {@code body} against the request schema of the operation this request is, if the
     * document gives it a JSON body.
     *
     * @throws InvalidInputException naming each field that breaks the contract's shape
     */
    void check(RoutingContext ctx, JsonObject body) {
        Operation operation =
                contract.findOperation(ctx.request().path(), ctx.request().method());
        Validator validator = operation == null ? null : bodies.get(operation.getOperationId());
        if (validator == null) {
            return;
        }
        ShapeCheck quick = quickChecks.get(operation.getOperationId());
        if (quick != null && quick.check(body) == ShapeCheck.Verdict.VALID) {
            return;
        }
        OutputUnit result = validator.validate(withoutNulls(body));
        if (!Boolean.TRUE.equals(result.getValid())) {
            List<FieldError> errors = fieldErrors(result);
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
        }
    }

    /** The contract's errors as the engine's field errors; those under alternatives are left to the domain code. */
    static List<FieldError> fieldErrors(OutputUnit result) {
        Map<String, FieldError> byField = new LinkedHashMap<>();
        List<OutputUnit> units = new ArrayList<>();
        for (OutputUnit unit : result.getErrors() == null ? List.<OutputUnit>of() : result.getErrors()) {
            if (!summaryOrAlternative(unit)) {
                units.add(unit);
            }
        }
        for (OutputUnit unit : units) {
            String keyword = unit.getKeywordLocation() == null ? "" : unit.getKeywordLocation();
            String error = unit.getError() == null ? "" : unit.getError();
            if (isAdditional(keyword) && failedItself(unit, units)) {
                // Vert.x also calls a listed field "additional" when its own schema failed: that
                // failure is the error to name, not an unknown field.
                continue;
            }
            String field = field(unit.getInstanceLocation());
            if (keyword.endsWith("/required")) {
                String missing = quoted(error);
                String name = field.isEmpty() ? missing : field + "." + missing;
                byField.putIfAbsent(name, new FieldError(name, FieldError.REQUIRED, "is required"));
            } else if (isAdditional(keyword)) {
                // Located at the unknown field itself, or at its object with the name in the message.
                String unknown = quoted(error);
                String name = unknown.isEmpty() || field.equals(unknown) || field.endsWith("." + unknown)
                        ? field
                        : (field.isEmpty() ? unknown : field + "." + unknown);
                byField.putIfAbsent(name, new FieldError(name, FieldError.INVALID, "is not a field of this request"));
            } else if (keyword.endsWith("/type")) {
                byField.putIfAbsent(
                        field,
                        new FieldError(
                                field.isEmpty() ? "body" : field,
                                FieldError.INVALID,
                                "is not of the type the API contract gives it (" + error + ")"));
            } else if (!field.isEmpty() || !keyword.isEmpty()) {
                byField.putIfAbsent(field, new FieldError(field.isEmpty() ? "body" : field, FieldError.INVALID, error));
            }
        }
        return new ArrayList<>(byField.values());
    }

    /** Alternatives ({@code oneOf}: the domain code explains them) and errors that only sum up those below them. */
    private static boolean summaryOrAlternative(OutputUnit unit) {
        String keyword = unit.getKeywordLocation() == null ? "" : unit.getKeywordLocation();
        String error = unit.getError() == null ? "" : unit.getError();
        return keyword.contains("/oneOf")
                || keyword.contains("/anyOf")
                || keyword.endsWith("/properties")
                || keyword.endsWith("/$ref")
                || keyword.endsWith("/allOf")
                || keyword.endsWith("/items")
                || error.startsWith("A subschema had errors");
    }

    private static boolean isAdditional(String keyword) {
        return keyword.endsWith("/additionalProperties") || keyword.endsWith("/unevaluatedProperties");
    }

    /** Whether another error lies at the same place or below it: the field is known, its value is wrong. */
    private static boolean failedItself(OutputUnit additional, List<OutputUnit> units) {
        String at = additional.getInstanceLocation() == null ? "" : additional.getInstanceLocation();
        for (OutputUnit other : units) {
            String where = other.getInstanceLocation() == null ? "" : other.getInstanceLocation();
            if (other != additional
                    && !isAdditional(other.getKeywordLocation() == null ? "" : other.getKeywordLocation())
                    && (where.equals(at) || where.startsWith(at + "/"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code #/consignee/name} to {@code consignee.name}, and array items as the domain code names
     * them: {@code #/results/0/confidence} to {@code results[0].confidence}.
     */
    static String field(String instanceLocation) {
        if (instanceLocation == null || instanceLocation.equals("#") || instanceLocation.isEmpty()) {
            return "";
        }
        String path = instanceLocation.startsWith("#/") ? instanceLocation.substring(2) : instanceLocation;
        StringBuilder name = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            String unescaped = segment.replace("~1", "/").replace("~0", "~");
            if (!unescaped.isEmpty() && unescaped.chars().allMatch(Character::isDigit) && name.length() > 0) {
                name.append('[').append(unescaped).append(']');
            } else {
                name.append(name.length() == 0 ? "" : ".").append(unescaped);
            }
        }
        return name.toString();
    }

    /** The first "quoted" name in a validator message, or empty. */
    private static String quoted(String error) {
        int start = error.indexOf('"');
        int end = start < 0 ? -1 : error.indexOf('"', start + 1);
        return end < 0 ? "" : error.substring(start + 1, end);
    }

    private static JsonObject withoutNulls(JsonObject body) {
        JsonObject copy = new JsonObject();
        body.forEach(e -> {
            if (e.getValue() instanceof JsonObject nested) {
                copy.put(e.getKey(), withoutNulls(nested));
            } else if (e.getValue() != null) {
                copy.put(e.getKey(), e.getValue());
            }
        });
        return copy;
    }

    static JsonObject readDocument() {
        try (InputStream in = RequestContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the engine's jar");
            }
            return readYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The contract's YAML as JSON: duplicate keys refused, dates and times kept as the text JSON has. */
    static JsonObject readYaml(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        SafeConstructor constructor = new SafeConstructor(options) {
            {
                // The document's examples hold some dates and times: they stay text.
                yamlConstructors.put(Tag.TIMESTAMP, yamlConstructors.get(Tag.STR));
            }
        };
        Map<String, Object> loaded = new Yaml(constructor).load(yaml);
        return new JsonObject(loaded);
    }

    /** The copy of the document Vert.x's validator is given: see the class comment for what is left out. */
    static JsonObject shapeOnly(JsonObject document) {
        JsonObject copy = document.copy();
        copy.put("servers", new JsonArray().add(new JsonObject().put("url", "http://localhost")));
        JsonObject paths = copy.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            JsonObject item = paths.getJsonObject(path);
            item.remove("parameters");
            for (String method : item.fieldNames()) {
                if (!(item.getValue(method) instanceof JsonObject operation)) {
                    continue;
                }
                operation.remove("parameters");
                operation.put("responses", new JsonObject().put("default", new JsonObject().put("description", "any")));
                JsonObject requestBody = operation.getJsonObject("requestBody");
                if (requestBody != null) {
                    JsonObject content = requestBody.getJsonObject("content");
                    content.fieldNames().removeIf(type -> !type.equals(JSON));
                    if (content.isEmpty()) {
                        operation.remove("requestBody");
                    } else {
                        stripValueRules(content);
                    }
                }
            }
        }
        JsonObject components = copy.getJsonObject("components");
        components.remove("responses");
        components.remove("parameters");
        components.remove("examples");
        stripValueRules(components.getJsonObject("schemas"));
        return copy;
    }

    private static void stripValueRules(Object node) {
        if (node instanceof JsonObject object) {
            object.remove("example");
            object.remove("examples");
            List<String> names = new ArrayList<>(object.fieldNames());
            for (String name : names) {
                if (VALUE_RULES.contains(name) && !(object.getValue(name) instanceof JsonObject)) {
                    object.remove(name);
                } else {
                    stripValueRules(object.getValue(name));
                }
            }
        } else if (node instanceof JsonArray array) {
            array.forEach(RequestContract::stripValueRules);
        }
    }

    /** The operations whose JSON bodies are checked (for tests). */
    Set<String> checkedOperations() {
        return bodies.keySet();
    }

    /** What the quick check says of a body of this operation, null if it has none (for tests). */
    ShapeCheck.Verdict quickVerdict(String operationId, JsonObject body) {
        ShapeCheck quick = quickChecks.get(operationId);
        return quick == null ? null : quick.check(body);
    }

    /** Whether Vert.x's validator takes a body of this operation (for tests). */
    boolean validatorAccepts(String operationId, JsonObject body) {
        return Boolean.TRUE.equals(
                bodies.get(operationId).validate(withoutNulls(body)).getValid());
    }

    /** Whether a body sent as {@code method path} is checked here (for tests and diagnostics). */
    boolean checksBodyOf(HttpMethod method, String path) {
        Operation operation = contract.findOperation(path, method);
        return operation != null && bodies.containsKey(operation.getOperationId());
    }
}
