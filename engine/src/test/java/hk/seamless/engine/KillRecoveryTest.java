package hk.seamless.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the engine acknowledged survives {@code kill -9}: writes answered 2xx are all there after
 * the process is killed and started again on the same data folder.
 */
class KillRecoveryTest {

    @TempDir
    Path data;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private int port;

    @Test
    void acknowledgedWritesSurviveSigkill() throws Exception {
        Path log = data.resolve("engine.log");
        // A checkpoint every 50 changes: several during the run, so the restart must combine a
        // checkpoint with the replay of what followed it.
        EngineProcess engine = EngineProcess.start(data, log, java.util.Map.of("SEAMLESS_CHECKPOINT_CHANGES", "50"));
        port = engine.port();
        String admin = Files.readString(data.resolve("admin.token")).strip();

        String shipper = approvedToken(admin, "SHIPPER", "kill-shipper@example.hk");
        String trucker = approvedToken(admin, "TRUCKER", "kill-trucker@example.hk");
        String date = LocalDate.now(ZoneId.of("Asia/Hong_Kong")).plusDays(3).toString();

        // Many lodgements in flight at once: they share journal flushes, and each 201 is a promise.
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            inFlight.add(sendAsync("POST", "/api/v1/consignments", shipper, consignment(date, "貨主 " + i)));
        }
        List<String> ccrns = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> f : inFlight) {
            HttpResponse<String> r = f.get();
            assertEquals(201, r.statusCode(), r.body());
            ccrns.add(new JsonObject(r.body()).getString("ccrn"));
        }
        assertEquals(
                201,
                send(
                                "POST",
                                "/api/v1/vehicles",
                                trucker,
                                new JsonObject()
                                        .put("registrationMark", "FU 1234")
                                        .put("rfidTag", "E2000017221101441890ABCD"))
                        .statusCode());
        HttpResponse<String> bundled = send(
                "POST",
                "/api/v1/bundles",
                trucker,
                new JsonObject()
                        .put("vehicleMark", "FU1234")
                        .put("direction", "IMPORT")
                        .put("ccrns", new JsonArray(ccrns.subList(0, 2))));
        assertEquals(201, bundled.statusCode(), bundled.body());
        String bundleId = new JsonObject(bundled.body()).getString("bundleId");
        HttpResponse<String> amended =
                send("PUT", "/api/v1/consignments/" + ccrns.get(5), shipper, consignment(date, "amended"));
        assertEquals(200, amended.statusCode(), amended.body());

        engine.kill();
        java.util.Properties checkpoint = new java.util.Properties();
        try (var in =
                Files.newInputStream(data.resolve("log").resolve("registry").resolve("checkpoint"))) {
            checkpoint.load(in);
        }
        long checkpointed = Long.parseLong(checkpoint.getProperty("sequence"));
        // Over 200 changes with a checkpoint due every 50, taken after a group commit: where the
        // groups end decides the last one (seen at 168 and at 200+), so two at least, not four.
        assertTrue(checkpointed >= 100, "checkpoints were taken during the run: " + checkpointed);
        EngineProcess restarted = EngineProcess.start(data, log);
        try {
            port = restarted.port();
            String text = Files.readString(log);
            assertTrue(
                    text.contains("Recovered from an unclean stop"),
                    "the restart must notice the kill and recover the stores");
            // An operator's log: recovery said once, Chronicle's repair reports not at ERROR (they
            // were one ERROR line per repaired chunk), a timestamp and a level on every line, and a
            // line for each registry write.
            List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
            assertEquals(
                    1,
                    lines.stream()
                            .filter(l -> l.contains("Recovered from an unclean stop"))
                            .count(),
                    text);
            String recovered = lines.stream()
                    .filter(l -> l.contains("Recovered from an unclean stop"))
                    .findFirst()
                    .orElseThrow();
            java.util.regex.Matcher replayed = java.util.regex.Pattern.compile(
                            "(\\d+) log entries after the checkpoint replayed")
                    .matcher(recovered);
            assertTrue(replayed.find(), recovered);
            assertTrue(
                    Integer.parseInt(replayed.group(1)) < 200, "only what followed the last checkpoint: " + recovered);
            assertTrue(lines.stream().noneMatch(l -> l.contains("ERROR") || l.contains("lowest free chunk")), text);
            assertTrue(
                    lines.stream()
                            .allMatch(l -> l.matches(
                                    "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S* (ERROR|WARN |INFO ) .*")),
                    text);
            assertEquals(
                    200,
                    lines.stream().filter(l -> l.contains("CONSIGNMENT_LODGED")).count(),
                    text);
            for (String ccrn : ccrns) {
                HttpResponse<String> r = send("GET", "/api/v1/consignments/" + ccrn, shipper, null);
                assertEquals(200, r.statusCode(), "lost " + ccrn + ": " + r.body());
            }
            JsonObject first = new JsonObject(send("GET", "/api/v1/consignments/" + ccrns.get(0), shipper, null)
                    .body());
            assertEquals("BUNDLED", first.getString("status"));
            assertEquals(bundleId, first.getString("bundleId"));
            JsonObject amendedAfter = new JsonObject(send("GET", "/api/v1/consignments/" + ccrns.get(5), shipper, null)
                    .body());
            assertEquals(2, amendedAfter.getInteger("version"));
            assertEquals("amended", amendedAfter.getJsonObject("consignor").getString("name"));
            JsonObject bundle = new JsonObject(
                    send("GET", "/api/v1/bundles/" + bundleId, trucker, null).body());
            assertEquals("ACTIVE", bundle.getString("status"));
            // The one-active-bundle rule still holds after recovery.
            assertEquals(
                    409,
                    send(
                                    "POST",
                                    "/api/v1/bundles",
                                    trucker,
                                    new JsonObject()
                                            .put("vehicleMark", "FU1234")
                                            .put("direction", "IMPORT")
                                            .put("empty", true))
                            .statusCode());
        } finally {
            restarted.stop();
        }
        hk.seamless.log.LogVerifier.Result verified =
                hk.seamless.log.LogVerifier.verify(data.resolve("log").resolve("registry"));
        assertTrue(verified.ok(), String.valueOf(verified.broken()));
    }

    private String approvedToken(String admin, String role, String email) throws Exception {
        HttpResponse<String> reg = send(
                "POST",
                "/api/v1/registrations",
                null,
                new JsonObject().put("role", role).put("name", role + " Co").put("email", email));
        assertEquals(202, reg.statusCode(), reg.body());
        String id = new JsonObject(reg.body()).getString("registrationId");
        HttpResponse<String> approved = send("POST", "/api/v1/admin/registrations/" + id + "/approve", admin, null);
        assertEquals(200, approved.statusCode(), approved.body());
        return new JsonObject(approved.body()).getString("token");
    }

    private static JsonObject consignment(String date, String consignorName) {
        return new JsonObject()
                .put("direction", "IMPORT")
                .put("expectedDate", date)
                .put("consignor", new JsonObject().put("name", consignorName).put("address", "深圳市福田區"))
                .put(
                        "consignee",
                        new JsonObject().put("name", "Kwun Tong Traders").put("address", "Kwun Tong, Kowloon"))
                .put(
                        "packaged",
                        new JsonObject()
                                .put("packageDescription", "CARTONS")
                                .put("packageCount", 12)
                                .put("articlesDescription", "mobile phones"));
    }

    private HttpRequest request(String method, String path, String token, JsonObject body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body.encode()))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    private HttpResponse<String> send(String method, String path, String token, JsonObject body) throws Exception {
        return http.send(request(method, path, token, body), HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> sendAsync(
            String method, String path, String token, JsonObject body) {
        return http.sendAsync(request(method, path, token, body), HttpResponse.BodyHandlers.ofString());
    }
}
