package hk.seamless.http;

import hk.seamless.config.HttpLimits;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.function.Function;

/** One HTTP server instance on one event loop; the engine deploys one per core on the same port. */
public final class HttpApiVerticle extends VerticleBase {

    private final String host;
    private final int port;
    private final HttpLimits limits;
    private final Function<io.vertx.core.Vertx, Router> routerFactory;
    private HttpServer server;

    public HttpApiVerticle(
            String host, int port, HttpLimits limits, Function<io.vertx.core.Vertx, Router> routerFactory) {
        this.host = host;
        this.port = port;
        this.limits = limits;
        this.routerFactory = routerFactory;
    }

    @Override
    public Future<?> start() {
        HttpServerOptions options = new HttpServerOptions()
                .setHost(host)
                .setPort(port)
                .setMaxHeaderSize(16 * 1024)
                .setCompressionSupported(true)
                .setMaxWebSocketFrameSize(64 * 1024)
                .setMaxWebSocketMessageSize(64 * 1024)
                // HTTP/1.1 only: no waiting for a connection's first bytes to tell it from HTTP/2, so
                // every connection is known (and watched) from the moment it is accepted.
                .setHttp2ClearTextEnabled(false);
        Router router = routerFactory.apply(vertx);
        ConnectionWatch watch = new ConnectionWatch(limits);
        watch.start(vertx);
        return vertx.createHttpServer(options)
                .invalidRequestHandler(
                        new InvalidRequests(options.getMaxInitialLineLength(), options.getMaxHeaderSize()))
                .connectionHandler(watch::opened)
                .requestHandler(request -> {
                    watch.requestArrived(request);
                    router.handle(request);
                })
                .listen()
                .onSuccess(s -> server = s);
    }

    public int actualPort() {
        return server.actualPort();
    }
}
