package hk.seamless.pipeline;

import hk.seamless.lane.plate.PlateRead;

/**
 * One slot of the ring: preallocated once and overwritten for every event, so that passing a read
 * to the pipeline costs a copy into existing buffers, not an object.
 */
public final class LaneEvent {

    LaneEventType type;
    int laneIndex;
    /** When the engine took the event in ({@code System.nanoTime()}), for the pipeline's own latency. */
    long receivedNanos;

    final PlateRead plate = new PlateRead();
    final StringBuilder epc = new StringBuilder(32);
    /** Who is waiting for the answer to this read; null for ticks. */
    ReadOrigin origin;
    /** GATE_ACK: the arrival acknowledged and whether the gate opened. */
    final StringBuilder ackArrivalId = new StringBuilder(40);

    boolean gateOpened;
    /** OVERRIDE: an officer's instruction (rare: an object is fine here). */
    OverrideCommand override;
    /** GATE_EVENT: what happened at a gate the engine drives (rare: an object is fine here). */
    GateEvent gateEvent;

    /** Makes the slot a fresh event of this type for this lane, taken in now. */
    LaneEvent reset(LaneEventType newType, int lane, ReadOrigin newOrigin) {
        clear();
        type = newType;
        laneIndex = lane;
        origin = newOrigin;
        receivedNanos = System.nanoTime();
        return this;
    }

    void clear() {
        type = null;
        laneIndex = -1;
        receivedNanos = 0;
        plate.clear();
        epc.setLength(0);
        origin = null;
        ackArrivalId.setLength(0);
        gateOpened = false;
        override = null;
        gateEvent = null;
    }
}
