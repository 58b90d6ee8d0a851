package hk.seamless.pipeline;

import hk.seamless.gate.LaneHub;
import io.vertx.core.json.JsonObject;

/** A gate says it opened or stayed closed for an arrival: recorded, journalled, shown on consoles. */
final class GateAcknowledgements {

    private final ArrivalRecords records;
    private final DecisionJournal journal;
    private final LaneHub hub;
    private final String[] laneIds;

    GateAcknowledgements(ArrivalRecords records, DecisionJournal journal, LaneHub hub, String[] laneIds) {
        this.laneIds = laneIds;
        this.records = records;
        this.journal = journal;
        this.hub = hub;
    }

    void acknowledge(int laneIndex, CharSequence arrivalId, boolean opened, long nowMillis) {
        String id = arrivalId.toString();
        ArrivalRecord record = records.find(id);
        String state = opened ? "OPENED" : "CLOSED";
        if (record == null || record.lane() == null || !record.lane().equals(laneIds[laneIndex])) {
            // Not an arrival of this gate's lane (or one too old to remember): nothing to record.
            return;
        }
        records.replace(record.withGateState(state));
        journal.gateAcknowledged(id, record.lane(), state, nowMillis);
        hub.toConsoles(new JsonObject().put("kind", "gate").put("arrivalId", id).put("lane", record.lane())
                .put("state", state).encode());
    }
}
