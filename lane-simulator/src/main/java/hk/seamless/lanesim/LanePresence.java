package hk.seamless.lanesim;

import java.util.Set;

/**
 * Which vehicle is still "at" one lane as the engine sees it: after a decision, reads of the same
 * vehicle at that lane within the presence window after its last read are late frames of that
 * arrival, never a new one, until the first read of another vehicle ends the presence. So a
 * vehicle must not be sent to the lane where it was the last vehicle less than a window ago
 * (plus a margin for the engine's receipt coming after our send), unless a repeat is meant.
 */
final class LanePresence {

    /** The engine receives a read a little after we send it, and may read its clock later still. */
    static final long MARGIN_NANOS = 2_000_000_000L;

    private final long windowNanos;
    private SimVehicle[] last = new SimVehicle[0];
    private long lastReadNanos;

    LanePresence(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    /** An arrival of these vehicles (plate's and tag's) has just been sent: it ends the presence of the one before. */
    synchronized void arrived(SimVehicle[] vehicles, long nowNanos) {
        last = vehicles.clone();
        lastReadNanos = nowNanos;
    }

    /** Another frame of the same vehicle has just been sent: its presence runs from now. */
    synchronized void seenAgain(long nowNanos) {
        lastReadNanos = nowNanos;
    }

    /** The vehicles the engine may still take for present at this lane: none of them may start the next arrival. */
    synchronized Set<SimVehicle> present(long nowNanos) {
        if (last.length == 0 || nowNanos - lastReadNanos >= windowNanos + MARGIN_NANOS) {
            return Set.of();
        }
        return Set.of(last);
    }
}
