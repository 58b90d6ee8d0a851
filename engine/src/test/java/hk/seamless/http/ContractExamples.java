package hk.seamless.http;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The examples the contract gives: the request bodies tests send, and whether each fits its own schema. */
final class ContractExamples {

    private final ApiContract contract;

    ContractExamples(ApiContract contract) {
        this.contract = contract;
    }

    /** The request body example named {@code name} of an operation (application/json). */
    JsonObject requestExample(String operation, String name) {
        JsonObject examples = contract.operation(operation)
                .getJsonObject("requestBody")
                .getJsonObject("content")
                .getJsonObject("application/json")
                .getJsonObject("examples");
        if (examples == null || examples.getJsonObject(name) == null) {
            throw new AssertionError(operation + " has no request example named " + name);
        }
        return examples.getJsonObject(name).getJsonObject("value").copy();
    }

    /** Operations with JSON request examples, and the names of their examples. */
    Map<String, Set<String>> requestExamples() {
        Map<String, Set<String>> all = new java.util.TreeMap<>();
        for (String operation : contract.operations()) {
            JsonObject body = contract.operation(operation).getJsonObject("requestBody");
            JsonObject json =
                    body == null ? null : body.getJsonObject("content").getJsonObject("application/json");
            if (json != null && json.getJsonObject("examples") != null) {
                all.put(operation, new TreeSet<>(json.getJsonObject("examples").fieldNames()));
            }
        }
        return all;
    }

    /** Every JSON example the contract gives, request or response, that its own schema does not allow. */
    List<String> examplesThatDoNotFit() {
        List<String> problems = new ArrayList<>();
        for (String operation : contract.operations()) {
            JsonObject op = contract.operation(operation);
            JsonObject body = op.getJsonObject("requestBody");
            if (body != null) {
                checkExamples(operation + " request", body.getJsonObject("content"), problems);
            }
            JsonObject responses = op.getJsonObject("responses");
            for (String status : responses.fieldNames()) {
                JsonObject response = responses.getJsonObject(status);
                checkExamples(operation + " " + status, response.getJsonObject("content"), problems);
                JsonObject headers = response.getJsonObject("headers");
                for (String name : headers == null ? Set.<String>of() : headers.fieldNames()) {
                    // A header's examples sit beside its schema: one there by mistake broke the reference page once.
                    JsonObject header = headers.getJsonObject(name);
                    JsonObject examples = header.getJsonObject("examples", new JsonObject());
                    for (String example : examples.fieldNames()) {
                        SchemaFit.fits(
                                        header.getJsonObject("schema"),
                                        examples.getJsonObject(example).getValue("value"))
                                .forEach(p -> problems.add(operation + " " + status + " header " + name + " example "
                                        + example + ": " + p));
                    }
                }
            }
        }
        return problems;
    }

    private static void checkExamples(String where, JsonObject content, List<String> problems) {
        if (content == null) {
            return;
        }
        for (String mediaType : content.fieldNames()) {
            JsonObject media = content.getJsonObject(mediaType);
            JsonObject examples = media.getJsonObject("examples");
            if (!mediaType.endsWith("json") || media.getJsonObject("schema") == null || examples == null) {
                continue;
            }
            for (String name : examples.fieldNames()) {
                SchemaFit.fits(
                                media.getJsonObject("schema"),
                                examples.getJsonObject(name).getValue("value"))
                        .forEach(p -> problems.add(where + " example " + name + ": " + p));
            }
        }
    }
}
