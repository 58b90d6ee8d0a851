package hk.seamless.device;

import hk.seamless.pipeline.GateEvent;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate's safety rules, apart from how the gate is reached: the boom rises only for a RELEASE of
 * the vehicle now at the lane (on a lane with a loop detector, only while the loop is OCCUPIED), it
 * is never brought down while the loop sees a vehicle, and a gate that does not confirm, or whose
 * inputs cannot be true (up and down at once, a loop occupied for ever), is a fault that holds the
 * lane until an officer clears it. Called on one thread (the gate driver's): no locking.
 */
public final class BoomInterlock {

    private static final Logger LOG = LoggerFactory.getLogger(BoomInterlock.class);

    /** Where the boom and the loop are, as the inputs say. */
    public record Inputs(boolean loopOccupied, boolean boomUp, boolean boomDown) {}

    private final String laneId;
    private final boolean hasLoop;
    private final boolean holdMode;
    private final long confirmWithinMillis;
    private final long loopStuckMillis;
    private final BooleanSupplier faulted;
    private final GateActions actions;

    /** A RELEASE waiting for its vehicle to reach the loop, and until when it may be acted on. */
    private String armed;

    private long armedUntilMillis;
    /** The arrival the coil was last written for, and by when the boom-up switch must say so (0: not waiting). */
    private String raisedFor;

    private long confirmByMillis;
    /** The arrival the boom is up for, until it is down again. */
    private String upFor;

    private boolean coilHeld;
    private Inputs last;
    private long loopOccupiedSinceMillis;
    private boolean wasFaulted;
    /** Counts the loop's occupations (CLEAR to OCCUPIED): which vehicle is on it, as far as a loop can tell. */
    private long occupation;
    /** The last decision's arrival, and the occupation it was made during (-1: the loop was clear). */
    private String lastDecided;

    private long lastDecidedOccupation = -1;
    /** The occupation a RELEASE may raise the boom for: not one during which another arrival was decided. */
    private long releasableOccupation = -1;

    public BoomInterlock(
            String laneId,
            boolean hasLoop,
            boolean holdMode,
            long confirmWithinMillis,
            long loopStuckMillis,
            BooleanSupplier faulted,
            GateActions actions) {
        this.laneId = laneId;
        this.hasLoop = hasLoop;
        this.holdMode = holdMode;
        this.confirmWithinMillis = confirmWithinMillis;
        this.loopStuckMillis = loopStuckMillis;
        this.faulted = faulted;
        this.actions = actions;
    }

    /**
     * A decision reached the lane's gate. A RELEASE is armed until it may no longer be acted on;
     * any other decision is for another vehicle (or a HOLD): an armed RELEASE is dropped.
     */
    public void decided(String arrivalId, boolean release, long validUntilMillis, long nowMillis) {
        boolean loopOccupied = last != null && last.loopOccupied();
        // The vehicle on the loop now was already there when another arrival was decided: it may be
        // that one (an INSPECTed truck still standing under the boom), so this RELEASE waits for the
        // loop to clear and be occupied again. An override of the same arrival is for the same vehicle.
        boolean sameVehicleMayBeAnother = loopOccupied
                && lastDecided != null
                && !lastDecided.equals(arrivalId)
                && lastDecidedOccupation == occupation;
        releasableOccupation = sameVehicleMayBeAnother ? occupation + 1 : occupation;
        if (arrivalId != null) {
            lastDecided = arrivalId;
            lastDecidedOccupation = loopOccupied ? occupation : -1;
        }
        if (armed != null && !armed.equals(arrivalId)) {
            LOG.info(
                    "Lane {}: the RELEASE of {} is dropped: the lane has decided again before its truck reached the loop",
                    laneId,
                    armed);
            armed = null;
        }
        if (!release) {
            armed = null;
            if (arrivalId != null && last != null && last.boomDown() && !last.boomUp()) {
                // The switch, not a message, answers for the gate: down, as a decision other than RELEASE wants.
                actions.keptClosed(arrivalId);
            }
            return;
        }
        if (faulted.getAsBoolean()) {
            LOG.warn("Lane {}: the RELEASE of {} is not carried out: the gate is in fault", laneId, arrivalId);
            return;
        }
        armed = arrivalId;
        armedUntilMillis = validUntilMillis;
        raiseIfVehicleThere(nowMillis);
    }

    /** The inputs as just read: boom movements, the loop's changes, and the faults they show. */
    public void inputs(Inputs now, long nowMillis) {
        boolean isFaulted = faulted.getAsBoolean();
        if (wasFaulted && !isFaulted) {
            // An officer cleared the fault: conditions are timed afresh from now.
            loopOccupiedSinceMillis = nowMillis;
        }
        wasFaulted = isFaulted;
        Inputs before = last == null ? new Inputs(false, false, true) : last;
        last = now;
        if (now.boomUp() && now.boomDown()) {
            fault("STUCK_INPUT: the boom-up and boom-down switches are both closed");
        }
        if (hasLoop) {
            loop(before, now, nowMillis);
        }
        if (now.boomUp() && !before.boomUp()) {
            boomRose();
        }
        if (now.boomDown() && !before.boomDown()) {
            actions.journal(new GateEvent(GateEvent.Kind.BOOM_LOWERED, upFor, null, null));
            upFor = null;
            if (hasLoop && now.loopOccupied()) {
                fault("LOWERED_ON_VEHICLE: the boom came down while the loop detector saw a vehicle");
            }
        }
        if (confirmByMillis != 0 && !now.boomUp() && nowMillis > confirmByMillis) {
            confirmByMillis = 0;
            fault("NOT_CONFIRMED: the boom-up switch did not close within " + confirmWithinMillis
                    + " ms of the RELEASE of " + raisedFor);
        }
        raiseIfVehicleThere(nowMillis);
    }

    private void loop(Inputs before, Inputs now, long nowMillis) {
        if (now.loopOccupied() && !before.loopOccupied()) {
            loopOccupiedSinceMillis = nowMillis;
            occupation++;
        } else if (now.loopOccupied() && nowMillis - loopOccupiedSinceMillis > loopStuckMillis) {
            loopOccupiedSinceMillis = nowMillis;
            fault("LOOP_STUCK: the loop detector has said OCCUPIED for more than " + loopStuckMillis + " ms");
        } else if (!now.loopOccupied() && before.loopOccupied()) {
            actions.loopCleared();
            if (armed != null) {
                // A vehicle left the loop while a RELEASE waited: it may have been the released truck
                // backing away, and the next one on the loop is not it. An officer can release again.
                LOG.warn(
                        "Lane {}: the RELEASE of {} is dropped: a vehicle left the loop before the boom rose",
                        laneId,
                        armed);
                armed = null;
            }
            if (coilHeld) {
                // Hold mode: the vehicle is clear of the boom, which may now come down.
                coilHeld = false;
                actions.raiseCoil(false);
            }
        }
    }

    private void boomRose() {
        confirmByMillis = 0;
        upFor = raisedFor;
        raisedFor = null;
        actions.journal(new GateEvent(GateEvent.Kind.BOOM_RAISED, upFor, null, null));
        if (upFor == null) {
            fault("ROSE_WITHOUT_RELEASE: the boom-up switch closed though no RELEASE was given");
        } else {
            actions.opened(upFor);
        }
    }

    private void raiseIfVehicleThere(long nowMillis) {
        if (armed == null) {
            return;
        }
        if (nowMillis > armedUntilMillis) {
            LOG.info(
                    "Lane {}: the RELEASE of {} ran out before its vehicle reached the loop; the boom stays down",
                    laneId,
                    armed);
            armed = null;
            return;
        }
        if (faulted.getAsBoolean()
                || (hasLoop && (last == null || !last.loopOccupied() || occupation < releasableOccupation))) {
            return;
        }
        if (last != null && last.boomUp()) {
            // Still up for the truck before, which is on the loop: this RELEASE is not for it. It waits,
            // and is dropped when that truck leaves (the next one on the loop is not known to be this one).
            return;
        }
        raisedFor = armed;
        armed = null;
        confirmByMillis = nowMillis + confirmWithinMillis;
        coilHeld = holdMode;
        actions.raiseCoil(true);
    }

    private void fault(String reason) {
        armed = null;
        actions.fault(reason);
    }

    /** The connection to the gate was lost: nothing armed survives it. */
    public void disconnected() {
        armed = null;
        confirmByMillis = 0;
    }
}
