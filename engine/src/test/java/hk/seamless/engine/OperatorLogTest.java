package hk.seamless.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log as an operator's log shipper sees it, from the engine as a real process: JSON lines with
 * a timestamp and a level, a line per registry write with no secret in it, and a port conflict
 * said in one line that names the setting instead of a stack trace.
 */
class OperatorLogTest {

    @TempDir
    Path data;

    @Test
    void jsonLinesWithALinePerRegistryWriteAndAPortConflictInOneLine() throws Exception {
        Path log = data.resolve("engine.log");
        EngineProcess engine = EngineProcess.start(data.resolve("a"), log, Map.of("SEAMLESS_LOG_FORMAT", "json"));
        String admin =
                Files.readString(data.resolve("a").resolve("admin.token")).strip();
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> registered = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + engine.port() + "/api/v1/registrations"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(new JsonObject()
                                    .put("role", "SHIPPER")
                                    .put("name", "Pearl River Electronics")
                                    .put("email", "ops@pearlriver.example")
                                    .put("password", "a long passphrase")
                                    .encode()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(202, registered.statusCode(), registered.body());

            // A second engine on the same port: one line naming the setting, no stack trace.
            Path otherLog = data.resolve("other.log");
            IllegalStateException refused = assertThrows(
                    IllegalStateException.class,
                    () -> EngineProcess.start(
                            data.resolve("b"),
                            otherLog,
                            Map.of("SEAMLESS_HTTP_PORT", Integer.toString(engine.port()))));
            assertTrue(refused.getMessage().contains("exited with 1"), refused.getMessage());
            String other = Files.readString(otherLog);
            assertTrue(
                    other.contains("cannot listen on 127.0.0.1:" + engine.port())
                            && other.contains("SEAMLESS_HTTP_PORT"),
                    other);
            assertFalse(other.contains("\tat ") || other.contains("Exception in thread"), other);
            assertFalse(
                    other.contains("already registered"),
                    "Vert.x's duplicate gauge warning is not an operator's concern");
        } finally {
            engine.stop();
        }

        List<String> lines =
                Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
        assertTrue(lines.size() >= 4, String.join("\n", lines));
        boolean registrationLogged = false;
        for (String line : lines) {
            JsonObject entry = new JsonObject(line); // every line is one JSON object
            assertTrue(entry.getLong("timestamp") > 0, line);
            assertTrue(List.of("ERROR", "WARN", "INFO").contains(entry.getString("level")), line);
            String message = entry.getString("formattedMessage");
            registrationLogged |= message.contains("REGISTRATION_SUBMITTED");
            assertFalse(
                    message.contains("a long passphrase") || message.contains(admin), "no secret in the log: " + line);
        }
        assertTrue(registrationLogged, "a line for the registry write: " + lines);
    }
}
