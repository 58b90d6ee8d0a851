package hk.seamless.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 *
 * <p>The schema is compiled once, at start, into a tree of {@link Shape}s ({@link ShapeCompiler}):
 * walking the schema's own JSON for every body (each keyword looked up by name, each member wrapped
 * by the JSON object's iterator) was itself a quarter of a lodgement's event-loop time.
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

    private final Shape root;

    /**
     * @param document the shape-only contract the schema's references ({@code #/components/...}) point into
     * @param schema   the request body's schema
     */
    ShapeCheck(JsonObject document, Object schema) {
        this.root = new ShapeCompiler(document).compile(schema);
    }

    /**
     * @param body the body as the client sent it: a member given as null is read as not given, as
     *             the validator is shown it (not inside an array's items, which the validator sees as sent)
     */
    Verdict check(Object body) {
        return root.test(body, 0, true);
    }

    /**
     * One compiled schema, or one keyword of it.
     *
     * <p>{@code nullIsAbsent} is true where the validator is shown the body with its null members
     * left out: in the body and the objects reached from it through members, not below an array.
     */
    interface Shape {

        /** Deeper than any schema of the contract: a reference cycle is left to Vert.x. */
        int MAX_DEPTH = 64;

        Verdict test(Object value, int depth, boolean nullIsAbsent);
    }

    /** Compiles a schema's JSON into {@link Shape}s; each reference is compiled once, cycles included. */
    static final class ShapeCompiler {

        private final JsonObject document;
        private final Map<String, Reference> references = new HashMap<>();

        ShapeCompiler(JsonObject document) {
            this.document = document;
        }

        Shape compile(Object node) {
            if (node instanceof Boolean allowed) {
                return Constant.of(allowed ? Verdict.VALID : Verdict.INVALID);
            }
            if (!(node instanceof JsonObject schema)) {
                return Constant.of(Verdict.UNKNOWN);
            }
            List<Shape> keywords = new ArrayList<>();
            for (String keyword : schema.fieldNames()) {
                Shape compiled = ShapeKeywords.compile(this, schema, keyword, schema.getValue(keyword));
                if (compiled != null) {
                    keywords.add(compiled);
                }
            }
            return new AllKeywords(keywords.toArray(Shape[]::new));
        }

        Shape reference(Object argument) {
            if (!(argument instanceof String ref)) {
                return Constant.of(Verdict.UNKNOWN);
            }
            Reference known = references.get(ref);
            if (known != null) {
                return known;
            }
            Reference reference = new Reference();
            references.put(ref, reference);
            Object target = resolve(ref);
            reference.target = target == null ? Constant.of(Verdict.UNKNOWN) : compile(target);
            return reference;
        }

        /** The schema a reference points to in the document, or null. */
        private Object resolve(String ref) {
            if (!ref.startsWith("#/")) {
                return null;
            }
            Object target = document;
            for (String step : ref.substring(2).split("/", -1)) {
                String name = step.replace("~1", "/").replace("~0", "~");
                if (!(target instanceof JsonObject object) || !object.containsKey(name)) {
                    return null;
                }
                target = object.getValue(name);
            }
            return target;
        }
    }

    /** A verdict whatever the value: a boolean schema, or a keyword this check does not read. */
    record Constant(Verdict verdict) implements Shape {

        private static final Constant VALID = new Constant(Verdict.VALID);
        private static final Constant INVALID = new Constant(Verdict.INVALID);
        private static final Constant UNKNOWN = new Constant(Verdict.UNKNOWN);

        static Constant of(Verdict verdict) {
            return switch (verdict) {
                case VALID -> VALID;
                case INVALID -> INVALID;
                case UNKNOWN -> UNKNOWN;
            };
        }

        @Override
        public Verdict test(Object value, int depth, boolean nullIsAbsent) {
            return verdict;
        }
    }

    /** A schema object: every keyword holds, in the schema's order, the first refusal ending the walk. */
    private record AllKeywords(Shape[] keywords) implements Shape {

        @Override
        public Verdict test(Object value, int depth, boolean nullIsAbsent) {
            return depth > MAX_DEPTH ? Verdict.UNKNOWN : allHold(keywords, value, depth, nullIsAbsent);
        }
    }

    /** Every shape holds for the value, in order, the first refusal ending the walk (a schema's keywords, {@code allOf}). */
    static Verdict allHold(Shape[] shapes, Object value, int depth, boolean nullIsAbsent) {
        Verdict verdict = Verdict.VALID;
        for (Shape shape : shapes) {
            verdict = verdict.and(shape.test(value, depth, nullIsAbsent));
            if (verdict == Verdict.INVALID) {
                return verdict;
            }
        }
        return verdict;
    }

    /** {@code $ref}: the target is set once compiled, so that a schema may refer to itself. */
    private static final class Reference implements Shape {

        private Shape target;

        @Override
        public Verdict test(Object value, int depth, boolean nullIsAbsent) {
            return target.test(value, depth + 1, nullIsAbsent);
        }
    }

    /** The members of a JSON object however the parser gave it, or null if the value is not one. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> members(Object value) {
        if (value instanceof JsonObject object) {
            return object.getMap();
        }
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    /** The items of a JSON array however the parser gave it, or null if the value is not one. */
    static List<?> items(Object value) {
        if (value instanceof JsonArray array) {
            return array.getList();
        }
        return value instanceof List<?> list ? list : null;
    }
}
