package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quick shape check never takes a body Vert.x's validator would refuse, nor refuses one it would
 * take: every documented example body of every checked operation, and each of them bent in every way
 * a field can be (left out, given another type, nested in the wrong place, an unknown field added),
 * goes to both, and where the quick check decides it must agree with the validator.
 */
class ShapeCheckTest {

    private static Vertx vertx;
    private static RequestContract contract;

    @BeforeAll
    static void load() throws Exception {
        vertx = Vertx.vertx();
        contract = RequestContract.load(vertx)
                .toCompletionStage()
                .toCompletableFuture()
                .get();
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void whereTheQuickCheckDecidesItAgreesWithTheValidator() {
        Map<String, List<JsonObject>> examples = documentedExamples();
        int decided = 0;
        int bodies = 0;
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<String, List<JsonObject>> operation : examples.entrySet()) {
            if (!contract.checkedOperations().contains(operation.getKey())) {
                continue;
            }
            for (JsonObject example : operation.getValue()) {
                for (JsonObject body : bentFrom(example)) {
                    bodies++;
                    ShapeCheck.Verdict quick = contract.quickVerdict(operation.getKey(), body);
                    boolean accepted = contract.validatorAccepts(operation.getKey(), body);
                    if (quick == ShapeCheck.Verdict.UNKNOWN) {
                        continue;
                    }
                    decided++;
                    if ((quick == ShapeCheck.Verdict.VALID) != accepted) {
                        disagreements.add(operation.getKey() + ": quick " + quick + ", validator " + accepted + " on "
                                + body.encode());
                    }
                }
            }
        }
        assertEquals(List.of(), disagreements);
        assertTrue(bodies > 1_000, "bodies tried: " + bodies);
        assertTrue(decided > bodies / 2, "decided " + decided + " of " + bodies);
    }

    @Test
    void aWellFormedLodgementIsProvedWithoutTheValidator() {
        for (JsonObject example : documentedExamples().get("lodgeConsignment")) {
            assertEquals(
                    ShapeCheck.Verdict.VALID, contract.quickVerdict("lodgeConsignment", example), example.encode());
        }
        JsonObject both = documentedExamples().get("lodgeConsignment").get(0).copy();
        both.put("bulk", new JsonObject().put("description", "Diesel").put("grossWeightKg", 18000));
        assertEquals(ShapeCheck.Verdict.INVALID, contract.quickVerdict("lodgeConsignment", both));
        assertEquals(false, contract.validatorAccepts("lodgeConsignment", both));
    }

    /**
     * The validator is shown the body with its members given as null left out, but not the members
     * of objects inside arrays: the quick check reads nulls the same way, without copying the body.
     */
    @Test
    void aNullMemberIsNotGivenExceptInsideAnArraysItems() {
        JsonObject line = new JsonObject()
                .put("type", "object")
                .put("required", new JsonArray().add("name"))
                .put(
                        "properties",
                        new JsonObject()
                                .put("name", new JsonObject().put("type", "string"))
                                .put("note", new JsonObject().put("type", "string")));
        JsonObject schema = new JsonObject()
                .put("type", "object")
                .put("required", new JsonArray().add("name"))
                .put("additionalProperties", false)
                .put(
                        "properties",
                        new JsonObject()
                                .put("name", new JsonObject().put("type", "string"))
                                .put("note", new JsonObject().put("type", "string"))
                                .put(
                                        "lines",
                                        new JsonObject().put("type", "array").put("items", line)));
        ShapeCheck check = new ShapeCheck(new JsonObject(), schema);

        JsonObject named = new JsonObject().put("name", "Kim");
        assertEquals(ShapeCheck.Verdict.VALID, check.check(named.copy().putNull("note")));
        assertEquals(ShapeCheck.Verdict.VALID, check.check(named.copy().putNull("unknownField")));
        assertEquals(ShapeCheck.Verdict.INVALID, check.check(new JsonObject().putNull("name")));
        JsonObject lineWithNull = new JsonObject().put("name", "x").putNull("note");
        assertNotEquals(
                ShapeCheck.Verdict.VALID,
                check.check(named.copy().put("lines", new JsonArray().add(lineWithNull))),
                "inside an array a null member is given, and null is not a string");
        assertEquals(
                ShapeCheck.Verdict.VALID,
                check.check(named.copy().put("lines", new JsonArray().add(new JsonObject().put("name", "x")))));
    }

    /** Every documented JSON request example, by operation id. */
    private static Map<String, List<JsonObject>> documentedExamples() {
        Map<String, List<JsonObject>> found = new LinkedHashMap<>();
        JsonObject paths = RequestContract.readDocument().getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.fieldNames()) {
                if (!(item.getValue(method) instanceof JsonObject operation)
                        || !(operation.getValue("requestBody") instanceof JsonObject requestBody)) {
                    continue;
                }
                JsonObject json = requestBody.getJsonObject("content").getJsonObject("application/json");
                if (json == null) {
                    continue;
                }
                List<JsonObject> bodies =
                        found.computeIfAbsent(operation.getString("operationId"), id -> new ArrayList<>());
                if (json.getValue("example") instanceof JsonObject example) {
                    bodies.add(example);
                }
                if (json.getValue("examples") instanceof JsonObject named) {
                    named.forEach(e -> {
                        if (e.getValue() instanceof JsonObject ex && ex.getValue("value") instanceof JsonObject value) {
                            bodies.add(value);
                        }
                    });
                }
            }
        }
        return found;
    }

    /** The example itself, and one body per way each of its fields (at any depth) can be bent. */
    private static List<JsonObject> bentFrom(JsonObject example) {
        List<JsonObject> bodies = new ArrayList<>();
        bodies.add(example);
        bend(example, example, new ArrayList<>(), bodies);
        return bodies;
    }

    private static final List<Object> OTHER_VALUES = List.of(
            "text",
            7,
            -3L,
            2.5,
            2.0,
            true,
            new JsonObject(),
            new JsonObject().put("x", 1),
            new JsonArray(),
            new JsonArray().add("a"),
            new JsonArray().add(new JsonObject()));

    private static void bend(JsonObject root, Object node, List<Object> path, List<JsonObject> out) {
        if (node instanceof JsonObject object) {
            out.add(replaced(root, path, object.copy().put("unknownField", 1)));
            for (String field : object.fieldNames()) {
                List<Object> at = new ArrayList<>(path);
                at.add(field);
                JsonObject without = object.copy();
                without.remove(field);
                out.add(replaced(root, path, without));
                for (Object other : OTHER_VALUES) {
                    out.add(replaced(root, at, other));
                }
                out.add(replaced(root, at, null));
                bend(root, object.getValue(field), at, out);
            }
        } else if (node instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                List<Object> at = new ArrayList<>(path);
                at.add(i);
                for (Object other : OTHER_VALUES) {
                    out.add(replaced(root, at, other));
                }
                // A null item is seen by the validator as sent (only members given as null are left out).
                out.add(replaced(root, at, null));
                bend(root, array.getValue(i), at, out);
            }
        }
    }

    /** A copy of {@code root} with the value at {@code path} replaced (the root itself for an empty path). */
    private static JsonObject replaced(JsonObject root, List<Object> path, Object value) {
        if (path.isEmpty()) {
            return ((JsonObject) value).copy();
        }
        JsonObject copy = root.copy();
        Object parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = parent instanceof JsonObject o
                    ? o.getValue((String) path.get(i))
                    : ((JsonArray) parent).getValue((Integer) path.get(i));
        }
        Object last = path.get(path.size() - 1);
        Object copied = value instanceof JsonObject o ? o.copy() : value instanceof JsonArray a ? a.copy() : value;
        if (parent instanceof JsonObject o) {
            o.put((String) last, copied);
        } else {
            ((JsonArray) parent).set((Integer) last, copied);
        }
        return copy;
    }
}
