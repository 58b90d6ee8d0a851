package hk.seamless.lanesim;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Where the run's WebSockets come from: one Vert.x WebSocket client on its own event loops, as
 * many as the machine has cores (at most 4), for every lane's devices and gates. At 5,000
 * arrivals a second over thousands of lanes the JDK's WebSocket cost the sender thread more than
 * the arrivals themselves (each text message encoded and masked on the caller, a scheduler and a
 * future per send); Netty frames and masks the messages on the event loops, and the messages the
 * engine sends back are handled there too.
 */
final class LaneSockets implements AutoCloseable {

    /** A lane has up to four sockets (camera, RFID reader, button, gate): thousands of lanes, many thousands of sockets. */
    private static final int MAX_SOCKETS_PER_ENGINE = 100_000;

    private final Vertx vertx;
    private final WebSocketClient client;

    LaneSockets() {
        int loops = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(MAX_SOCKETS_PER_ENGINE)
                .setConnectTimeout(10_000)
                .setTcpNoDelay(true));
    }

    /** Opens a socket with the device's bearer token; fails if the engine refuses it or does not answer in 15 s. */
    WsConnection open(URI uri, String bearerToken, Consumer<String> onText, Consumer<String> onProblem)
            throws Exception {
        return WsConnection.open(client, uri, bearerToken, onText, onProblem);
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway: the run is over
        }
    }
}
