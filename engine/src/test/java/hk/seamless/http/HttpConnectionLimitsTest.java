package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.config.EngineConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Connections that hold the engine without finishing a request are closed: headers never
 * completed, a body that stops half way, a kept-alive connection left idle. Short limits here so
 * the tests wait little; what is asserted is the close, never how long it took.
 */
class HttpConnectionLimitsTest extends EngineHarness {

    @Override
    protected EngineConfig configure(EngineConfig config) {
        return config.withHttpLimits(
                config.http().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofMillis(300)));
    }

    @Test
    void aConnectionThatNeverFinishesItsHeadersIsClosed() {
        try (RawHttp http = RawHttp.open(engine.port(), 10_000)) {
            http.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
            assertEquals("", http.readUntilClosed(), "closed without an answer: there is no request to answer");
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosed() {
        try (RawHttp http = RawHttp.open(engine.port(), 10_000)) {
            assertEquals("", http.readUntilClosed());
        }
    }

    @Test
    void aBodyThatStopsHalfWayIsClosed() {
        try (RawHttp http = RawHttp.open(engine.port(), 10_000)) {
            http.send("POST /api/v1/registrations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"role\":");
            assertEquals("", http.readUntilClosed(), "the body never came whole: nothing to answer");
        }
    }

    @Test
    void aKeptAliveConnectionLeftIdleIsClosedAfterItsAnswer() {
        try (RawHttp http = RawHttp.open(engine.port(), 10_000)) {
            http.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            String all = http.readUntilClosed();
            assertEquals(200, RawHttp.statusOf(all));
            assertTrue(all.contains("\"UP\""), all);
        }
    }

    @Test
    void aKeptAliveConnectionInUseIsNotCutBetweenRequests() {
        try (RawHttp http = RawHttp.open(engine.port(), 10_000)) {
            for (int i = 0; i < 3; i++) {
                http.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                String head = http.readHead();
                assertEquals(200, RawHttp.statusOf(head), "request " + i);
                assertTrue(http.readBody(head).contains("\"UP\""));
            }
        }
    }
}
