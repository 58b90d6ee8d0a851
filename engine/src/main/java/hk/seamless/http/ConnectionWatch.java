package hk.seamless.http;

import hk.seamless.config.HttpLimits;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every connection of one HTTP server moving: a connection that does not finish its headers,
 * drips its body, sits idle between requests, or whose request nobody answers, is answered or
 * closed instead of being held. One sweep per server, on the server's own event loop, looks at each
 * connection's latest request: HTTP/1.1 handles a connection's requests one after the other.
 *
 * <p>Not the server's idle timeout: that one would also close a gate controller's WebSocket that
 * is quiet for a night. Connections that became WebSockets are left alone here; their peers'
 * health is the lane hub's business.
 */
final class ConnectionWatch {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionWatch.class);

    /** How long the rest of a refused body is read and dropped before the connection is closed. */
    private static final long LINGER_MILLIS = 2_000;

    private final HttpLimits limits;
    private final Map<HttpConnection, Watched> connections = new IdentityHashMap<>();

    /** What is known of one connection; touched on its event loop only. */
    private static final class Watched {
        final long openedAt;
        HttpServerRequest request;
        long requestAt;
        long answeredAt;
        boolean upgrade;

        Watched(long now) {
            this.openedAt = now;
        }
    }

    ConnectionWatch(HttpLimits limits) {
        this.limits = limits;
    }

    /** Starts the sweep on the calling (the server's) context. */
    void start(Vertx vertx) {
        long every = Math.max(20, Math.min(1_000, limits.headerTimeout().toMillis() / 4));
        vertx.setPeriodic(every, id -> sweep(now()));
    }

    void opened(HttpConnection connection) {
        connections.put(connection, new Watched(now()));
        connection.closeHandler(v -> connections.remove(connection));
    }

    void requestArrived(HttpServerRequest request) {
        HttpConnection connection = request.connection();
        Watched watched = connections.computeIfAbsent(connection, c -> new Watched(now()));
        watched.request = request;
        watched.requestAt = now();
        watched.answeredAt = 0;
        // A WebSocket handshake; not an h2c upgrade offer, which HTTP/1.1 answers as a plain request.
        watched.upgrade = "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
    }

    private void sweep(long now) {
        for (Map.Entry<HttpConnection, Watched> entry : List.copyOf(connections.entrySet())) {
            String reason = overdue(entry.getValue(), now);
            if (reason != null) {
                LOG.debug("Closing a connection from {}: {}", entry.getKey().remoteAddress(), reason);
                connections.remove(entry.getKey());
                entry.getKey().close();
            }
        }
    }

    /** Why the connection is to be closed now, or null to keep it. */
    private String overdue(Watched w, long now) {
        HttpServerRequest request = w.request;
        if (request == null) {
            return now - w.openedAt > limits.headerTimeout().toMillis() ? "no complete request headers" : null;
        }
        if (w.upgrade) {
            // A refused upgrade is closed once answered: the client expects no further request on it.
            return !request.response().ended() || request.response().getStatusCode() == 101 ? null : "upgrade refused";
        }
        if (!request.response().ended()) {
            if (!request.isEnded()) {
                return now - w.requestAt > limits.bodyTimeout().toMillis() ? "body not complete in time" : null;
            }
            // A streamed answer under way (its head sent: the feed's snapshot) is not overdue:
            // the time it takes is the size of what is sent, not a handler that never answered.
            if (!request.response().headWritten()
                    && now - w.requestAt > limits.answerTimeout().toMillis()) {
                LOG.error(
                        "No answer to {} {} after {} (a defect); answering 503 and closing",
                        request.method(),
                        LogValues.escape(request.path()),
                        limits.answerTimeout());
                Problem.send(
                        request.response(),
                        503,
                        "Unavailable",
                        "the engine did not answer in time; try again",
                        List.of());
                return "unanswered";
            }
            return null;
        }
        if (w.answeredAt == 0) {
            w.answeredAt = now;
        }
        if (!request.isEnded()) {
            // Answered before its body was read (unauthenticated, too large, wrong type): the rest is
            // read and dropped for a moment, so that closing with it unread does not reset the
            // connection under the answer before the caller has read it (RFC 9112, 9.6).
            return now - w.answeredAt > LINGER_MILLIS ? "answered before its body" : null;
        }
        return now - w.answeredAt > limits.idleTimeout().toMillis() ? "idle" : null;
    }

    private static long now() {
        return System.nanoTime() / 1_000_000;
    }
}
