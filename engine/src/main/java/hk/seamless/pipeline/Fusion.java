package hk.seamless.pipeline;

import hk.seamless.config.Lane;
import hk.seamless.lane.plate.PlateNormaliser;

import java.util.List;
import java.util.function.Consumer;

/**
 * Fuses the reads of one vehicle at one lane into an arrival. A lane with both a camera and an RFID
 * reader waits for both, for the fusion window after the first read, then decides with what it
 * has; a camera-only lane decides on the plate at once. A different plate at a lane that is still
 * waiting means the next vehicle: the waiting one is decided first.
 *
 * <p>Pipeline thread only. Each lane has two arrivals that take turns, so nothing is allocated.
 */
final class Fusion {

    private final Arrival[] filling;
    private final Arrival[] spare;
    private final long windowMillis;
    private final ArrivalIds ids;
    private final StringBuilder scratchA = new StringBuilder(16);
    private final StringBuilder scratchB = new StringBuilder(16);

    Fusion(List<Lane> lanes, long windowMillis, ArrivalIds ids) {
        this.filling = new Arrival[lanes.size()];
        this.spare = new Arrival[lanes.size()];
        for (int i = 0; i < lanes.size(); i++) {
            spare[i] = new Arrival(lanes.get(i), i);
            filling[i] = null;
        }
        this.windowMillis = windowMillis;
        this.ids = ids;
    }

    /** The arrival the event belongs to after it is taken in; completed arrivals go to {@code decide}. */
    Arrival onRead(LaneEvent event, long nowMillis, Consumer<Arrival> decide) {
        int lane = event.laneIndex;
        Arrival arrival = filling[lane];
        if (arrival != null && startsNextVehicle(arrival, event)) {
            complete(lane, null, decide);
            arrival = null;
        }
        if (arrival == null) {
            arrival = open(lane, nowMillis);
        }
        arrival.lastReadNanos = event.receivedNanos;
        switch (event.type) {
            case PLATE -> {
                if (!arrival.hasPlate || event.plate.confidence() > arrival.plate.confidence()) {
                    arrival.plate.copyFrom(event.plate);
                }
                arrival.hasPlate = true;
            }
            case TAG -> {
                arrival.epc.setLength(0);
                arrival.epc.append(event.epc);
                arrival.hasTag = true;
            }
            case EMPTY -> arrival.emptyPressed = true;
            default -> throw new IllegalArgumentException("not a read: " + event.type);
        }
        if (isComplete(arrival)) {
            complete(lane, event.origin, decide);
        }
        return arrival;
    }

    /** Decides every arrival whose fusion window has run out. */
    void onTick(long nowMillis, Consumer<Arrival> decide) {
        for (int lane = 0; lane < filling.length; lane++) {
            Arrival arrival = filling[lane];
            if (arrival != null && nowMillis - arrival.openedAtMillis >= windowMillis) {
                complete(lane, null, decide);
            }
        }
    }

    private boolean isComplete(Arrival arrival) {
        if (!arrival.hasPlate) {
            return false;
        }
        return !arrival.lane.rfidReader() || arrival.hasTag;
    }

    /** A second plate or tag that differs from what the waiting arrival has is another vehicle. */
    private boolean startsNextVehicle(Arrival arrival, LaneEvent event) {
        if (event.type == LaneEventType.PLATE && arrival.hasPlate) {
            PlateNormaliser.normalise(arrival.plate.plate(), scratchA);
            PlateNormaliser.normalise(event.plate.plate(), scratchB);
            return !contentEquals(scratchA, scratchB);
        }
        if (event.type == LaneEventType.TAG && arrival.hasTag) {
            return !contentEquals(arrival.epc, event.epc);
        }
        return false;
    }

    private Arrival open(int lane, long nowMillis) {
        Arrival arrival = spare[lane];
        spare[lane] = null;
        arrival.open(ids.next(arrival.lane.id()), nowMillis);
        filling[lane] = arrival;
        return arrival;
    }

    private void complete(int lane, ReadOrigin origin, Consumer<Arrival> decide) {
        Arrival arrival = filling[lane];
        filling[lane] = null;
        arrival.completingOrigin = origin;
        try {
            decide.accept(arrival);
        } finally {
            // Even when deciding failed (the gate then stays closed), the lane takes the next vehicle.
            spare[lane] = arrival;
        }
    }

    private static boolean contentEquals(CharSequence a, CharSequence b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
