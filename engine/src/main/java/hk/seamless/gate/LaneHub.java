package hk.seamless.gate;

import io.vertx.core.http.ServerWebSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Who is listening at each lane: its gate controllers and its device streams, and the officers'
 * consoles. Sockets join and leave on event loops; the pipeline thread sends to them. Nothing is
 * queued for a socket that is not connected: a gate that reconnects hears only what is decided
 * after it came back, never a stale RELEASE.
 */
public final class LaneHub {

    private final List<CopyOnWriteArrayList<ServerWebSocket>> gates;
    private final List<CopyOnWriteArrayList<ServerWebSocket>> streams;
    private final CopyOnWriteArrayList<ServerWebSocket> consoles = new CopyOnWriteArrayList<>();
    /** Per lane, the HOLD said when no decision could be given, until the lane's next decision. */
    private final java.util.concurrent.atomic.AtomicReferenceArray<String> holds;
    /** Per lane, 1 while its gate controller reports a fault: such a gate cannot carry out a RELEASE. */
    private final java.util.concurrent.atomic.AtomicIntegerArray faults;
    /** Per lane, the gates the engine drives itself (a Modbus TCP gate): they hear what WebSocket gates hear. */
    private final List<CopyOnWriteArrayList<GateLink>> drivenGates;
    /**
     * Per lane, a fault the engine found itself (no confirmation, a lost connection, a stuck input):
     * it stands until an officer clears it, whatever the gate says meanwhile.
     */
    private final LatchedFaults latchedFaults;
    /** Per lane, the state of a reader the engine reaches itself (LLRP), or null. */
    private final java.util.concurrent.atomic.AtomicReferenceArray<String> readerStates;

    /** A hub whose latched faults live in memory only (tests that need no restart). */
    public LaneHub(int lanes) {
        this(
                java.util.stream.IntStream.range(0, lanes)
                        .mapToObj(i -> "lane-" + i)
                        .toList(),
                null);
    }

    /**
     * @param laneIds     the lanes in the pipeline's order
     * @param faultsFile  where latched gate faults are kept across restarts
     */
    public LaneHub(java.util.List<String> laneIds, java.nio.file.Path faultsFile) {
        int lanes = laneIds.size();
        gates = new java.util.ArrayList<>(lanes);
        streams = new java.util.ArrayList<>(lanes);
        for (int i = 0; i < lanes; i++) {
            gates.add(new CopyOnWriteArrayList<>());
            streams.add(new CopyOnWriteArrayList<>());
        }
        faults = new java.util.concurrent.atomic.AtomicIntegerArray(lanes);
        drivenGates = new java.util.ArrayList<>(lanes);
        for (int i = 0; i < lanes; i++) {
            drivenGates.add(new CopyOnWriteArrayList<>());
        }
        latchedFaults = new LatchedFaults(laneIds, faultsFile);
        readerStates = new java.util.concurrent.atomic.AtomicReferenceArray<>(lanes);
        holds = new java.util.concurrent.atomic.AtomicReferenceArray<>(lanes);
    }

    /** A HOLD stands on the lane until its next decision: a console that connects meanwhile is told of it. */
    public void holdStands(int lane, String holdMessage) {
        holds.set(lane, holdMessage);
    }

    /** The lane decided again: its HOLD no longer stands. */
    public void holdLifted(int lane) {
        if (holds.get(lane) != null) {
            holds.set(lane, null);
        }
    }

    /** The HOLD standing on the lane, as it was said, or null. */
    public String standingHold(int lane) {
        return holds.get(lane);
    }

    public void addGate(int lane, ServerWebSocket socket) {
        gates.get(lane).add(socket);
    }

    public void removeGate(int lane, ServerWebSocket socket) {
        gates.get(lane).remove(socket);
    }

    public boolean gateConnected(int lane) {
        return !gates.get(lane).isEmpty() || !drivenGates.get(lane).isEmpty();
    }

    /** A gate the engine drives (Modbus TCP) is connected: decisions reach it as they reach a WebSocket gate. */
    public void addDrivenGate(int lane, GateLink gate) {
        drivenGates.get(lane).add(gate);
    }

    public void removeDrivenGate(int lane, GateLink gate) {
        drivenGates.get(lane).remove(gate);
    }

    /**
     * Latches a fault on the lane's gate: no RELEASE until an officer clears it.
     *
     * @return true if the lane was not already latched (the first fault is the one recorded)
     */
    public boolean latchFault(int lane, String reason) {
        return latchedFaults.latch(lane, reason);
    }

    /** An officer cleared the lane's latched fault; returns the fault that stood, or null. */
    public String clearLatchedFault(int lane) {
        return latchedFaults.clear(lane);
    }

    /** The latched fault standing on the lane's gate, or null. */
    public String latchedFault(int lane) {
        return latchedFaults.get(lane);
    }

    /** The engine's LLRP reader on the lane says how it is (CONNECTED, DISCONNECTED, ...). */
    public void readerState(int lane, String state) {
        readerStates.set(lane, state);
    }

    /** The state of the lane's LLRP reader, or null for a lane whose reader posts its reads. */
    public String readerState(int lane) {
        return readerStates.get(lane);
    }

    /** The gate controller says it cannot move the boom (or that it can again). */
    public void gateFault(int lane, boolean inFault) {
        faults.set(lane, inFault ? 1 : 0);
    }

    public boolean gateInFault(int lane) {
        return faults.get(lane) == 1 || latchedFaults.get(lane) != null;
    }

    /** Whether the lane's gate can carry out a RELEASE now: connected and not in fault. */
    public boolean gateAvailable(int lane) {
        return gateConnected(lane) && !gateInFault(lane);
    }

    public void addStream(int lane, ServerWebSocket socket) {
        streams.get(lane).add(socket);
    }

    public void removeStream(int lane, ServerWebSocket socket) {
        streams.get(lane).remove(socket);
    }

    public void addConsole(ServerWebSocket socket) {
        consoles.add(socket);
    }

    public void removeConsole(ServerWebSocket socket) {
        consoles.remove(socket);
    }

    public void toGates(int lane, String message) {
        send(gates.get(lane), message);
        for (GateLink gate : drivenGates.get(lane)) {
            gate.send(message);
        }
    }

    public void toStreams(int lane, String message) {
        send(streams.get(lane), message);
    }

    public void toConsoles(String message) {
        send(consoles, message);
    }

    /** Vert.x hands each write to the socket's own event loop, so any thread may call this. */
    private static void send(List<ServerWebSocket> sockets, String message) {
        for (ServerWebSocket socket : sockets) {
            if (!socket.isClosed()) {
                socket.writeTextMessage(message);
            }
        }
    }
}
