package hk.seamless.engine;

import hk.seamless.config.EngineConfig;
import hk.seamless.http.HttpApiVerticle;
import hk.seamless.log.OwnerOnly;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** The engine's HTTP servers put to listen, and the file that says where they listen. */
final class HttpServers {

    private HttpServers() {}

    /**
     * One server per event loop, sharing the port (Vert.x spreads the connections over them). With
     * port 0 (tests) the instances share the one random port the first of them was given.
     *
     * @return the port they listen on
     */
    static int deploy(Vertx vertx, EngineConfig config, Supplier<Router> router) {
        int instances = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        List<HttpApiVerticle> deployed = new CopyOnWriteArrayList<>();
        // Vert.x shares one random port among servers asked for the same negative port; 0 would
        // give each instance a port of its own.
        int port = config.server().httpPort() == 0 ? -1 : config.server().httpPort();
        try {
            StartStep.await(vertx.deployVerticle(
                            () -> {
                                HttpApiVerticle verticle = new HttpApiVerticle(
                                        config.server().httpHost(), port, config.http(), vx -> router.get());
                                deployed.add(verticle);
                                return verticle;
                            },
                            new DeploymentOptions().setInstances(instances))
                    .toCompletionStage()
                    .toCompletableFuture());
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BindException bind) {
                    throw new StartFailure(cannotListen(config, bind), bind);
                }
                if (cause instanceof java.net.UnknownHostException unknown) {
                    throw new StartFailure(
                            "cannot listen on " + config.server().httpHost() + ": no such address or host name."
                                    + " Set httpHost (SEAMLESS_HTTP_HOST) to an address of this machine",
                            unknown);
                }
            }
            throw e;
        }
        Set<Integer> ports = new HashSet<>();
        deployed.forEach(v -> ports.add(v.actualPort()));
        if (ports.size() != 1) {
            throw new IllegalStateException("HTTP servers listen on different ports " + ports);
        }
        return ports.iterator().next();
    }

    /** Why the port could not be had, and which setting puts it right: the port is taken, or the address is not ours. */
    private static String cannotListen(EngineConfig config, BindException bind) {
        String where = "cannot listen on " + config.server().httpHost() + ":"
                + config.server().httpPort() + " (" + bind.getMessage() + "): ";
        String message = String.valueOf(bind.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (message.contains("assign") || message.contains("not available")) {
            return where + config.server().httpHost() + " is not an address of this machine. Set httpHost"
                    + " (SEAMLESS_HTTP_HOST) to one of its addresses, or 0.0.0.0 for all of them";
        }
        return where + "another program, or another engine, has that port. Stop it, or set httpPort"
                + " (SEAMLESS_HTTP_PORT) or httpHost (SEAMLESS_HTTP_HOST)";
    }

    /**
     * Says where the engine listens, for scripts and tests that started it on port 0. Written to a
     * temporary file and moved into place, so a reader never sees it half-written (empty).
     */
    static void writePortFile(Path dataDir, int port) throws IOException {
        Path portFile = dataDir.resolve("http.port");
        Path written = dataDir.resolve("http.port.tmp");
        Files.writeString(written, Integer.toString(port));
        OwnerOnly.file(written);
        Files.move(written, portFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
