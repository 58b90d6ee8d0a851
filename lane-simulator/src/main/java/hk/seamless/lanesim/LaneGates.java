package hk.seamless.lanesim;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The gate controllers the run plays, one WebSocket per lane: they acknowledge each decision
 * (OPENED for RELEASE, else CLOSED), and the gate-drop lane's is disconnected and reconnected in
 * turn by a {@link GateDropCycle}. {@link #connected} is what the oracle must assume for an
 * arrival sent now: it changes only while that lane holds no vehicle, and only after a guard gap.
 */
final class LaneGates {

    private static final String OPENED = ",\"state\":\"OPENED\"}";
    private static final String CLOSED = ",\"state\":\"CLOSED\"}";

    private final List<LaneInfo> lanes;
    private final BiConsumer<Integer, String> onMessage;
    private final Consumer<String> onProblem;
    private final AtomicReferenceArray<WsConnection> gateSockets;
    private final AtomicBoolean[] connected;
    /** Lanes whose gate the engine drives itself (an emulated Modbus gate): no gate socket, no acknowledgements. */
    private final boolean[] driven;

    private LaneSockets sockets;
    private LaneBases bases;
    private DeviceTokens tokens;
    private volatile GateDropCycle cycle;
    private Thread cycleThread;

    LaneGates(List<LaneInfo> lanes, BiConsumer<Integer, String> onMessage, Consumer<String> onProblem) {
        this.lanes = lanes;
        this.onMessage = onMessage;
        this.onProblem = onProblem;
        this.gateSockets = new AtomicReferenceArray<>(lanes.size());
        this.connected = new AtomicBoolean[lanes.size()];
        this.driven = new boolean[lanes.size()];
        for (int i = 0; i < lanes.size(); i++) {
            connected[i] = new AtomicBoolean(true);
        }
    }

    void connectAll(LaneSockets sockets, LaneBases bases, DeviceTokens tokens) throws Exception {
        this.sockets = sockets;
        this.bases = bases;
        this.tokens = tokens;
        for (int i = 0; i < lanes.size(); i++) {
            if (!driven[i]) {
                connect(i);
            }
        }
    }

    /** The lane's gate is one the engine drives (Modbus): its decisions are heard on the lane stream instead. */
    void drive(int lane) {
        driven[lane] = true;
    }

    boolean driven(int lane) {
        return driven[lane];
    }

    private void connect(int lane) throws Exception {
        String id = lanes.get(lane).id();
        gateSockets.set(
                lane,
                sockets.open(
                        WsConnection.uri(bases.of(lanes.get(lane)), "/lane/v1/lanes/" + id + "/gate"),
                        tokens.get(id, "GATE"),
                        text -> onMessage.accept(lane, text),
                        p -> onProblem.accept(id + " gate: " + p)));
    }

    boolean connected(int lane) {
        return connected[lane].get();
    }

    void acknowledge(int lane, Decision d) {
        if (d.arrivalId() != null) {
            // One a decision: a template, the arrival id escaped by JsonTemplate.
            StringBuilder ack = JsonTemplate.field(new StringBuilder(80).append('{'), "ack", d.arrivalId());
            gateSockets
                    .get(lane)
                    .send(ack.append(Oracle.RELEASE.equals(d.decision()) ? OPENED : CLOSED)
                            .toString());
        }
    }

    /** Starts dropping the lane's gate in turn; its vehicles come and go through {@code dispatch}. */
    void startDropping(int lane, LaneDispatch dispatch, AtomicLong drops) {
        cycle = new GateDropCycle(
                new GateDropCycle.GateLane() {
                    @Override
                    public void takeLane() throws InterruptedException {
                        dispatch.takeLane(lane);
                    }

                    @Override
                    public void freeLane() {
                        dispatch.release(lane);
                    }

                    @Override
                    public void disconnectGate() {
                        gateSockets.get(lane).closeAndWait();
                    }

                    @Override
                    public void connectGate() throws Exception {
                        connect(lane);
                    }

                    @Override
                    public void gateConnected(boolean up) {
                        connected[lane].set(up);
                    }
                },
                drops);
        cycleThread = new Thread(cycle, "gate-drop");
        cycleThread.setDaemon(true);
        cycleThread.start();
    }

    boolean dropping() {
        return cycle != null;
    }

    void close() {
        if (cycle != null) {
            cycle.stop();
            cycleThread.interrupt();
        }
        for (int i = 0; i < lanes.size(); i++) {
            WsConnection gate = gateSockets.get(i);
            if (gate != null) {
                gate.close();
            }
        }
    }
}
