package hk.seamless.pipeline;

import hk.seamless.config.Lane;
import java.util.List;
import java.util.function.Consumer;

/**
 * Fuses the reads of one vehicle at one lane into an arrival, and keeps the decided vehicle at the
 * lane while it is there.
 *
 * <p>Filling: a lane with both a camera and an RFID reader waits for both, for the fusion window
 * after the first read, then decides with what it has; a camera-only lane decides on its first
 * frame that reads a Hong Kong mark at or above the confidence threshold, or when the window runs
 * out. Further frames of the same vehicle ({@link SameVehicle}) join the arrival; a read of
 * another vehicle means the next one: the waiting arrival is decided first.
 *
 * <p>A frame of only the Guangdong plate, or of nothing readable, names no vehicle: it joins the
 * arrival filling rather than start another. On a camera-only lane, neither it nor a frame read
 * below the confidence threshold completes the arrival: the lane waits for a confident frame of the
 * truck until the window runs out.
 *
 * <p>Present: after its decision the vehicle is at the lane for the presence window after its last
 * read, until a read of another vehicle, or until the lane's loop detector reports the lane clear.
 * Its reads meanwhile are repeats: recorded with its arrival, never decided again, never sent to
 * the gate. Only the vehicle present may still be released to the gate by an officer. A frame of
 * another mark read below the threshold ends the presence too: it may be the next truck, whose
 * plate cannot be read, and a camera may send one frame a truck; taken for noise, that truck would
 * wait at a closed gate with no decision for the officer to see.
 *
 * <p>The EMPTY button pressed while a decided vehicle is present is recorded with it, but it cannot
 * change that decision: it may as well be the next driver's, pressed before the cameras read the
 * next truck. So it is also held for the lane's next arrival, if that one opens within the fusion
 * window of the press. A press wrongly carried over can only send a laden truck to inspection
 * (EMPTY_CONFLICT); a press lost could let it through.
 *
 * <p>Pipeline thread only. Each lane reuses one arrival, so nothing is allocated.
 */
final class Fusion {

    /** What became of a read. */
    enum Taken {
        /** It joined (or opened) an arrival still waiting for its other sensor or its window. */
        WAITING,
        /** It completed an arrival, which was decided. */
        DECIDED,
        /** It is a further read of the vehicle decided and still present at the lane. */
        REPEAT
    }

    private final Arrival[] arrivals;
    private final boolean[] filling;
    /** Until when (epoch millis) the lane's decided vehicle counts as present; 0 when none is. */
    private final long[] presentUntil;
    /** When (epoch millis) the EMPTY button was last pressed while a decided vehicle was present; 0 if not since. */
    private final long[] pressedWhilePresent;

    private final long windowMillis;
    private final long presenceMillis;
    private final ArrivalIds ids;
    private final SameVehicle sameVehicle;

    Fusion(List<Lane> lanes, long windowMillis, long presenceMillis, ArrivalIds ids, SameVehicle sameVehicle) {
        this.arrivals = new Arrival[lanes.size()];
        for (int i = 0; i < lanes.size(); i++) {
            arrivals[i] = new Arrival(lanes.get(i), i);
        }
        this.filling = new boolean[lanes.size()];
        this.presentUntil = new long[lanes.size()];
        this.pressedWhilePresent = new long[lanes.size()];
        this.windowMillis = windowMillis;
        this.presenceMillis = presenceMillis;
        this.ids = ids;
        this.sameVehicle = sameVehicle;
    }

    /** Takes a read in; an arrival it completes goes to {@code decide}; {@link #arrivalAt} is then the one it joined. */
    Taken onRead(LaneEvent event, long nowMillis, Consumer<Arrival> decide) {
        int lane = event.laneIndex;
        Arrival arrival = arrivals[lane];
        if (filling[lane]) {
            if (!isSameVehicle(arrival, event)) {
                complete(lane, null, nowMillis, decide);
                presentUntil[lane] = 0; // this read is the next vehicle: the one just decided has moved on
                return open(lane, event, nowMillis, decide);
            }
            take(arrival, event);
            if (isComplete(arrival)) {
                complete(lane, event.origin, nowMillis, decide);
                return Taken.DECIDED;
            }
            return Taken.WAITING;
        }
        if (isPresent(lane, nowMillis) && isSameVehicle(arrival, event)) {
            if (event.type == LaneEventType.EMPTY) {
                pressedWhilePresent[lane] = nowMillis;
            } else {
                presentUntil[lane] = nowMillis + presenceMillis; // a sighting of the vehicle: it is still there
            }
            arrival.repeatReads++;
            return Taken.REPEAT;
        }
        presentUntil[lane] = 0;
        return open(lane, event, nowMillis, decide);
    }

    /** The lane's arrival: the one filling, or the one last decided. */
    Arrival arrivalAt(int lane) {
        return arrivals[lane];
    }

    /** Decides every arrival whose fusion window has run out. */
    void onTick(long nowMillis, Consumer<Arrival> decide) {
        for (int lane = 0; lane < arrivals.length; lane++) {
            if (filling[lane] && nowMillis - arrivals[lane].openedAtMillis >= windowMillis) {
                complete(lane, null, nowMillis, decide);
            }
        }
    }

    /** The lane's loop detector reports no vehicle: whoever was decided there has left. */
    void onLaneClear(int lane) {
        presentUntil[lane] = 0;
    }

    /** Whether this decided arrival's vehicle is the one at its lane now (no other vehicle's read since). */
    boolean isPresent(int lane, String arrivalId, long nowMillis) {
        return isPresent(lane, nowMillis) && arrivalId.equals(arrivals[lane].id);
    }

    private boolean isPresent(int lane, long nowMillis) {
        return !filling[lane] && arrivals[lane].verdict != null && nowMillis < presentUntil[lane];
    }

    private Taken open(int lane, LaneEvent event, long nowMillis, Consumer<Arrival> decide) {
        Arrival arrival = arrivals[lane];
        arrival.open(ids.next(arrival.lane.id()), nowMillis);
        filling[lane] = true;
        if (pressedWhilePresent[lane] != 0 && nowMillis - pressedWhilePresent[lane] <= windowMillis) {
            arrival.emptyPressed = true; // pressed just before this vehicle's first read (see the class comment)
        }
        pressedWhilePresent[lane] = 0;
        take(arrival, event);
        if (isComplete(arrival)) {
            complete(lane, event.origin, nowMillis, decide);
            return Taken.DECIDED;
        }
        return Taken.WAITING;
    }

    private void take(Arrival arrival, LaneEvent event) {
        arrival.lastReadNanos = event.receivedNanos;
        switch (event.type) {
            case PLATE -> {
                arrival.addFrame(event.plate);
                // Only a camera-only lane waits for a confident frame (isComplete): a lane with a
                // reader, the usual one, is spared reading the frame's marks a second time.
                if (!arrival.lane.rfidReader()
                        && !arrival.hasConfidentPlate
                        && sameVehicle.readsAMarkConfidently(event.plate)) {
                    arrival.hasConfidentPlate = true;
                }
            }
            case TAG -> {
                arrival.epc.setLength(0);
                arrival.epc.append(event.epc);
                arrival.hasTag = true;
            }
            case EMPTY -> arrival.emptyPressed = true;
            default -> throw new IllegalArgumentException("not a read: " + event.type);
        }
    }

    /**
     * Both sensors have read, or a camera-only lane's camera has read a Hong Kong mark at or above the
     * confidence threshold. With a tag, any frame completes: the tag names the vehicle and a plate
     * that names nobody contradicts nothing. Without one, a frame of only the Guangdong plate, of
     * nothing readable, or below the threshold, waits for a better frame until the window runs out:
     * the camera posts several frames of one truck, and deciding on the first would refer a truck
     * its next frame identifies.
     */
    private static boolean isComplete(Arrival arrival) {
        return arrival.lane.rfidReader() ? arrival.hasPlate && arrival.hasTag : arrival.hasConfidentPlate;
    }

    /**
     * Whether a read belongs to the arrival. While filling, a plate or tag that the arrival has no
     * reading of yet is its other sensor (identification later checks that they agree); a second
     * plate or tag must be of the same vehicle. Once decided, every read must be of that vehicle;
     * the EMPTY button pressed meanwhile is recorded with it (and held for the next arrival).
     */
    private boolean isSameVehicle(Arrival arrival, LaneEvent event) {
        boolean decided = arrival.verdict != null;
        return switch (event.type) {
            case PLATE -> (!decided && !arrival.hasReadablePlate) || sameVehicle.plate(event.plate, arrival);
            case TAG -> (!decided && !arrival.hasTag) || sameVehicle.tag(event.epc, arrival);
            case EMPTY -> true;
            default -> false;
        };
    }

    private void complete(int lane, ReadOrigin origin, long nowMillis, Consumer<Arrival> decide) {
        Arrival arrival = arrivals[lane];
        filling[lane] = false;
        arrival.completingOrigin = origin;
        presentUntil[lane] = nowMillis + presenceMillis;
        // Even when deciding fails (the gate then stays closed), the lane takes the next vehicle.
        decide.accept(arrival);
    }
}
