package hk.seamless.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A quick proof that a body keeps the shape the contract gives it, tried before Vert.x's validator:
 * that validator builds an output unit, a location string and a set per keyword it visits, ~40% of
 * the event loop's work on a lodgement. Nearly every body a system sends is well formed, and for
 * those this walk over the same schema is enough.
 *
 * <p>It only ever says {@link Verdict#VALID} when the body certainly is: it reads the keywords the
 * shape-only contract holds (types, properties, required, additional properties, items, references,
 * alternatives) and answers {@link Verdict#UNKNOWN} for any other keyword, or a number whose type
 * it cannot settle. Whatever is not VALID goes to Vert.x's validator, which decides and words the
 * errors exactly as before, so a refusal is the same refusal, field for field.
 */
final class ShapeCheck {

    enum Verdict {
        VALID,
        INVALID,
        UNKNOWN;

        Verdict and(Verdict other) {
            if (this == INVALID || other == INVALID) {
                return INVALID;
            }
            return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : VALID;
        }
    }

    /** Keywords that only annotate (JSON Schema 2020-12, OpenAPI 3.1): they never make a body invalid. */
    private static final Set<String> ANNOTATIONS =
            Set.of("description", "title", "summary", "default", "deprecated", "readOnly", "writeOnly", "$comment");

    /** Deeper than any schema of the contract: a reference cycle is left to Vert.x. */
    private static final int MAX_DEPTH = 64;

    private static final Object UNRESOLVED = new Object();

    private final JsonObject document;
    private final Object schema;
    /** Where each reference leads; read by both event loops. */
    private final Map<String, Object> targets = new ConcurrentHashMap<>();

    /**
     * @param document the shape-only contract the schema's references ({@code #/components/...}) point into
     * @param schema   the request body's schema
     */
    ShapeCheck(JsonObject document, Object schema) {
        this.document = document;
        this.schema = schema;
    }

    /** @param body the body as the validator is given it (nulls already read as "not given") */
    Verdict check(Object body) {
        return check(schema, body, 0);
    }

    private Verdict check(Object node, Object value, int depth) {
        if (node instanceof Boolean allowed) {
            return allowed ? Verdict.VALID : Verdict.INVALID;
        }
        if (!(node instanceof JsonObject schema) || depth > MAX_DEPTH) {
            return Verdict.UNKNOWN;
        }
        Verdict verdict = Verdict.VALID;
        for (Map.Entry<String, Object> keyword : schema) {
            verdict = verdict.and(keyword(schema, keyword.getKey(), keyword.getValue(), value, depth));
            if (verdict == Verdict.INVALID) {
                return verdict;
            }
        }
        return verdict;
    }

    private Verdict keyword(JsonObject schema, String keyword, Object argument, Object value, int depth) {
        if (ANNOTATIONS.contains(keyword) || keyword.startsWith("x-")) {
            return Verdict.VALID;
        }
        return switch (keyword) {
            case "$ref" -> reference(argument, value, depth);
            case "type" -> type(argument, value);
            case "properties" -> properties(argument, value, depth);
            case "required" -> required(argument, value);
            case "additionalProperties" -> additional(schema, argument, value, depth);
            case "items" -> items(schema, argument, value, depth);
            case "allOf" -> allOf(argument, value, depth);
            case "anyOf" -> anyOf(argument, value, depth);
            case "oneOf" -> oneOf(argument, value, depth);
            case "not" -> not(check(argument, value, depth + 1));
            default -> Verdict.UNKNOWN;
        };
    }

    private Verdict reference(Object argument, Object value, int depth) {
        if (!(argument instanceof String ref)) {
            return Verdict.UNKNOWN;
        }
        Object target = targets.computeIfAbsent(ref, this::resolve);
        return target == UNRESOLVED ? Verdict.UNKNOWN : check(target, value, depth + 1);
    }

    /** The schema a reference points to, or {@link #UNRESOLVED}: walked once per reference, then kept. */
    private Object resolve(String ref) {
        if (!ref.startsWith("#/")) {
            return UNRESOLVED;
        }
        Object target = document;
        for (String step : ref.substring(2).split("/", -1)) {
            String name = step.replace("~1", "/").replace("~0", "~");
            if (!(target instanceof JsonObject object) || !object.containsKey(name)) {
                return UNRESOLVED;
            }
            target = object.getValue(name);
        }
        return target;
    }

    private static Verdict type(Object argument, Object value) {
        if (argument instanceof String single) {
            return typeIs(single, value);
        }
        if (!(argument instanceof JsonArray any)) {
            return Verdict.UNKNOWN;
        }
        Verdict verdict = Verdict.INVALID;
        for (Object type : any) {
            Verdict one = type instanceof String name ? typeIs(name, value) : Verdict.UNKNOWN;
            if (one == Verdict.VALID) {
                return one;
            }
            if (one == Verdict.UNKNOWN) {
                verdict = one;
            }
        }
        return verdict;
    }

    private static Verdict typeIs(String type, Object value) {
        boolean is = switch (type) {
            case "object" -> value instanceof JsonObject || value instanceof Map;
            case "array" -> value instanceof JsonArray || value instanceof List;
            case "string" -> value instanceof String;
            case "boolean" -> value instanceof Boolean;
            case "null" -> value == null;
            case "number" ->
                value instanceof Integer
                        || value instanceof Long
                        || value instanceof Double
                        || value instanceof BigInteger
                        || value instanceof BigDecimal;
            case "integer" -> {
                if (value instanceof Double || value instanceof BigDecimal || value instanceof Float) {
                    // 2.0 is an integer to JSON Schema; whether this validator agrees is its to say.
                    yield false;
                }
                yield value instanceof Integer || value instanceof Long || value instanceof BigInteger;
            }
            default -> false;
        };
        if (is) {
            return Verdict.VALID;
        }
        boolean unsettled = type.equals("integer") && value instanceof Number
                || type.equals("number") && value instanceof Number
                || !Set.of("object", "array", "string", "boolean", "null", "number", "integer")
                        .contains(type);
        return unsettled ? Verdict.UNKNOWN : Verdict.INVALID;
    }

    private Verdict properties(Object argument, Object value, int depth) {
        JsonObject object = object(value);
        if (object == null) {
            return Verdict.VALID;
        }
        if (!(argument instanceof JsonObject properties)) {
            return Verdict.UNKNOWN;
        }
        Verdict verdict = Verdict.VALID;
        for (Map.Entry<String, Object> field : object) {
            if (properties.containsKey(field.getKey())) {
                verdict = verdict.and(check(properties.getValue(field.getKey()), field.getValue(), depth + 1));
                if (verdict == Verdict.INVALID) {
                    return verdict;
                }
            }
        }
        return verdict;
    }

    private static Verdict required(Object argument, Object value) {
        JsonObject object = object(value);
        if (object == null) {
            return Verdict.VALID;
        }
        if (!(argument instanceof JsonArray names)) {
            return Verdict.UNKNOWN;
        }
        Verdict verdict = Verdict.VALID;
        for (Object name : names) {
            if (!(name instanceof String field)) {
                return Verdict.UNKNOWN;
            }
            if (!object.containsKey(field)) {
                return Verdict.INVALID;
            }
            if (object.getValue(field) == null) {
                // Given as null inside an array's item: present or not is the validator's to say.
                verdict = Verdict.UNKNOWN;
            }
        }
        return verdict;
    }

    private Verdict additional(JsonObject schema, Object argument, Object value, int depth) {
        JsonObject object = object(value);
        if (object == null) {
            return Verdict.VALID;
        }
        if (schema.containsKey("patternProperties")) {
            return Verdict.UNKNOWN;
        }
        JsonObject properties = schema.getValue("properties") instanceof JsonObject p ? p : new JsonObject();
        Verdict verdict = Verdict.VALID;
        for (Map.Entry<String, Object> field : object) {
            if (!properties.containsKey(field.getKey())) {
                verdict = verdict.and(check(argument, field.getValue(), depth + 1));
                if (verdict == Verdict.INVALID) {
                    return verdict;
                }
            }
        }
        return verdict;
    }

    private Verdict items(JsonObject schema, Object argument, Object value, int depth) {
        JsonArray array = value instanceof JsonArray a ? a : value instanceof List<?> l ? new JsonArray(l) : null;
        if (array == null) {
            return Verdict.VALID;
        }
        if (schema.containsKey("prefixItems") || argument instanceof JsonArray) {
            return Verdict.UNKNOWN;
        }
        Verdict verdict = Verdict.VALID;
        for (int i = 0; i < array.size(); i++) {
            verdict = verdict.and(check(argument, array.getValue(i), depth + 1));
            if (verdict == Verdict.INVALID) {
                return verdict;
            }
        }
        return verdict;
    }

    private Verdict allOf(Object argument, Object value, int depth) {
        if (!(argument instanceof JsonArray all)) {
            return Verdict.UNKNOWN;
        }
        Verdict verdict = Verdict.VALID;
        for (Object branch : all) {
            verdict = verdict.and(check(branch, value, depth + 1));
            if (verdict == Verdict.INVALID) {
                return verdict;
            }
        }
        return verdict;
    }

    private Verdict anyOf(Object argument, Object value, int depth) {
        if (!(argument instanceof JsonArray any)) {
            return Verdict.UNKNOWN;
        }
        Verdict verdict = Verdict.INVALID;
        for (Object branch : any) {
            Verdict one = check(branch, value, depth + 1);
            if (one == Verdict.VALID) {
                return one;
            }
            if (one == Verdict.UNKNOWN) {
                verdict = one;
            }
        }
        return verdict;
    }

    private Verdict oneOf(Object argument, Object value, int depth) {
        if (!(argument instanceof JsonArray one)) {
            return Verdict.UNKNOWN;
        }
        int valid = 0;
        boolean unknown = false;
        for (Object branch : one) {
            Verdict verdict = check(branch, value, depth + 1);
            valid += verdict == Verdict.VALID ? 1 : 0;
            unknown |= verdict == Verdict.UNKNOWN;
        }
        if (valid > 1) {
            return Verdict.INVALID;
        }
        if (unknown) {
            return Verdict.UNKNOWN;
        }
        return valid == 1 ? Verdict.VALID : Verdict.INVALID;
    }

    private static Verdict not(Verdict inner) {
        return switch (inner) {
            case VALID -> Verdict.INVALID;
            case INVALID -> Verdict.VALID;
            case UNKNOWN -> Verdict.UNKNOWN;
        };
    }

    @SuppressWarnings("unchecked")
    private static JsonObject object(Object value) {
        if (value instanceof JsonObject object) {
            return object;
        }
        return value instanceof Map<?, ?> map ? new JsonObject((Map<String, Object>) map) : null;
    }
}
