package hk.seamless.lanesim;

import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One WebSocket to the engine (a Vert.x client socket, HTTP/1.1 upgrade) with a bearer token. A
 * send never waits for the network: the message is written on the socket's event loop, and
 * messages sent from one thread go out in the order sent. Whole text messages go to
 * {@code onText} on that event loop, so it must not block.
 */
final class WsConnection {

    private final Consumer<String> onProblem;
    private final ClientWebSocket socket;
    private volatile boolean closed;
    /** Completes when the server has closed its side too (or the socket failed). */
    private final CompletableFuture<Void> peerClosed = new CompletableFuture<>();

    /** The handlers are set before the socket connects: nothing the engine sends first (a lane state) is missed. */
    private WsConnection(ClientWebSocket socket, Consumer<String> onText, Consumer<String> onProblem) {
        this.socket = socket;
        this.onProblem = onProblem;
        socket.textMessageHandler(message -> {
            try {
                onText.accept(message);
            } catch (RuntimeException e) {
                onProblem.accept("could not handle " + Excerpt.of(message) + ": " + e);
            }
        });
        socket.exceptionHandler(error -> {
            if (!closed) {
                onProblem.accept("socket error: " + error);
            }
        });
        socket.closeHandler(done -> {
            if (!closed) {
                onProblem.accept(
                        "socket closed by the server: " + socket.closeStatusCode() + " " + socket.closeReason());
            }
            closed = true;
            peerClosed.complete(null);
        });
    }

    static WsConnection open(
            WebSocketClient client, URI uri, String bearerToken, Consumer<String> onText, Consumer<String> onProblem)
            throws Exception {
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setAbsoluteURI(uri.toString())
                .addHeader("Authorization", "Bearer " + bearerToken)
                .setTimeout(15_000);
        WsConnection connection = new WsConnection(client.webSocket(), onText, onProblem);
        connection
                .socket
                .connect(options)
                .toCompletionStage()
                .toCompletableFuture()
                .get(15, TimeUnit.SECONDS);
        return connection;
    }

    /** ws:// or wss:// for the target's http:// or https://, and the path. */
    static URI uri(URI base, String path) {
        String scheme = "https".equals(base.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + "://" + base.getRawAuthority() + path);
    }

    void send(String text) {
        if (closed) {
            return;
        }
        socket.writeTextMessage(text).onFailure(error -> {
            if (!closed) {
                onProblem.accept("send failed: " + error);
            }
        });
    }

    void close() {
        closed = true;
        if (!socket.isClosed()) {
            try {
                socket.close((short) 1000, "run over")
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                // the socket is being torn down anyway
            }
        }
    }

    /** Closes, and waits (up to 2 s) until the server has closed its side too: the close is complete. */
    void closeAndWait() {
        close();
        try {
            peerClosed.get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the server did not answer the close in time: it will see the connection reset
        }
    }
}
