package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Requests shaped so that they used to go unanswered, end in a 500, or leave a socket or a log
 * line behind (issue 11): each is sent byte for byte and must get its 4xx, and, where the caller
 * is not to go on, a closed connection.
 */
class HttpRequestShapeTest extends EngineHarness {

    private static final String CSV = "direction,expectedDate,consignor.name,consignor.address,consignee.name,"
            + "consignee.address,packaged.packageDescription,packaged.packageCount,packaged.articlesDescription,"
            + "bulk.grossWeightKg,bulk.quantity,bulk.description\n";

    private String host() {
        return "Host: 127.0.0.1:" + engine.port() + "\r\n";
    }

    private String post(String path, String headers, String body) {
        return "POST " + path + " HTTP/1.1\r\n" + host() + headers + "Content-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body;
    }

    @Test
    void aBatchWithAMalformedIdempotencyKeyIsAnswered() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String answer = RawHttp.exchange(
                engine.port(),
                post(
                        "/api/v1/consignments/batch",
                        "Authorization: Bearer " + shipper.token()
                                + "\r\nContent-Type: text/csv\r\nIdempotency-Key: a b\r\n",
                        CSV));
        assertEquals(400, RawHttp.statusOf(answer), answer);
        assertTrue(answer.contains("Idempotency-Key"), answer);
    }

    @Test
    void aRegistrationWithAPasswordAndAMalformedIdempotencyKeyIsAnswered() {
        String body = new JsonObject()
                .put("role", "SHIPPER")
                .put("name", "Key Test Ltd")
                .put("email", TradeApiClient.uniqueEmail("key"))
                .put("password", "correct horse battery")
                .encode();
        String answer = RawHttp.exchange(
                engine.port(),
                post("/api/v1/registrations", "Content-Type: application/json\r\nIdempotency-Key: a b\r\n", body));
        assertEquals(400, RawHttp.statusOf(answer), answer);
        assertTrue(answer.contains("Idempotency-Key"), answer);
    }

    @Test
    void aCallbackThatRefusesStillAnswers() {
        // A refusal found after the password hash (on a worker): the key is good, the e-mail taken.
        String email = TradeApiClient.uniqueEmail("twice");
        api.register("SHIPPER", email, "correct horse battery").expect(202);
        String body = new JsonObject()
                .put("role", "SHIPPER")
                .put("name", "Twice Ltd")
                .put("email", email)
                .put("password", "correct horse battery")
                .encode();
        String answer = RawHttp.exchange(
                engine.port(),
                post(
                        "/api/v1/registrations",
                        "Content-Type: application/json\r\nIdempotency-Key: twice-" + email + "\r\n",
                        body));
        assertEquals(409, RawHttp.statusOf(answer), answer);
    }

    @Test
    void traceWithAMultipartBodyIsA405() {
        String answer = RawHttp.exchange(
                engine.port(),
                "TRACE /api/v1/consignments HTTP/1.1\r\n" + host()
                        + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertEquals(405, RawHttp.statusOf(answer), answer);
        assertTrue(answer.contains("application/problem+json"), answer);
    }

    @Test
    void aMadeUpMethodIsA405() {
        String answer = RawHttp.exchange(
                engine.port(), "BREW /api/v1/consignments HTTP/1.1\r\n" + host() + "Connection: close\r\n\r\n");
        assertEquals(405, RawHttp.statusOf(answer), answer);
    }

    @Test
    void chunkedFollowedByAnotherCodingIsA400AndTheConnectionCloses() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        try (RawHttp http = RawHttp.open(engine.port(), 10_000)) {
            http.send(
                    "POST /api/v1/consignments HTTP/1.1\r\n" + host() + "Authorization: Bearer " + shipper.token()
                            + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked, identity\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
            String answer = http.readUntilClosed();
            assertEquals(400, RawHttp.statusOf(answer), answer);
        }
    }

    @Test
    void aRefusedWebSocketUpgradeIsAnsweredAndClosed() {
        String upgrade = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n";
        try (RawHttp http = RawHttp.open(engine.port(), 10_000)) {
            http.send("GET /console/v1/feed HTTP/1.1\r\n" + host() + upgrade);
            assertEquals(401, RawHttp.statusOf(http.readUntilClosed()));
        }
        try (RawHttp http = RawHttp.open(engine.port(), 10_000)) {
            http.send("GET /lane/v1/lanes/SBC-S-01/gate HTTP/1.1\r\n" + host() + "Authorization: Bearer nope\r\n"
                    + upgrade);
            int status = RawHttp.statusOf(http.readUntilClosed());
            assertTrue(status == 401 || status == 403, "status " + status);
        }
    }

    @Test
    void anAnonymousBatchIsRefusedBeforeItsBodyIsRead() {
        try (RawHttp http = RawHttp.open(engine.port(), 10_000)) {
            // Announces 10 MiB and sends none of it: the answer must not wait for the body.
            http.send("POST /api/v1/consignments/batch HTTP/1.1\r\n" + host()
                    + "Content-Type: text/csv\r\nContent-Length: 10485760\r\n\r\n");
            String answer = http.readUntilClosed();
            assertEquals(401, RawHttp.statusOf(answer), answer);
        }
    }

    @Test
    void aLaneIdWithALineBreakCannotForgeALogLine() {
        List<String> logged;
        try (LogCapture capture = new LogCapture(LaneRoutes.class)) {
            String answer = RawHttp.exchange(
                    engine.port(),
                    post(
                            "/lane/v1/lanes/SBC-S-01%0d%0aERROR%20forged%20by%20a%20caller/plate-reads",
                            "Content-Type: application/json\r\n", "{}"));
            assertEquals(404, RawHttp.statusOf(answer), answer);
            logged = capture.messages();
        }
        String refusal = logged.stream()
                .filter(m -> m.contains("Refused a device message"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the refusal is logged: " + logged));
        assertFalse(
                refusal.contains("\r") || refusal.contains("\n"), "a caller wrote a log line of its own: " + refusal);
        assertTrue(refusal.contains("\\r\\nERROR forged by a caller"), "the line break is shown escaped: " + refusal);
    }

    @Test
    void aRequestLineTooLongIsA414() {
        String path = "/api/v1/risk/watchlist/" + "x".repeat(3000);
        String answer =
                RawHttp.exchange(engine.port(), "GET " + path + " HTTP/1.1\r\n" + host() + "Connection: close\r\n\r\n");
        assertEquals(401, RawHttp.statusOf(answer), answer);
        String tooLong = RawHttp.exchange(
                engine.port(), "GET /" + "x".repeat(20_000) + " HTTP/1.1\r\n" + host() + "Connection: close\r\n\r\n");
        assertEquals(414, RawHttp.statusOf(tooLong), tooLong);
        assertTrue(tooLong.contains("application/problem+json") && tooLong.contains("\"status\":414"), tooLong);
        assertTrue(tooLong.contains("request line"), "names what was too long: " + tooLong);
    }

    @Test
    void headersTooLargeAndBytesThatAreNotHttpAreProblemsToo() {
        String bigHeaders = RawHttp.exchange(
                engine.port(),
                "GET /health HTTP/1.1\r\n" + host() + "X-Padding: " + "p".repeat(20_000)
                        + "\r\nConnection: close\r\n\r\n");
        assertEquals(431, RawHttp.statusOf(bigHeaders), bigHeaders);
        assertTrue(bigHeaders.contains("application/problem+json") && bigHeaders.contains("headers"), bigHeaders);
        String garbage =
                RawHttp.exchange(engine.port(), "GET /health HTTP/1.1\r\n" + host() + "Content-Length: x\r\n\r\n");
        assertEquals(400, RawHttp.statusOf(garbage), garbage);
        assertTrue(garbage.contains("application/problem+json"), garbage);
    }

    @Test
    void aProbeMayAskForTheHealthHeadersAlone() {
        ApiResponse head = api.send("HEAD", "/health", null, null, null).expect(200);
        assertTrue(head.body().isEmpty());
        assertTrue(head.contentType().startsWith("application/json"), head.describe());
    }

    @Test
    void logValuesEscapeControlCharacters() {
        assertEquals("a\\r\\nb\\u0000\\u001b[31m", LogValues.escape("a\r\nb\u0000\u001b[31m"));
        assertEquals("null", LogValues.escape(null));
        assertTrue(LogValues.escape("x".repeat(5000)).length() < 400);
    }
}
