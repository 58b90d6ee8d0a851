package hk.seamless.lanesim;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays a gate that drops, at the gate-drop lane: in turn its gate is connected for a while, then
 * disconnected for a while. The engine learns of a close (and of a new connection) on its own
 * time, so each change is made while the lane holds no vehicle, and no vehicle comes for a guard
 * gap after it is complete: every arrival then meets a gate state the oracle knows for sure
 * (connected: as ONTIME; disconnected: a would-be RELEASE is HOLD GATE_UNAVAILABLE).
 */
final class GateDropCycle implements Runnable {

    static final long UP_MILLIS = 1_500;
    static final long DOWN_MILLIS = 1_500;
    static final long GUARD_MILLIS = 500;

    /** What the cycle does to its lane. */
    interface GateLane {
        /** Waits until the lane holds no vehicle, and keeps new ones away until {@link #freeLane}. */
        void takeLane() throws InterruptedException;

        void freeLane();

        /** Closes the gate's socket and waits until the close is complete. */
        void disconnectGate();

        void connectGate() throws Exception;

        /** What the oracle assumes for the arrivals sent from now on. */
        void gateConnected(boolean connected);
    }

    private final GateLane lane;
    private final AtomicLong drops;
    private volatile boolean stopped;

    GateDropCycle(GateLane lane, AtomicLong drops) {
        this.lane = lane;
        this.drops = drops;
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                Thread.sleep(UP_MILLIS);
                if (stopped) {
                    return;
                }
                lane.takeLane();
                lane.disconnectGate();
                Thread.sleep(GUARD_MILLIS);
                lane.gateConnected(false);
                lane.freeLane();
                drops.incrementAndGet();
                Thread.sleep(DOWN_MILLIS);
                lane.takeLane();
                lane.connectGate();
                Thread.sleep(GUARD_MILLIS);
                lane.gateConnected(true);
                lane.freeLane();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("the gate-drop lane's gate could not be reconnected", e);
        }
    }
}
