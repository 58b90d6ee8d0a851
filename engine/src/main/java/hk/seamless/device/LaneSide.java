package hk.seamless.device;

import hk.seamless.gate.GateLink;
import hk.seamless.gate.LaneHub;
import hk.seamless.gate.LaneStateMessage;
import hk.seamless.pipeline.GateEvent;
import hk.seamless.pipeline.LanePipeline;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine as one lane's drivers see it: reads go into the pipeline by the same path as the
 * HTTP routes', and a gate's acknowledgements, loop changes, movements and faults go where a
 * WebSocket gate's go. Any thread may call it.
 */
public final class LaneSide {

    private static final Logger LOG = LoggerFactory.getLogger(LaneSide.class);

    private final LanePipeline pipeline;
    private final LaneHub hub;
    private final int index;
    private final String id;
    private final Clock clock;
    private final DeviceMetrics gateMetrics;

    public LaneSide(LanePipeline pipeline, LaneHub hub, int index, Clock clock, DeviceMetrics gateMetrics) {
        this.pipeline = pipeline;
        this.hub = hub;
        this.index = index;
        this.id = pipeline.lane(index).id();
        this.clock = clock;
        this.gateMetrics = gateMetrics;
    }

    public String id() {
        return id;
    }

    public long nowMillis() {
        return clock.millis();
    }

    /** A tag the lane's reader saw: the same tag read the HTTP route makes. */
    public boolean tagRead(String epc) {
        if (!pipeline.publishTag(index, epc, DeviceReadOrigin.INSTANCE)) {
            pipeline.hold(index, "PIPELINE_FULL");
            return false;
        }
        return true;
    }

    public boolean faulted() {
        return hub.latchedFault(index) != null;
    }

    /** Latches a fault: the lane HOLDs (GATE_UNAVAILABLE) until an officer clears it. Only the first is recorded. */
    public void fault(String reason) {
        if (!hub.latchFault(index, reason)) {
            return;
        }
        LOG.error("Gate fault on lane {}: {}; the lane holds until an officer clears it", id, reason);
        gateMetrics.count(
                "seamless_gate_faults", reason.contains(":") ? reason.substring(0, reason.indexOf(':')) : reason);
        journal(new GateEvent(GateEvent.Kind.GATE_FAULT, null, reason, null));
        pipeline.hold(index, "GATE_UNAVAILABLE");
        hub.toConsoles(LaneStateMessage.of(hub, index, id));
    }

    public void opened(String arrivalId) {
        if (!pipeline.publishGateAck(index, arrivalId, true)) {
            LOG.error("Lane {}: the pipeline is full; the boom-up of {} is not acknowledged", id, arrivalId);
        }
    }

    public void keptClosed(String arrivalId) {
        if (!pipeline.publishGateAck(index, arrivalId, false)) {
            LOG.warn("Lane {}: the pipeline is full; the boom-down of {} is not acknowledged", id, arrivalId);
        }
    }

    public void loopCleared() {
        gateMetrics.count("seamless_loop_clears", "CLEAR");
        if (!pipeline.publishLaneClear(index)) {
            LOG.error(
                    "Lane {}: the pipeline is full; the loop's CLEAR is lost (the presence window still ends it)", id);
        }
    }

    public void journal(GateEvent event) {
        if (!pipeline.publishGateEvent(index, event)) {
            LOG.error("Lane {}: the pipeline is full; not journalled: {}", id, event);
        }
    }

    public void gateConnected(GateLink gate, boolean connected) {
        if (connected) {
            hub.addDrivenGate(index, gate);
        } else {
            hub.removeDrivenGate(index, gate);
        }
        hub.toConsoles(LaneStateMessage.of(hub, index, id));
    }

    public void readerState(String state) {
        if (!state.equals(hub.readerState(index))) {
            hub.readerState(index, state);
            hub.toConsoles(LaneStateMessage.of(hub, index, id));
        }
    }
}
