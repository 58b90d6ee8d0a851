package hk.seamless.http;

import hk.seamless.http.ShapeCheck.Constant;
import hk.seamless.http.ShapeCheck.Shape;
import hk.seamless.http.ShapeCheck.ShapeCompiler;
import hk.seamless.http.ShapeCheck.Verdict;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schema keywords {@link ShapeCheck} reads, each compiled from its argument once. Each answers
 * as JSON Schema 2020-12 does for the values a JSON parser gives, and {@link Verdict#UNKNOWN} where
 * that is not certain (the validator then decides).
 */
final class ShapeKeywords {

    /** Keywords that only annotate (JSON Schema 2020-12, OpenAPI 3.1): they never make a body invalid. */
    private static final Set<String> ANNOTATIONS =
            Set.of("description", "title", "summary", "default", "deprecated", "readOnly", "writeOnly", "$comment");

    private static final Set<String> TYPES =
            Set.of("object", "array", "string", "boolean", "null", "number", "integer");

    private ShapeKeywords() {}

    /** The keyword compiled, or null for one that only annotates. */
    static Shape compile(ShapeCompiler compiler, JsonObject schema, String keyword, Object argument) {
        if (ANNOTATIONS.contains(keyword) || keyword.startsWith("x-")) {
            return null;
        }
        return switch (keyword) {
            case "$ref" -> compiler.reference(argument);
            case "type" -> type(argument);
            case "properties" ->
                argument instanceof JsonObject properties
                        ? new Members(compiledEach(compiler, properties), null)
                        : new UnknownForObjects();
            case "required" ->
                argument instanceof JsonArray names
                        ? new Required(names.getList().toArray())
                        : new UnknownForObjects();
            case "additionalProperties" ->
                schema.containsKey("patternProperties")
                        ? new UnknownForObjects()
                        : new Members(
                                passedOver(
                                        schema.getValue("properties") instanceof JsonObject p
                                                ? p.fieldNames()
                                                : Set.of()),
                                compiler.compile(argument));
            case "items" ->
                schema.containsKey("prefixItems") || argument instanceof JsonArray
                        ? new UnknownForArrays()
                        : new Items(compiler.compile(argument));
            case "allOf" -> argument instanceof JsonArray all ? new AllOf(compiledEach(compiler, all)) : unknown();
            case "anyOf" -> argument instanceof JsonArray any ? new AnyOf(compiledEach(compiler, any)) : unknown();
            case "oneOf" -> argument instanceof JsonArray one ? new OneOf(compiledEach(compiler, one)) : unknown();
            case "not" -> new Not(compiler.compile(argument));
            default -> unknown();
        };
    }

    private static Shape unknown() {
        return Constant.of(Verdict.UNKNOWN);
    }

    private static Shape[] compiledEach(ShapeCompiler compiler, JsonArray schemas) {
        Shape[] compiled = new Shape[schemas.size()];
        for (int i = 0; i < compiled.length; i++) {
            compiled[i] = compiler.compile(schemas.getValue(i));
        }
        return compiled;
    }

    private static Map<String, Shape> compiledEach(ShapeCompiler compiler, JsonObject schemas) {
        Map<String, Shape> compiled = new HashMap<>();
        for (String name : schemas.fieldNames()) {
            compiled.put(name, compiler.compile(schemas.getValue(name)));
        }
        return Map.copyOf(compiled);
    }

    /** The members {@code properties} names, which {@code additionalProperties} leaves to it. */
    private static Map<String, Shape> passedOver(Set<String> named) {
        Map<String, Shape> passed = new HashMap<>();
        named.forEach(name -> passed.put(name, Constant.of(Verdict.VALID)));
        return Map.copyOf(passed);
    }

    private static Shape type(Object argument) {
        if (argument instanceof String single) {
            return (value, depth, nullIsAbsent) -> typeIs(single, value);
        }
        if (!(argument instanceof JsonArray any)) {
            return unknown();
        }
        Object[] types = any.getList().toArray();
        return (value, depth, nullIsAbsent) -> {
            Verdict verdict = Verdict.INVALID;
            for (Object type : types) {
                Verdict one = type instanceof String name ? typeIs(name, value) : Verdict.UNKNOWN;
                if (one == Verdict.VALID) {
                    return one;
                }
                if (one == Verdict.UNKNOWN) {
                    verdict = one;
                }
            }
            return verdict;
        };
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
        boolean unsettled =
                (type.equals("integer") || type.equals("number")) && value instanceof Number || !TYPES.contains(type);
        return unsettled ? Verdict.UNKNOWN : Verdict.INVALID;
    }

    /** A member given as null where the validator is shown the body without its null members. */
    private static boolean absent(Object member, boolean nullIsAbsent) {
        return member == null && nullIsAbsent;
    }

    /**
     * {@code properties} and {@code additionalProperties}: each member keeps the schema given for its
     * name, and a member not named keeps {@code others} (none for {@code properties}).
     */
    private record Members(Map<String, Shape> byName, Shape others) implements Shape {

        @Override
        public Verdict test(Object value, int depth, boolean nullIsAbsent) {
            Map<String, Object> members = ShapeCheck.members(value);
            if (members == null) {
                return Verdict.VALID;
            }
            Verdict verdict = Verdict.VALID;
            for (Map.Entry<String, Object> member : members.entrySet()) {
                Shape schema = byName.getOrDefault(member.getKey(), others);
                if (schema == null || absent(member.getValue(), nullIsAbsent)) {
                    continue;
                }
                verdict = verdict.and(schema.test(member.getValue(), depth + 1, nullIsAbsent));
                if (verdict == Verdict.INVALID) {
                    return verdict;
                }
            }
            return verdict;
        }
    }

    /** {@code required}: each name is a member (a null member inside an array's item is the validator's to judge). */
    private record Required(Object[] names) implements Shape {

        @Override
        public Verdict test(Object value, int depth, boolean nullIsAbsent) {
            Map<String, Object> members = ShapeCheck.members(value);
            if (members == null) {
                return Verdict.VALID;
            }
            Verdict verdict = Verdict.VALID;
            for (Object name : names) {
                if (!(name instanceof String field)) {
                    return Verdict.UNKNOWN;
                }
                Object member = members.get(field);
                if (member == null && (nullIsAbsent || !members.containsKey(field))) {
                    return Verdict.INVALID;
                }
                if (member == null) {
                    verdict = Verdict.UNKNOWN;
                }
            }
            return verdict;
        }
    }

    /** {@code items}: each item keeps the schema; below an array the validator sees null members as sent. */
    private record Items(Shape schema) implements Shape {

        @Override
        public Verdict test(Object value, int depth, boolean nullIsAbsent) {
            List<?> items = ShapeCheck.items(value);
            if (items == null) {
                return Verdict.VALID;
            }
            Verdict verdict = Verdict.VALID;
            for (Object item : items) {
                verdict = verdict.and(schema.test(item, depth + 1, false));
                if (verdict == Verdict.INVALID) {
                    return verdict;
                }
            }
            return verdict;
        }
    }

    /** A keyword about objects this check cannot read (e.g. beside {@code patternProperties}). */
    private record UnknownForObjects() implements Shape {

        @Override
        public Verdict test(Object value, int depth, boolean nullIsAbsent) {
            return ShapeCheck.members(value) == null ? Verdict.VALID : Verdict.UNKNOWN;
        }
    }

    /** A keyword about arrays this check cannot read (tuples: {@code prefixItems}). */
    private record UnknownForArrays() implements Shape {

        @Override
        public Verdict test(Object value, int depth, boolean nullIsAbsent) {
            return ShapeCheck.items(value) == null ? Verdict.VALID : Verdict.UNKNOWN;
        }
    }

    private record AllOf(Shape[] branches) implements Shape {

        @Override
        public Verdict test(Object value, int depth, boolean nullIsAbsent) {
            return ShapeCheck.allHold(branches, value, depth + 1, nullIsAbsent);
        }
    }

    private record AnyOf(Shape[] branches) implements Shape {

        @Override
        public Verdict test(Object value, int depth, boolean nullIsAbsent) {
            Verdict verdict = Verdict.INVALID;
            for (Shape branch : branches) {
                Verdict one = branch.test(value, depth + 1, nullIsAbsent);
                if (one == Verdict.VALID) {
                    return one;
                }
                if (one == Verdict.UNKNOWN) {
                    verdict = one;
                }
            }
            return verdict;
        }
    }

    private record OneOf(Shape[] branches) implements Shape {

        @Override
        public Verdict test(Object value, int depth, boolean nullIsAbsent) {
            int valid = 0;
            boolean unknown = false;
            for (Shape branch : branches) {
                Verdict verdict = branch.test(value, depth + 1, nullIsAbsent);
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
    }

    private record Not(Shape inner) implements Shape {

        @Override
        public Verdict test(Object value, int depth, boolean nullIsAbsent) {
            return switch (inner.test(value, depth + 1, nullIsAbsent)) {
                case VALID -> Verdict.INVALID;
                case INVALID -> Verdict.VALID;
                case UNKNOWN -> Verdict.UNKNOWN;
            };
        }
    }
}
