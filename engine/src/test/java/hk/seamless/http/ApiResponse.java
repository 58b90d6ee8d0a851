package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;

/** One HTTP answer, kept whole so a test can look at status, headers and body. */
public record ApiResponse(String request, int status, HttpHeaders headers, String body) {

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
        return header("Content-Type");
    }

    public JsonObject json() {
        try {
            return new JsonObject(body);
        } catch (RuntimeException e) {
            throw new AssertionError(describe() + ": body is not a JSON object", e);
        }
    }

    public ApiResponse expect(int expected) {
        if (status != expected) {
            fail("expected " + expected + " but got " + describe());
        }
        return this;
    }

    /** Asserts an RFC 9457 problem with this status and returns its body. */
    public JsonObject problem(int expected) {
        expect(expected);
        String type = contentType();
        assertNotNull(type, describe() + ": no Content-Type");
        assertTrue(
                type.startsWith("application/problem+json"),
                describe() + ": Content-Type " + type + " is not problem+json");
        JsonObject problem = json();
        assertEquals(expected, problem.getInteger("status"), describe() + ": problem status");
        assertNotNull(problem.getString("title"), describe() + ": problem without title");
        assertNotNull(problem.getString("type"), describe() + ": problem without type");
        return problem;
    }

    /** Asserts a problem with this status that names {@code field} in its errors. */
    public JsonObject problemNaming(int expected, String field) {
        JsonObject problem = problem(expected);
        List<String> fields = fields(problem);
        assertTrue(fields.contains(field), describe() + ": errors should name " + field + " but name " + fields);
        return problem;
    }

    public static List<String> fields(JsonObject withErrors) {
        List<String> names = new ArrayList<>();
        JsonArray errors = withErrors.getJsonArray("errors");
        if (errors != null) {
            for (int i = 0; i < errors.size(); i++) {
                names.add(errors.getJsonObject(i).getString("field"));
            }
        }
        return names;
    }

    public String describe() {
        String shown = body == null ? "" : body.length() > 600 ? body.substring(0, 600) + "..." : body;
        return request + " -> " + status + " " + shown;
    }
}
