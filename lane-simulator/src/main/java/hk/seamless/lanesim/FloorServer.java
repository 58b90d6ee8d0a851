package hk.seamless.lanesim;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor: a trivial server on loopback that speaks the engine's lane protocol and decides
 * nothing. Each plate or tag read (a lane-stream text frame, or an HTTP POST) is answered at once
 * with a fake RELEASE pushed to that lane's gate socket, naming the plate (canonical) or the EPC
 * as vehicle. It runs on Vert.x, as the engine does, with as many event loops as the engine's HTTP
 * servers, so that the same traffic against it shows what the client, loopback and the HTTP and
 * WebSocket stack cost alone: the engine's latency divided by the floor's is the engine's own share.
 */
final class FloorServer implements AutoCloseable {

    private final Vertx vertx;
    /** Where the servers (one per event loop, sharing it) listen. */
    private final int port;

    private final Map<String, CopyOnWriteArrayList<ServerWebSocket>> gates = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();
    /** The event loops that took a lane socket: the engine's servers spread theirs over all of them. */
    private final java.util.Set<String> loopsServing = ConcurrentHashMap.newKeySet();

    FloorServer() {
        // The engine deploys one HTTP server per core, at most 4, sharing its port: so does the floor.
        // One server alone would be served by one event loop, however many the pool has.
        int loops = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        List<EchoServer> deployed = new CopyOnWriteArrayList<>();
        try {
            vertx.deployVerticle(
                            () -> {
                                EchoServer server = new EchoServer();
                                deployed.add(server);
                                return server;
                            },
                            new DeploymentOptions().setInstances(loops))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("the floor server could not listen on loopback", e);
        }
        this.port = deployed.get(0).server.actualPort();
    }

    /** One of the servers: they share one random port (Vert.x shares a port asked for as -1). */
    private final class EchoServer extends VerticleBase {
        private HttpServer server;

        @Override
        public Future<?> start() {
            server = vertx.createHttpServer(new HttpServerOptions()
                            .setHost("127.0.0.1")
                            .setPort(-1)
                            .setTcpNoDelay(true))
                    .webSocketHandler(FloorServer.this::webSocket)
                    .requestHandler(FloorServer.this::http);
            return server.listen();
        }
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    java.util.Set<String> loopsServing() {
        return java.util.Set.copyOf(loopsServing);
    }

    long reads() {
        return reads.get();
    }

    private void http(HttpServerRequest request) {
        String lane = lane(request.path());
        String path = request.path();
        String kind = path.endsWith("/plate-reads")
                ? "plate"
                : path.endsWith("/tag-reads") ? "tag" : path.endsWith("/empty-declarations") ? "empty" : null;
        if (lane == null || kind == null || request.method() != io.vertx.core.http.HttpMethod.POST) {
            request.response()
                    .setStatusCode(404)
                    .putHeader("Content-Type", "application/json")
                    .end("{\"title\":\"Not found\"}");
            return;
        }
        request.body().onSuccess(body -> {
            String arrivalId = "F-" + ids.incrementAndGet();
            request.response()
                    .setStatusCode(202)
                    .putHeader("Content-Type", "application/json")
                    .end(JsonTemplate.field(new StringBuilder(32).append('{'), "arrivalId", arrivalId)
                            .append('}')
                            .toString());
            onRead(lane, kind, new JsonObject(body), arrivalId);
        });
    }

    private void webSocket(ServerWebSocket socket) {
        loopsServing.add(Thread.currentThread().getName());
        String lane = lane(socket.path());
        if (lane == null) {
            socket.close((short) 1008, "no such lane");
            return;
        }
        if (socket.path().endsWith("/gate")) {
            List<ServerWebSocket> laneGates = gates.computeIfAbsent(lane, l -> new CopyOnWriteArrayList<>());
            laneGates.add(socket);
            socket.closeHandler(closed -> laneGates.remove(socket));
            return;
        }
        socket.textMessageHandler(text -> {
            JsonObject read = new JsonObject(text);
            String kind = read.getValue("kind") instanceof String k ? k : "";
            String arrivalId = "F-" + ids.incrementAndGet();
            if ("empty".equals(kind)) {
                // As the engine does for a read that does not complete an arrival.
                socket.writeTextMessage(JsonTemplate.field(
                                new StringBuilder(48).append("{\"kind\":\"accepted\","), "arrivalId", arrivalId)
                        .append('}')
                        .toString());
            }
            onRead(lane, kind, read, arrivalId);
        });
    }

    /** A plate or tag read: a fake decision to the lane's gates at once. EMPTY presses are only counted. */
    private void onRead(String lane, String kind, JsonObject read, String arrivalId) {
        reads.incrementAndGet();
        String vehicle = switch (kind) {
            case "plate" -> SimVehicle.canonical(String.valueOf(plateOf(read)));
            case "tag" -> read.getValue("epc") instanceof String epc ? epc : null;
            default -> null;
        };
        if (vehicle == null) {
            return;
        }
        String decision = fakeDecision(arrivalId, lane, vehicle);
        for (ServerWebSocket gate : gates.getOrDefault(lane, new CopyOnWriteArrayList<>())) {
            // A gate that went away meanwhile fails this write, harmlessly.
            gate.writeTextMessage(decision);
        }
    }

    /** A template, as the engine's decisions are pushed thousands a second: the values escaped by {@link JsonTemplate}. */
    static String fakeDecision(String arrivalId, String lane, String vehicle) {
        StringBuilder json = new StringBuilder(160).append("{\"kind\":\"decision\",");
        JsonTemplate.field(json, "arrivalId", arrivalId).append(',');
        JsonTemplate.field(json, "lane", lane).append(',');
        return JsonTemplate.field(json, "vehicleMark", vehicle)
                .append(",\"decision\":\"RELEASE\",\"reasons\":[],\"display\":\"PROCEED\"}")
                .toString();
    }

    /** The best plate of an alpr_results document (results[0].plate), or null. */
    static String plateOf(JsonObject read) {
        return read.getValue("results") instanceof JsonArray results
                        && !results.isEmpty()
                        && results.getValue(0) instanceof JsonObject best
                        && best.getValue("plate") instanceof String plate
                ? plate
                : null;
    }

    /** "LMC-S-01" out of "/lane/v1/lanes/LMC-S-01/stream". */
    static String lane(String path) {
        String prefix = "/lane/v1/lanes/";
        if (path == null || !path.startsWith(prefix)) {
            return null;
        }
        int end = path.indexOf('/', prefix.length());
        return end < 0 ? null : path.substring(prefix.length(), end);
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
