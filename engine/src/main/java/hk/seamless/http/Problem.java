package hk.seamless.http;

import hk.seamless.rules.FieldError;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** RFC 9457 problem details: every error the engine gives, in one shape. */
public final class Problem {

    public static final String CONTENT_TYPE = "application/problem+json";

    private Problem() {}

    public static JsonObject of(int status, String title, String detail, List<FieldError> errors) {
        JsonObject problem = new JsonObject()
                .put("type", "urn:seamless:problem:" + slug(title))
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        if (errors != null && !errors.isEmpty()) {
            JsonArray list = new JsonArray();
            errors.forEach(e -> list.add(new JsonObject()
                    .put("field", e.field())
                    .put("code", e.code())
                    .put("message", e.message())));
            problem.put("errors", list);
        }
        return problem;
    }

    public static void send(
            HttpServerResponse response, int status, String title, String detail, List<FieldError> errors) {
        if (response.ended() || response.headWritten()) {
            return;
        }
        response.setStatusCode(status)
                .putHeader("Content-Type", CONTENT_TYPE)
                .end(of(status, title, detail, errors).encode());
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }
}
