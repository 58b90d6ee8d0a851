package hk.seamless.pipeline;

import hk.seamless.gate.LaneHub;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A gate says it opened or stayed closed for an arrival: recorded, journalled, shown on consoles. */
final class GateAcknowledgements {

    private static final Logger LOG = LoggerFactory.getLogger(GateAcknowledgements.class);

    private final ArrivalRecords records;
    private final DecisionJournal journal;
    private final LaneHub hub;
    private final String[] laneIds;
    private final io.micrometer.core.instrument.Counter opened;
    private final io.micrometer.core.instrument.Counter closed;

    GateAcknowledgements(
            ArrivalRecords records,
            DecisionJournal journal,
            LaneHub hub,
            String[] laneIds,
            io.micrometer.core.instrument.MeterRegistry metrics) {
        this.laneIds = laneIds;
        this.opened = io.micrometer.core.instrument.Counter.builder("seamless_gate_acks")
                .tag("state", "OPENED")
                .description("gate acknowledgements")
                .register(metrics);
        this.closed = io.micrometer.core.instrument.Counter.builder("seamless_gate_acks")
                .tag("state", "CLOSED")
                .description("gate acknowledgements")
                .register(metrics);
        this.records = records;
        this.journal = journal;
        this.hub = hub;
    }

    /** A boom movement or a gate fault: into the lane journal (and so the audit trail), and onto the consoles. */
    void gateEvent(int laneIndex, GateEvent event, long nowMillis) {
        journal.gateEvent(laneIds[laneIndex], event, nowMillis);
        hub.toConsoles(event.toJson(laneIds[laneIndex]).put("kind", "gateEvent").encode());
    }

    /**
     * Whatever the gate's transport, a boom that rose without a RELEASE is a fault that stands until
     * an officer clears it: the lane holds its releases meanwhile.
     */
    private void roseWithoutRelease(int laneIndex, String arrivalId, String why, long nowMillis) {
        String reason = "ROSE_WITHOUT_RELEASE: the gate says it OPENED for " + arrivalId + " " + why;
        if (!hub.latchFault(laneIndex, reason)) {
            return;
        }
        gateEvent(laneIndex, new GateEvent(GateEvent.Kind.GATE_FAULT, arrivalId, reason, null), nowMillis);
        String hold = DecisionMessages.hold(
                laneIds[laneIndex], "GATE_UNAVAILABLE", java.time.Instant.ofEpochMilli(nowMillis));
        hub.holdStands(laneIndex, hold);
        hub.toGates(laneIndex, hold);
        hub.toConsoles(hold);
        hub.toConsoles(hk.seamless.gate.LaneStateMessage.of(hub, laneIndex, laneIds[laneIndex]));
    }

    void acknowledge(int laneIndex, CharSequence arrivalId, boolean opened, long nowMillis) {
        String id = arrivalId.toString();
        ArrivalRecord record = records.find(id);
        String state = opened ? "OPENED" : "CLOSED";
        if (record == null || record.lane() == null || !record.lane().equals(laneIds[laneIndex])) {
            if (opened) {
                // An arrival this lane never released: unknown, another lane's, or older than the lane
                // remembers. A boom up for it is a boom up without a RELEASE. Not recorded as that
                // arrival's gate answer: it is not this lane's to answer for.
                this.opened.increment();
                LOG.error(
                        "Gate fault on {}: the gate says it OPENED for {}, which this lane did not release",
                        laneIds[laneIndex],
                        id);
                roseWithoutRelease(laneIndex, id, "which this lane did not release", nowMillis);
            }
            return;
        }
        (opened ? this.opened : this.closed).increment();
        if (opened && record.decision() != Verdict.RELEASE) {
            LOG.error(
                    "Gate fault on {}: the gate says it OPENED for {} whose decision is {}",
                    record.lane(),
                    id,
                    record.decision());
            roseWithoutRelease(laneIndex, id, "whose decision is " + record.decision(), nowMillis);
        } else if (!opened && record.decision() == Verdict.RELEASE) {
            LOG.warn("Gate fault on {}: the gate stayed CLOSED on the RELEASE of {}", record.lane(), id);
        }
        records.replace(record.withGateState(state));
        journal.gateAcknowledged(id, record.lane(), state, nowMillis);
        hub.toConsoles(new JsonObject()
                .put("kind", "gate")
                .put("arrivalId", id)
                .put("lane", record.lane())
                .put("state", state)
                .encode());
    }
}
