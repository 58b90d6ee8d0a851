package hk.seamless.lanesim;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The simulator's only way out: a JDK HTTP client bound to one engine. Paths are resolved against
 * the target and redirects are never followed, so no request can reach another host.
 */
final class EngineClient {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;

    EngineClient(URI base) {
        this.base = base;
        // HTTP/1.1 on purpose: traders' systems use it, and over plain http the default HTTP/2
        // would add an h2c upgrade attempt to every new connection.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    URI base() {
        return base;
    }

    /** An engine answer: status and body text. */
    record Answer(int status, String body) {

        /** The body as the JSON object the engine answers; fails naming what came instead. */
        JsonObject json() {
            try {
                return new JsonObject(body);
            } catch (DecodeException | ClassCastException e) {
                throw new IllegalStateException(
                        "the engine answered " + status + " with no JSON object: " + Excerpt.of(body), e);
            }
        }

        /** This answer, when its status is {@code wanted}; else a failure naming {@code what} was being done. */
        Answer expect(int wanted, String what) {
            if (status != wanted) {
                throw new IllegalStateException(what + ": " + status + " " + Excerpt.of(body));
            }
            return this;
        }

        /** A string field the answer must have. */
        String text(String field) {
            if (!(json().getValue(field) instanceof String value)) {
                throw new IllegalStateException("no " + field + " in the engine's answer: " + Excerpt.of(body));
            }
            return value;
        }
    }

    Answer postJson(String path, String bearerToken, JsonObject json) throws IOException, InterruptedException {
        return postJson(path, bearerToken, json.encode());
    }

    /** Posts JSON already encoded (lodgement bodies made before a timed run, so that encoding is not timed). */
    Answer postJson(String path, String bearerToken, String json) throws IOException, InterruptedException {
        return post(path, bearerToken, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** A POST with no body, where the operation takes none (approving a registration). */
    Answer postEmpty(String path, String bearerToken) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(EngineTarget.resolve(base, path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody());
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        HttpResponse<String> response =
                http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body());
    }

    Answer get(String path, String bearerToken) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(EngineTarget.resolve(base, path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .GET();
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        HttpResponse<String> response =
                http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body());
    }

    /** A GET of a text resource with no auth, such as the engine's {@code /metrics}. */
    Answer getText(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(EngineTarget.resolve(base, path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "text/plain")
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body());
    }

    Answer delete(String path, String bearerToken) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(EngineTarget.resolve(base, path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + bearerToken)
                .DELETE()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body());
    }

    Answer post(String path, String bearerToken, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(EngineTarget.resolve(base, path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        HttpResponse<String> response =
                http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body());
    }
}
