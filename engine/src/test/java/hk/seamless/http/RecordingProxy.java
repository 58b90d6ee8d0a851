package hk.seamless.http;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A reverse proxy on loopback in front of one engine that writes down every request it passes on:
 * method, path, query, media type and body. A WebSocket upgrade is recorded as its upgrade request
 * and then passed through frame by frame, closes included, so a caller behind the proxy runs exactly
 * as it would against the engine. For checking what a client sends against the contract.
 */
final class RecordingProxy implements AutoCloseable {

    /** One request as the client sent it; {@code upgrade} for a WebSocket handshake. */
    record Call(String method, String path, String query, String contentType, Buffer body, boolean upgrade) {

        String line() {
            return method + " " + path + (query == null ? "" : "?" + query) + (upgrade ? " (WebSocket upgrade)" : "");
        }
    }

    /** Headers that belong to one hop (RFC 9110 7.6.1), and the ones the proxy's own client sets. */
    private static final Set<String> HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-connection",
            "transfer-encoding",
            "te",
            "trailer",
            "upgrade",
            "host",
            "content-length",
            "http2-settings");
    /** The WebSocket handshake's own headers: the proxy's client makes its own handshake with the engine. */
    private static final Set<String> HANDSHAKE =
            Set.of("sec-websocket-key", "sec-websocket-version", "sec-websocket-extensions", "sec-websocket-accept");

    private final int enginePort;
    private final HttpServer server;
    private final HttpClient client;
    private final WebSocketClient sockets;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    private RecordingProxy(Vertx vertx, int enginePort) {
        this.enginePort = enginePort;
        this.client = vertx.createHttpClient(
                new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(enginePort),
                new io.vertx.core.http.PoolOptions().setHttp1MaxSize(64));
        this.sockets = vertx.createWebSocketClient();
        this.server = vertx.createHttpServer(
                        new HttpServerOptions().setHost("127.0.0.1").setPort(0).setHttp2ClearTextEnabled(false))
                .requestHandler(this::handle);
    }

    /** A proxy listening on an ephemeral loopback port, passing everything to the engine on {@code enginePort}. */
    static RecordingProxy start(Vertx vertx, int enginePort) throws Exception {
        RecordingProxy proxy = new RecordingProxy(vertx, enginePort);
        proxy.server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return proxy;
    }

    int port() {
        return server.actualPort();
    }

    /** Every request so far, in the order they came. */
    List<Call> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpServerRequest request) {
        if (request.canUpgradeToWebSocket()) {
            calls.add(new Call(request.method().name(), request.path(), request.query(), null, null, true));
            passWebSocket(request);
            return;
        }
        request.body().onSuccess(body -> {
            calls.add(new Call(
                    request.method().name(),
                    request.path(),
                    request.query(),
                    request.getHeader("Content-Type"),
                    body,
                    false));
            RequestOptions forward = new RequestOptions()
                    .setMethod(request.method())
                    .setURI(request.uri())
                    .setHeaders(endToEnd(request.headers(), Set.of()));
            client.request(forward)
                    .compose(engineRequest -> engineRequest.send(body))
                    .onSuccess(answer -> answer.body()
                            .onSuccess(answerBody -> {
                                request.response()
                                        .setStatusCode(answer.statusCode())
                                        .setStatusMessage(answer.statusMessage());
                                request.response().headers().addAll(endToEnd(answer.headers(), Set.of()));
                                request.response().end(answerBody);
                            })
                            .onFailure(e -> failed(request, e)))
                    .onFailure(e -> failed(request, e));
        });
    }

    private static void failed(HttpServerRequest request, Throwable e) {
        if (!request.response().ended()) {
            request.response().setStatusCode(502).end("the proxy could not reach the engine: " + e);
        }
    }

    /** Connects to the engine with the client's headers first, so that a refusal (401, 404) reaches the client as the engine said it. */
    private void passWebSocket(HttpServerRequest request) {
        // Paused while the engine is asked: Vert.x upgrades a request later only if it has not been read meanwhile.
        request.pause();
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost("127.0.0.1")
                .setPort(enginePort)
                .setURI(request.uri())
                .setHeaders(endToEnd(request.headers(), HANDSHAKE));
        sockets.connect(options)
                .onSuccess(engineSide -> {
                    // Held until the client's side is open: what the engine says at once (a hello) must not be lost.
                    engineSide.pause();
                    request.toWebSocket()
                            .onSuccess(clientSide -> pipe(clientSide, engineSide))
                            .onFailure(e -> engineSide.close());
                })
                .onFailure(e -> {
                    int status = e instanceof UpgradeRejectedException rejected ? rejected.getStatus() : 502;
                    request.response().setStatusCode(status).end();
                });
    }

    private static void pipe(ServerWebSocket clientSide, WebSocket engineSide) {
        clientSide.textMessageHandler(engineSide::writeTextMessage);
        clientSide.binaryMessageHandler(engineSide::writeBinaryMessage);
        engineSide.textMessageHandler(clientSide::writeTextMessage);
        engineSide.binaryMessageHandler(clientSide::writeBinaryMessage);
        clientSide.closeHandler(closed -> {
            if (!engineSide.isClosed()) {
                engineSide.close(sendable(clientSide.closeStatusCode()), clientSide.closeReason());
            }
        });
        engineSide.closeHandler(closed -> {
            if (!clientSide.isClosed()) {
                clientSide.close(sendable(engineSide.closeStatusCode()), engineSide.closeReason());
            }
        });
        clientSide.exceptionHandler(e -> engineSide.close());
        engineSide.exceptionHandler(e -> clientSide.close());
        engineSide.resume();
    }

    /** A close code as it may go on the wire: 1005 (none given) and 1006 (dropped) are for reporting only. */
    private static short sendable(Short code) {
        return code == null || code == 1005 || code == 1006 || code == 1015 ? 1000 : code;
    }

    private static MultiMap endToEnd(MultiMap headers, Set<String> alsoDropped) {
        MultiMap kept = MultiMap.caseInsensitiveMultiMap();
        headers.forEach(h -> {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (!HOP.contains(name) && !alsoDropped.contains(name)) {
                kept.add(h.getKey(), h.getValue());
            }
        });
        return kept;
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        client.close();
        sockets.close();
    }
}
