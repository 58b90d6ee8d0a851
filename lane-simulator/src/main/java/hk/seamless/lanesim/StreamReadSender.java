package hk.seamless.lanesim;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads over the lane streams: per lane one socket for the camera, one for the RFID reader and,
 * when EMPTY presses are sent, one for the button (a device may only send its own kind). What
 * the engine says back on the camera's socket (accepted, the lane's decisions) goes to the
 * {@link ReadSender.DeviceListener}; decisions are timed on the gate; errors are reported.
 */
final class StreamReadSender implements ReadSender {

    private final List<WsConnection> cameras = new ArrayList<>();
    private final List<WsConnection> readers = new ArrayList<>();
    private final List<WsConnection> buttons = new ArrayList<>();
    /** Per lane, what to send once the button's press is accepted: the engine answers a socket's reads in order. */
    private final List<java.util.concurrent.ConcurrentLinkedQueue<Runnable>> afterPress = new ArrayList<>();

    StreamReadSender(
            LaneSockets sockets,
            URI base,
            List<LaneInfo> lanes,
            DeviceTokens tokens,
            boolean withButtons,
            Consumer<String> onProblem,
            ReadSender.DeviceListener listener)
            throws Exception {
        this(sockets, LaneBases.single(base), lanes, tokens, withButtons, onProblem, listener);
    }

    /** @param bases the engine serving each lane */
    StreamReadSender(
            LaneSockets sockets,
            LaneBases bases,
            List<LaneInfo> lanes,
            DeviceTokens tokens,
            boolean withButtons,
            Consumer<String> onProblem,
            ReadSender.DeviceListener listener)
            throws Exception {
        for (int index = 0; index < lanes.size(); index++) {
            LaneInfo lane = lanes.get(index);
            int laneIndex = index;
            String path = "/lane/v1/lanes/" + lane.id() + "/stream";
            URI base = bases.of(lane);
            Consumer<String> onText = text -> {
                if ("error".equals(kind(text))) {
                    onProblem.accept(lane.id() + " stream: " + text);
                }
            };
            Consumer<String> onCameraText = text -> {
                onText.accept(text);
                listener.heard(laneIndex, 0, text);
            };
            cameras.add(sockets.open(
                    WsConnection.uri(base, path), tokens.get(lane.id(), "CAMERA"), onCameraText, onProblem));
            readers.add(sockets.open(WsConnection.uri(base, path), tokens.get(lane.id(), "RFID"), onText, onProblem));
            java.util.concurrent.ConcurrentLinkedQueue<Runnable> pending =
                    new java.util.concurrent.ConcurrentLinkedQueue<>();
            afterPress.add(pending);
            Consumer<String> onButtonText = text -> {
                String kind = kind(text);
                if ("error".equals(kind)) {
                    onProblem.accept(lane.id() + " stream: " + text);
                }
                if ("accepted".equals(kind) || "error".equals(kind)) {
                    Runnable then = pending.poll();
                    if (then != null) {
                        then.run();
                    }
                }
            };
            buttons.add(
                    withButtons
                            ? sockets.open(
                                    WsConnection.uri(base, path),
                                    tokens.get(lane.id(), "BUTTON"),
                                    onButtonText,
                                    onProblem)
                            : null);
        }
    }

    /**
     * The kind of a message the engine sent on a lane stream when it may be one the sender acts on
     * ({@code accepted} or {@code error}), else null. Every read is answered on its socket, thousands a
     * second: a message whose text does not even contain either word in quotes is neither, and is
     * not parsed.
     */
    static String kind(String text) {
        if (!text.contains("\"error\"") && !text.contains("\"accepted\"")) {
            return null;
        }
        return new JsonObject(text).getValue("kind") instanceof String kind ? kind : null;
    }

    @Override
    public boolean stream() {
        return true;
    }

    @Override
    public java.util.concurrent.CompletableFuture<EngineClient.Answer> plate(int lane, String json) {
        cameras.get(lane).send(json);
        return null;
    }

    @Override
    public void tag(int lane, String json) {
        readers.get(lane).send(json);
    }

    @Override
    public void empty(int lane, String json, Runnable then) {
        afterPress.get(lane).add(then);
        buttons.get(lane).send(json);
    }

    @Override
    public void close() {
        cameras.forEach(WsConnection::close);
        readers.forEach(WsConnection::close);
        buttons.stream().filter(b -> b != null).forEach(WsConnection::close);
    }
}
