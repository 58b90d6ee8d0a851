package hk.seamless.lanesim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One WebSocket to the engine (JDK {@link WebSocket}, HTTP/1.1 upgrade) with a bearer token.
 * The JDK allows one outstanding send per socket, so sends are queued here and written in order;
 * a caller never waits for the network. Whole text messages go to {@code onText}.
 */
final class WsConnection implements WebSocket.Listener {

    private final Consumer<String> onText;
    private final Consumer<String> onProblem;
    private final StringBuilder partial = new StringBuilder();
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private boolean sending;
    private volatile WebSocket socket;
    private volatile boolean closed;
    /** Completes when the server has closed its side too (or the socket failed). */
    private final CompletableFuture<Void> peerClosed = new CompletableFuture<>();

    private WsConnection(Consumer<String> onText, Consumer<String> onProblem) {
        this.onText = onText;
        this.onProblem = onProblem;
    }

    static WsConnection open(
            HttpClient http, URI uri, String bearerToken, Consumer<String> onText, Consumer<String> onProblem)
            throws Exception {
        WsConnection connection = new WsConnection(onText, onProblem);
        connection.socket = http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + bearerToken)
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, connection)
                .get(15, TimeUnit.SECONDS);
        return connection;
    }

    /** ws:// or wss:// for the target's http:// or https://, and the path. */
    static URI uri(URI base, String path) {
        String scheme = "https".equals(base.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + "://" + base.getRawAuthority() + path);
    }

    void send(String text) {
        synchronized (queue) {
            if (closed) {
                return;
            }
            if (sending) {
                queue.add(text);
                return;
            }
            sending = true;
        }
        write(text);
    }

    private void write(String text) {
        socket.sendText(text, true).whenComplete((ws, error) -> {
            if (error != null) {
                onProblem.accept("send failed: " + error);
            }
            String next;
            synchronized (queue) {
                next = queue.poll();
                if (next == null) {
                    sending = false;
                    return;
                }
            }
            write(next);
        });
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String message = partial.toString();
            partial.setLength(0);
            try {
                onText.accept(message);
            } catch (RuntimeException e) {
                onProblem.accept("could not handle " + Excerpt.of(message) + ": " + e);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (!closed) {
            onProblem.accept("socket closed by the server: " + statusCode + " " + reason);
        }
        closed = true;
        peerClosed.complete(null);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        if (!closed) {
            onProblem.accept("socket error: " + error);
        }
        closed = true;
        peerClosed.complete(null);
    }

    void close() {
        synchronized (queue) {
            closed = true;
        }
        WebSocket ws = socket;
        if (ws != null && !ws.isOutputClosed()) {
            CompletableFuture<WebSocket> done = ws.sendClose(WebSocket.NORMAL_CLOSURE, "run over");
            try {
                done.get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                ws.abort();
            }
        }
    }

    /** Closes, and waits (up to 2 s) until the server has closed its side too: the close is complete. */
    void closeAndWait() {
        close();
        try {
            peerClosed.get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            WebSocket ws = socket;
            if (ws != null) {
                ws.abort();
            }
        }
    }
}
