package hk.seamless.http;

import static hk.seamless.http.RouteSupport.guarded;

import hk.seamless.gate.LaneHub;
import hk.seamless.lane.Device;
import hk.seamless.lane.DeviceKind;
import hk.seamless.lane.DeviceMessages;
import hk.seamless.lane.plate.OpenAlprDocument;
import hk.seamless.lane.plate.OpenAlprStreamReader;
import hk.seamless.lane.plate.PlateRead;
import hk.seamless.pipeline.LanePipeline;
import hk.seamless.pipeline.ReadOrigin;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The lane devices' side: plate reads, tag reads and EMPTY presses over HTTP or a lane stream, and
 * the gate controllers' sockets. Only translation: a read is checked, copied into the ring, and
 * answered when the pipeline says so. A full ring is answered at once (503) and the gate is held.
 */
public final class LaneRoutes {

    /** Each event loop parses into its own holder; the ring copies it, so one per thread suffices. */
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LaneRoutes.class);

    private static final ThreadLocal<PlateRead> PARSED = ThreadLocal.withInitial(PlateRead::new);
    /** Each event loop's streaming reader: a plate read goes from text to PlateRead without a JSON tree. */
    private static final ThreadLocal<OpenAlprStreamReader> READER = ThreadLocal.withInitial(OpenAlprStreamReader::new);

    private final LanePipeline pipeline;
    private final DeviceAuthentication devices;
    private final LaneHub hub;
    private final long readTimeoutMillis;

    public LaneRoutes(LanePipeline pipeline, DeviceAuthentication devices, LaneHub hub, long readTimeoutMillis) {
        this.pipeline = pipeline;
        this.devices = devices;
        this.hub = hub;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    public void mount(Router router) {
        router.post("/lane/v1/lanes/:lane/plate-reads").handler(logged(this::plateRead));
        router.post("/lane/v1/lanes/:lane/tag-reads").handler(logged(this::tagRead));
        router.post("/lane/v1/lanes/:lane/empty-declarations").handler(logged(this::emptyDeclaration));
        router.get("/lane/v1/lanes/:lane/stream").handler(guarded(this::stream));
        router.get("/lane/v1/lanes/:lane/gate").handler(guarded(this::gate));
    }

    /** A refused device message is logged: a lane whose camera keeps sending nonsense needs a technician. */
    private static io.vertx.core.Handler<RoutingContext> logged(io.vertx.core.Handler<RoutingContext> handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (RuntimeException e) {
                // The path and the message carry what the caller sent: escaped, so it cannot forge log lines.
                LOG.warn(
                        "Refused a device message on {} {}: {}",
                        ctx.request().method(),
                        LogValues.escape(ctx.request().path()),
                        LogValues.escape(e.getMessage()));
                Failures.send(ctx.response(), e);
            }
        };
    }

    private int lane(RoutingContext ctx) {
        int lane = pipeline.laneIndex(ctx.pathParam("lane"));
        if (lane < 0) {
            throw new HttpProblem(404, "Not found", "no lane " + ctx.pathParam("lane"));
        }
        return lane;
    }

    private void plateRead(RoutingContext ctx) {
        int lane = lane(ctx);
        devices.require(ctx.request(), ctx.pathParam("lane"), DeviceKind.CAMERA);
        PlateRead read = PARSED.get();
        read.clear();
        io.vertx.core.buffer.Buffer body = RequestBodies.jsonBody(ctx);
        if (RequestBodies.contractChecked(ctx) || !READER.get().read(body, read)) {
            // Not a JSON object (refused as always), or a router that checks the contract on the tree.
            OpenAlprDocument.read(RequestBodies.jsonObject(ctx), read);
        }
        ReadOrigin origin = new HttpReadOrigin(ctx, pipeline, lane, readTimeoutMillis);
        if (!pipeline.publishPlate(lane, read, origin)) {
            refuseFull(lane, origin);
        }
    }

    private void tagRead(RoutingContext ctx) {
        int lane = lane(ctx);
        devices.require(ctx.request(), ctx.pathParam("lane"), DeviceKind.RFID);
        String epc = DeviceMessages.tagRead(RequestBodies.jsonObject(ctx));
        ReadOrigin origin = new HttpReadOrigin(ctx, pipeline, lane, readTimeoutMillis);
        if (!pipeline.publishTag(lane, epc, origin)) {
            refuseFull(lane, origin);
        }
    }

    private void emptyDeclaration(RoutingContext ctx) {
        int lane = lane(ctx);
        devices.require(ctx.request(), ctx.pathParam("lane"), DeviceKind.BUTTON);
        DeviceMessages.emptyDeclaration(RequestBodies.jsonObject(ctx));
        ReadOrigin origin = new HttpReadOrigin(ctx, pipeline, lane, readTimeoutMillis);
        if (!pipeline.publishEmpty(lane, origin)) {
            refuseFull(lane, origin);
        }
    }

    private void refuseFull(int lane, ReadOrigin origin) {
        pipeline.hold(lane, "PIPELINE_FULL");
        origin.failed("the lane pipeline is full; the gate stays closed");
    }

    private void stream(RoutingContext ctx) {
        int lane = lane(ctx);
        Device device = devices.require(
                ctx.request(), ctx.pathParam("lane"), DeviceKind.CAMERA, DeviceKind.RFID, DeviceKind.BUTTON);
        ctx.request().toWebSocket().onFailure(e -> refusedUpgrade(ctx, e)).onSuccess(socket -> {
            hub.addStream(lane, socket);
            Runnable forget = devices.closeOnRevocation(device, socket);
            LOG.info(
                    "{} {} connected its stream on {} from {}",
                    device.kind(),
                    device.id(),
                    pipeline.lane(lane).id(),
                    socket.remoteAddress());
            socket.closeHandler(v -> {
                forget.run();
                hub.removeStream(lane, socket);
                LOG.info(
                        "{} {} disconnected its stream on {}",
                        device.kind(),
                        device.id(),
                        pipeline.lane(lane).id());
            });
            socket.textMessageHandler(text -> onStreamMessage(lane, device, socket, text));
        });
    }

    private void onStreamMessage(int lane, Device device, ServerWebSocket socket, String text) {
        try {
            if (device.kind() == DeviceKind.CAMERA) {
                PlateRead read = PARSED.get();
                read.clear();
                if (READER.get().readPlateMessage(text, read)) {
                    ReadOrigin origin = new StreamReadOrigin(socket);
                    if (!pipeline.publishPlate(lane, read, origin)) {
                        refuseFull(lane, origin);
                    }
                    return;
                }
                // Not an object, or not of kind "plate": refused below as always.
            }
            JsonObject message = new JsonObject(text);
            String kind = message.getString("kind");
            ReadOrigin origin = new StreamReadOrigin(socket);
            boolean taken;
            if ("plate".equals(kind) && device.kind() == DeviceKind.CAMERA) {
                PlateRead read = PARSED.get();
                read.clear();
                OpenAlprDocument.read(message, read);
                taken = pipeline.publishPlate(lane, read, origin);
            } else if ("tag".equals(kind) && device.kind() == DeviceKind.RFID) {
                taken = pipeline.publishTag(lane, DeviceMessages.tagRead(message), origin);
            } else if ("empty".equals(kind) && device.kind() == DeviceKind.BUTTON) {
                DeviceMessages.emptyDeclaration(message);
                taken = pipeline.publishEmpty(lane, origin);
            } else {
                throw new HttpProblem(
                        kind == null || !List.of("plate", "tag", "empty").contains(kind) ? 400 : 403,
                        "Refused",
                        "a " + device.kind() + " cannot send a message of kind " + kind);
            }
            if (!taken) {
                refuseFull(lane, origin);
            }
        } catch (DecodeException | ClassCastException e) {
            LOG.warn(
                    "Refused a frame on the stream of {}: not a JSON object",
                    pipeline.lane(lane).id());
            socket.writeTextMessage(StreamErrors.of(400, "the message is not a JSON object", List.of()));
        } catch (RuntimeException e) {
            LOG.warn(
                    "Refused a frame on the stream of {}: {}",
                    pipeline.lane(lane).id(),
                    LogValues.escape(e.getMessage()));
            socket.writeTextMessage(StreamErrors.of(e));
        }
    }

    private void gate(RoutingContext ctx) {
        int lane = lane(ctx);
        Device gate = devices.require(ctx.request(), ctx.pathParam("lane"), DeviceKind.GATE);
        ctx.request().toWebSocket().onFailure(e -> refusedUpgrade(ctx, e)).onSuccess(socket -> {
            hub.addGate(lane, socket);
            LOG.info(
                    "Gate {} connected on {} from {}",
                    gate.id(),
                    pipeline.lane(lane).id(),
                    socket.remoteAddress());
            laneState(lane);
            Runnable forget = devices.closeOnRevocation(gate, socket);
            socket.closeHandler(v -> {
                forget.run();
                hub.removeGate(lane, socket);
                // Until it is back the lane's decisions reach no gate: it stays closed (fail-safe).
                LOG.warn(
                        "Gate {} disconnected from {}{}",
                        gate.id(),
                        pipeline.lane(lane).id(),
                        hub.gateConnected(lane) ? "" : ": the lane has no gate connected");
                laneState(lane);
            });
            socket.textMessageHandler(text -> onGateMessage(lane, socket, text));
        });
    }

    private static final String GATE_MESSAGES =
            "a gate sends {\"ack\": arrivalId, \"state\": \"OPENED\" or \"CLOSED\"},"
                    + " {\"status\": \"FAULT\" or \"READY\"}, or its loop detector's {\"loop\": \"CLEAR\" or \"OCCUPIED\"}";

    private void onGateMessage(int lane, ServerWebSocket socket, String text) {
        try {
            JsonObject message = new JsonObject(text);
            if (message.containsKey("status")) {
                onGateStatus(lane, socket, message.getValue("status"));
            } else if (message.containsKey("loop")) {
                onLoop(lane, socket, message.getValue("loop"));
            } else {
                onGateAck(lane, socket, message);
            }
        } catch (DecodeException | ClassCastException e) {
            socket.writeTextMessage(StreamErrors.of(400, "the message is not a JSON object", List.of()));
        }
    }

    private void onGateAck(int lane, ServerWebSocket socket, JsonObject message) {
        Object ack = message.getValue("ack");
        Object state = message.getValue("state");
        if (!(ack instanceof String arrivalId)
                || arrivalId.isBlank()
                || arrivalId.length() > 80
                || !("OPENED".equals(state) || "CLOSED".equals(state))) {
            socket.writeTextMessage(StreamErrors.of(400, GATE_MESSAGES, List.of()));
            return;
        }
        if (!pipeline.publishGateAck(lane, arrivalId, "OPENED".equals(state))) {
            socket.writeTextMessage(
                    StreamErrors.of(503, "the lane pipeline is full; send the acknowledgement again", List.of()));
        }
    }

    /** A gate in fault cannot carry out a RELEASE: the lane HOLDs its releases until the gate is READY. */
    private void onGateStatus(int lane, ServerWebSocket socket, Object status) {
        if (!("FAULT".equals(status) || "READY".equals(status))) {
            socket.writeTextMessage(StreamErrors.of(400, GATE_MESSAGES, List.of()));
            return;
        }
        boolean fault = "FAULT".equals(status);
        if (fault != hub.gateInFault(lane)) {
            hub.gateFault(lane, fault);
            LOG.warn("The gate of lane {} reports {}", pipeline.lane(lane).id(), status);
            laneState(lane);
        }
    }

    /** The loop detector under the boom: CLEAR means the vehicle decided at the lane has left it. */
    private void onLoop(int lane, ServerWebSocket socket, Object loop) {
        if (!("CLEAR".equals(loop) || "OCCUPIED".equals(loop))) {
            socket.writeTextMessage(StreamErrors.of(400, GATE_MESSAGES, List.of()));
            return;
        }
        if ("CLEAR".equals(loop) && !pipeline.publishLaneClear(lane)) {
            socket.writeTextMessage(
                    StreamErrors.of(503, "the lane pipeline is full; send the loop state again", List.of()));
        }
    }

    private void laneState(int lane) {
        hub.toConsoles(hk.seamless.gate.LaneStateMessage.of(
                hub, lane, pipeline.lane(lane).id()));
    }

    /** A handshake that could not be completed is answered; the connection is then closed (ConnectionWatch). */
    private static void refusedUpgrade(RoutingContext ctx, Throwable e) {
        Failures.send(
                ctx.response(),
                new HttpProblem(
                        400, "Invalid request", "the WebSocket handshake failed: " + LogValues.escape(e.getMessage())));
    }
}
