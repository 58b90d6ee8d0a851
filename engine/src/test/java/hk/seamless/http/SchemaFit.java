package hk.seamless.http;

import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a JSON value fits a (resolved) schema of the contract, by Vert.x's JSON Schema 2020-12
 * validator, not the engine's code; and what does not fit, in a line a test failure can show.
 */
final class SchemaFit {

    private SchemaFit() {}

    /** Checks a JSON value against a (resolved) schema of the contract; empty when it fits. */
    static List<String> fits(JsonObject schema, Object instance) {
        OutputUnit result = validator(schema).validate(instance);
        return Boolean.TRUE.equals(result.getValid()) ? List.of() : List.of(summary(result));
    }

    private static Validator validator(JsonObject schema) {
        return Validator.create(
                JsonSchema.of(schema),
                new JsonSchemaOptions()
                        .setDraft(Draft.DRAFT202012)
                        .setBaseUri("app:///")
                        .setOutputFormat(OutputFormat.Basic));
    }

    static String summary(OutputUnit unit) {
        List<String> lines = new ArrayList<>();
        if (unit.getErrors() != null) {
            for (OutputUnit e : unit.getErrors()) {
                lines.add((e.getInstanceLocation() == null ? "" : e.getInstanceLocation()) + " " + e.getError() + " ("
                        + e.getKeywordLocation() + ")");
            }
        }
        if (lines.isEmpty()) {
            lines.add(String.valueOf(unit.getError()));
        }
        return String.join("; ", lines.subList(0, Math.min(lines.size(), 12)));
    }

    /** A path or query value as the JSON its schema speaks of: a number or a boolean where the schema says so. */
    static Object typed(JsonObject schema, String value) {
        try {
            return switch (String.valueOf(schema.getValue("type"))) {
                case "integer" -> Long.parseLong(value);
                case "number" -> Double.parseDouble(value);
                case "boolean" -> "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : value;
                default -> value;
            };
        } catch (NumberFormatException notANumber) {
            return value; // the schema then refuses it, naming the value
        }
    }
}
