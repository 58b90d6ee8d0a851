package hk.seamless.lanesim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Consumer;

/**
 * Each lane's arrivals sent and not yet decided, oldest first. A lane with tags holds one vehicle
 * at a time (see {@link LaneDispatch}); a plate-only lane's plates go out in order on one camera,
 * so its queue can be long. A decision is matched by the vehicle it names ({@link #meantFor}); the
 * caller holds the lane's queue as a lock while it matches and removes, so that two decisions heard
 * at once on different threads (gate socket and lane stream) cannot both take one arrival.
 */
final class ArrivalsInFlight {

    private final List<ConcurrentLinkedDeque<InFlight>> lanes;

    ArrivalsInFlight(int laneCount) {
        lanes = new ArrayList<>(laneCount);
        for (int i = 0; i < laneCount; i++) {
            lanes.add(new ConcurrentLinkedDeque<>());
        }
    }

    void add(int lane, InFlight f) {
        lanes.get(lane).add(f);
    }

    /** The lane's queue: also the lock to hold while matching a decision in it. */
    ConcurrentLinkedDeque<InFlight> of(int lane) {
        return lanes.get(lane);
    }

    /**
     * The arrival in flight a decision is for: the one expected to name the vehicle the decision
     * names, else, for an UNIDENTIFIED_VEHICLE decision, the oldest one whose vehicle cannot be
     * foreseen (against the floor, which expects nothing, the oldest one); null if none. Call
     * holding {@code queue}.
     */
    static InFlight meantFor(ConcurrentLinkedDeque<InFlight> queue, Decision d) {
        if (d.vehicleMark() != null) {
            for (InFlight candidate : queue) {
                if (candidate.expected != null && d.vehicleMark().equals(candidate.expected.mark())) {
                    return candidate;
                }
            }
        }
        // Unidentified arrivals are decided in the order they came (one camera, in order). A
        // decision of anything else naming no vehicle in flight is nobody's: it finds nothing.
        boolean unidentified = d.reasons().contains("UNIDENTIFIED_VEHICLE");
        for (InFlight candidate : queue) {
            if (candidate.expected == null || (unidentified && candidate.expected.mark() == null)) {
                return candidate;
            }
        }
        return null;
    }

    /** Every arrival still in flight, lane by lane (at the run's end: those never decided). */
    void forEach(Consumer<InFlight> action) {
        lanes.forEach(lane -> lane.forEach(action));
    }

    /** Every arrival still in flight, lane by lane, with its lane's index. */
    void forEachAtLane(LaneAction action) {
        for (int i = 0; i < lanes.size(); i++) {
            int lane = i;
            lanes.get(i).forEach(f -> action.accept(lane, f));
        }
    }

    interface LaneAction {
        void accept(int lane, InFlight f);
    }
}
