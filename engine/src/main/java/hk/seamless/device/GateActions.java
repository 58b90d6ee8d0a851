package hk.seamless.device;

import hk.seamless.pipeline.GateEvent;

/** What the boom interlock may do to the lane: drive the boom, and tell the engine what happened. */
public interface GateActions {

    /** Sets (true) or releases (false) the coil that raises the boom; in pulse mode the caller drops it again. */
    void raiseCoil(boolean set);

    /** The boom-up switch confirmed a RELEASE: the arrival's gate acknowledgement (OPENED). */
    void opened(String arrivalId);

    /** The boom-down switch says the boom stayed down for a decision that was not a RELEASE (CLOSED). */
    void keptClosed(String arrivalId);

    /** The loop detector went CLEAR: the vehicle decided at the lane has left. */
    void loopCleared();

    /** A boom movement, into the lane journal. */
    void journal(GateEvent event);

    /** Latches a fault on the lane: HOLD until an officer clears it. */
    void fault(String reason);
}
